/**
 * `POST /_emulator/sessions`: a real session for a user, minted without the browser, with optional
 * claim overrides that stick to the session across refreshes (until an org switch). The test kit
 * turns the response into a real sealed cookie.
 */
import type { ClaimOverrides } from './records.js';
import type { Runtime } from './runtime.js';
import { MINTED_DEVICE } from './session-json.js';
import { mintResponse, startSession } from './sessions.js';
import type { AuthenticateResponseJson, ImpersonatorJson } from './types.js';
import {
  Issues,
  objectAt,
  optionalInteger,
  optionalString,
  optionalStringArray,
  requiredString,
} from './validate.js';

const KEYS = [
  'user_id', 'email', 'organization_id', 'role', 'roles', 'permissions', 'entitlements', 'feature_flags',
  'impersonator', 'expires_in', 'authentication_method', 'ip_address', 'user_agent',
];

function impersonatorAt(issues: Issues, value: unknown): ImpersonatorJson | undefined {
  if (value === undefined) return undefined;
  const raw = objectAt(issues, 'impersonator', value, ['email', 'reason']) ?? {};
  return { email: requiredString(issues, 'impersonator.email', raw.email), reason: optionalString(issues, 'impersonator.reason', raw.reason) ?? null };
}

function overridesAt(issues: Issues, raw: Record<string, unknown>): ClaimOverrides {
  const overrides: ClaimOverrides = {};
  const role = optionalString(issues, 'role', raw.role);
  if (role) overrides.role = role;
  for (const name of ['roles', 'permissions', 'entitlements', 'feature_flags'] as const) {
    const list = optionalStringArray(issues, name, raw[name]);
    if (list) overrides[name] = list;
  }
  return overrides;
}

export function createControlSession(runtime: Runtime, input: unknown): AuthenticateResponseJson {
  const { store } = runtime;
  const issues = new Issues();
  const raw = objectAt(issues, '', input, KEYS) ?? {};
  const userId = optionalString(issues, 'user_id', raw.user_id);
  const email = optionalString(issues, 'email', raw.email);
  const user = userId ? store.users.get(userId) : email ? store.userByEmail(email) : undefined;
  if (!user) issues.add(userId ? 'user_id' : 'email', userId || email ? `unknown user '${userId ?? email}'` : 'give user_id or email');
  const requestedOrg = optionalString(issues, 'organization_id', raw.organization_id) ?? undefined;
  if (requestedOrg && !store.organizations.has(requestedOrg)) issues.add('organization_id', `unknown organization '${requestedOrg}'`);
  const impersonator = impersonatorAt(issues, raw.impersonator);
  const overrides = overridesAt(issues, raw);
  const expiresIn = optionalInteger(issues, 'expires_in', raw.expires_in, { min: 1, max: 31_536_000 });
  const method = optionalString(issues, 'authentication_method', raw.authentication_method);
  const device = {
    ipAddress: optionalString(issues, 'ip_address', raw.ip_address) ?? MINTED_DEVICE.ipAddress,
    userAgent: optionalString(issues, 'user_agent', raw.user_agent) ?? MINTED_DEVICE.userAgent,
  };
  issues.assert();
  // Like the hosted page: without an explicit organisation, a single membership decides.
  const memberships = store.membershipsOf(user!.id);
  const organizationId = requestedOrg ?? (memberships.length === 1 ? memberships[0]!.organization_id : undefined);
  const org = organizationId ? store.organizations.get(organizationId) : undefined;
  const auth = {
    userId: user!.id,
    clientId: runtime.clientId,
    ...(organizationId ? { organizationId } : {}),
    method: method ?? (impersonator ? 'Impersonation' : org?.require_sso ? 'SSO' : 'Password'),
    ...(impersonator ? { impersonator } : {}),
    authTime: Date.now(),
    device,
  };
  const session = startSession(runtime, auth, { overrides, ...(expiresIn ? { expiresIn } : {}) });
  return mintResponse(runtime, session);
}
