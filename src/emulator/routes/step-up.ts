/**
 * Step-up through the browser. A refresh into an organisation that requires SSO or MFA, which the
 * session has not done, is refused with a body carrying `authkit_redirect_url` (as WorkOS does, and
 * as `@workos-inc/authkit-nextjs`'s `switchToOrganization` follows). That URL opens this page: the
 * person signs in again for that organisation (emulated: one click), the session records the SSO
 * or MFA step, and the browser goes back to the app, where the same switch now succeeds. The
 * refused refresh spent nothing, so the app's cookie still works.
 */
import { formBody, html, redirect, type EmuRequest, type Reply } from '../http.js';
import { errorPage } from '../pages/layout.js';
import { stepUpNotice } from '../pages/sign-in.js';
import { STEP_UP_PATH, stepUpPage } from '../pages/step-up.js';
import type { PendingStepUp, SessionRecord, StepUpKind } from '../records.js';
import type { Runtime } from '../runtime.js';
import { randomSecret } from '../tokens.js';

const STEP_UP_TTL_MS = 10 * 60 * 1000;

/** Records a pending step-up for `session` into `organizationId` and returns its page's URL. */
export function startStepUp(runtime: Runtime, session: SessionRecord, organizationId: string, kind: StepUpKind): string {
  const token = randomSecret();
  runtime.store.stepUps.set(token, { token, sessionId: session.id, organizationId, kind, expiresAt: Date.now() + STEP_UP_TTL_MS });
  return `${runtime.baseUrl}${STEP_UP_PATH}/${token}`;
}

interface Pending {
  stepUp: PendingStepUp;
  session: SessionRecord;
  email: string;
  organization: { name: string; require_sso: boolean; require_mfa: boolean };
}

/** The live step-up behind this URL: unexpired, its session not ended, its user and organisation still there. */
function pendingFor(runtime: Runtime, request: EmuRequest): Pending | undefined {
  const { store } = runtime;
  const stepUp = store.stepUps.get(request.params.token!);
  if (!stepUp || stepUp.expiresAt < Date.now()) return undefined;
  const session = store.liveSession(stepUp.sessionId);
  const user = session && store.users.get(session.userId);
  const organization = store.organizations.get(stepUp.organizationId);
  return session && user && organization ? { stepUp, session, email: user.email, organization } : undefined;
}

const expired = () =>
  html(404, errorPage('Sign-in link expired', 'This sign-in link has expired, was already used, or its session has ended. Go back to the app and switch organization again.'));

export function getStepUp(request: EmuRequest, runtime: Runtime): Reply {
  const pending = pendingFor(runtime, request);
  if (!pending) return expired();
  const { stepUp, email, organization } = pending;
  return html(
    200,
    stepUpPage({
      token: stepUp.token,
      email,
      organizationName: organization.name,
      notice: stepUpNotice(organization) ?? `${organization.name} asks you to sign in again.`,
      csrfToken: runtime.csrf.issue('step-up'),
    }),
  );
}

/** Signing in completes the step on the session (SSO for that organisation, or MFA); cancel changes nothing. */
export function postStepUp(request: EmuRequest, runtime: Runtime): Reply {
  const pending = pendingFor(runtime, request);
  if (!pending) return expired();
  const { stepUp, session } = pending;
  runtime.store.stepUps.delete(stepUp.token);
  if (!formBody(request).get('cancel')) {
    if (stepUp.kind === 'sso_required') session.ssoOrganizations.add(stepUp.organizationId);
    else session.mfaVerified = true;
  }
  return redirect(`${runtime.app.url}/`);
}
