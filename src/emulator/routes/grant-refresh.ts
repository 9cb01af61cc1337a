/**
 * The `refresh_token` grant. Tokens rotate and are single use; a spent token replays the exact
 * successor response for `refresh_grace_seconds` (concurrent tabs, lost responses), then answers
 * `invalid_grant`. A replay that asks for another organisation than the successor is in is refused
 * too: answering it with the first organisation's tokens would tell the app the switch happened.
 * An org switch that is refused (non-member, SSO/MFA step-up) spends nothing; a step-up answer
 * carries `authkit_redirect_url`, the page where the browser completes the step (`step-up.ts`).
 */
import { oauthError, rawJson, type Reply } from '../http.js';
import type { RefreshRecord, SessionRecord } from '../records.js';
import type { Runtime } from '../runtime.js';
import { mintResponse, stepUpError, stepUpNeeded } from '../sessions.js';
import { type Client, type GrantParams, param, requireParam } from './grant-params.js';
import { startStepUp } from './step-up.js';

export function refresh(runtime: Runtime, params: GrantParams, client: Client): Reply {
  const token = requireParam(params, 'refresh_token');
  const record = runtime.store.refreshTokens.get(token);
  if (!record) throw oauthError(400, 'invalid_grant', 'Invalid refresh token.');
  const session = runtime.store.liveSession(record.sessionId);
  if (!session || session.clientId !== client.id) throw oauthError(400, 'invalid_grant', 'The session has ended.');
  const organizationId = param(params, 'organization_id');
  if (record.consumedAt !== undefined) return replay(runtime, record, organizationId);
  if (organizationId && organizationId !== session.organizationId) switchOrganization(runtime, session, organizationId);
  const successor = JSON.stringify(mintResponse(runtime, session));
  record.consumedAt = Date.now();
  record.successor = successor;
  record.successorOrganizationId = session.organizationId;
  return rawJson(200, successor);
}

/** A spent token: its successor again inside the grace window, for the same organisation only. */
function replay(runtime: Runtime, record: RefreshRecord, organizationId: string | undefined): Reply {
  const graceMs = runtime.config.refresh_grace_seconds * 1000;
  if (!record.successor || Date.now() - record.consumedAt! > graceMs) {
    throw oauthError(400, 'invalid_grant', 'Refresh token already exchanged.');
  }
  if (organizationId !== undefined && organizationId !== record.successorOrganizationId) {
    throw oauthError(400, 'invalid_grant', 'Refresh token already exchanged for another organization.');
  }
  return rawJson(200, record.successor);
}

/** Moves the session into `organizationId`, or throws without changing anything. */
function switchOrganization(runtime: Runtime, session: SessionRecord, organizationId: string): void {
  const org = runtime.store.organizations.get(organizationId);
  if (!org || !runtime.store.activeMembership(session.userId, organizationId)) {
    throw oauthError(400, 'invalid_grant', `The user is not a member of organization '${organizationId}'.`);
  }
  const stepUp = stepUpNeeded(org, session);
  if (stepUp) {
    const { userId, clientId, impersonator } = session;
    const auth = { userId, clientId, organizationId, method: session.method, authTime: session.authTime };
    const browserStep = runtime.config.step_up_redirect
      ? { authkit_redirect_url: startStepUp(runtime, session, organizationId, stepUp) }
      : {};
    throw stepUpError(runtime, stepUp, impersonator ? { ...auth, impersonator } : auth, browserStep);
  }
  session.organizationId = organizationId;
  // Control-surface claim overrides described the previous organisation; the new one's membership decides.
  session.overrides = {};
}
