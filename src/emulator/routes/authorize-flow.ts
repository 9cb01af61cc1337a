/** The decisions behind the hosted page's form posts: who signs in, into which org, with what code. */
import { html, type Reply } from '../http.js';
import { organizationChoicePage } from '../pages/sign-in.js';
import type { Authentication, Device, UserRecord } from '../records.js';
import type { Runtime } from '../runtime.js';
import { randomSecret } from '../tokens.js';
import { addUser } from '../users.js';
import { renderHostedPage } from './authorize-pages.js';
import { type AuthorizeParams, codeRedirect } from './authorize-params.js';

const CODE_TTL_MS = 10 * 60 * 1000;

/** Issues a single-use code bound to the client and PKCE challenge, and sends the browser back. */
export function finishSignIn(
  runtime: Runtime,
  params: AuthorizeParams,
  auth: Authentication,
  headers: Record<string, string> = {},
  selectOrganization = false,
): Reply {
  const code = randomSecret();
  runtime.store.codes.set(code, {
    ...auth,
    code,
    ...(params.code_challenge ? { codeChallenge: params.code_challenge } : {}),
    expiresAt: Date.now() + CODE_TTL_MS,
    selectOrganization,
  });
  return codeRedirect(params, code, headers);
}

export function authenticationFor(runtime: Runtime, user: UserRecord, device: Device, organizationId?: string): Authentication {
  const org = organizationId ? runtime.store.organizations.get(organizationId) : undefined;
  return {
    device,
    userId: user.id,
    clientId: runtime.clientId,
    ...(organizationId ? { organizationId } : {}),
    // Signing into an SSO-only organisation is (emulated) SSO; everything else a password sign-in.
    method: org?.require_sso ? 'SSO' : 'Password',
    authTime: Date.now(),
  };
}

export function signIn(runtime: Runtime, params: AuthorizeParams, form: URLSearchParams, device: Device): Reply {
  const email = form.get('email') ?? '';
  const user = runtime.store.userByEmail(email);
  if (!user) return renderHostedPage(runtime, params, { error: `No user with the email '${email}'.` });
  const memberships = runtime.store.membershipsOf(user.id);
  if (params.organization_id) {
    if (!memberships.some((m) => m.organization_id === params.organization_id)) {
      return renderHostedPage(runtime, params, { error: `${user.email} is not a member of this organization.` });
    }
    return finishSignIn(runtime, params, authenticationFor(runtime, user, device, params.organization_id));
  }
  if (memberships.length > 1 && form.get('organization_selection') === 'app') {
    return finishSignIn(runtime, params, authenticationFor(runtime, user, device), {}, true);
  }
  if (memberships.length > 1) {
    const organizations = memberships.map((m) => ({
      id: m.organization_id,
      name: runtime.store.organizations.get(m.organization_id)?.name ?? m.organization_id,
      role: m.role,
    }));
    return html(200, organizationChoicePage({ params, csrfToken: runtime.csrf.issue('authorize'), email: user.email, organizations }));
  }
  return finishSignIn(runtime, params, authenticationFor(runtime, user, device, memberships[0]?.organization_id));
}

export function signUp(runtime: Runtime, params: AuthorizeParams, form: URLSearchParams, device: Device): Reply {
  const email = (form.get('email') ?? '').trim();
  const firstName = (form.get('first_name') ?? '').trim();
  const lastName = (form.get('last_name') ?? '').trim();
  let problem: string | undefined;
  if (!/^[^\s@]+@[^\s@]+$/.test(email)) problem = 'Enter a valid email address.';
  else if (runtime.store.userByEmail(email)) problem = `An account for ${email} already exists. Sign in instead.`;
  else if (!firstName || !lastName) problem = 'Enter your first and last name.';
  const values = { email, first_name: firstName, last_name: lastName };
  if (problem) return renderHostedPage(runtime, { ...params, screen_hint: 'sign-up' }, { error: problem, values });
  const user = addUser(runtime, { email, firstName, lastName, emailVerified: true });
  return finishSignIn(runtime, params, authenticationFor(runtime, user, device));
}
