/**
 * Sessions and organisations for component tests (both faces), shaped like what the server
 * produces: `ClientAuth` for the client provider, `OrganizationChoice[]` for the switcher.
 */
import type { OrganizationChoice } from '../../src/components/shared/types.js';
import type { AuthConditions, ClientAuth, RedactedUserInfo, User } from '../../src/shared/types.js';

export const ada: User = {
  object: 'user',
  id: 'user_ada',
  email: 'ada@example.com',
  emailVerified: true,
  firstName: 'Ada',
  lastName: 'Lovelace',
  profilePictureUrl: null,
  lastSignInAt: null,
  locale: null,
  externalId: null,
  metadata: {},
  createdAt: '2026-01-01T00:00:00.000Z',
  updatedAt: '2026-01-01T00:00:00.000Z',
} as User;

/** A signed-in, redacted session for Ada in Acme, as an admin with a few grants. */
export function signedIn(overrides: Partial<RedactedUserInfo> = {}): RedactedUserInfo {
  return {
    user: ada,
    sessionId: 'session_1',
    organizationId: 'org_acme',
    role: 'admin',
    roles: ['admin', 'member'],
    permissions: ['billing:read'],
    entitlements: ['sso'],
    featureFlags: ['beta'],
    ...overrides,
  };
}

export const signedOut: ClientAuth = { user: null };

export const acme: OrganizationChoice = { id: 'org_acme', name: 'Acme', role: 'admin', current: true };
export const globex: OrganizationChoice = { id: 'org_globex', name: 'Globex', role: 'member', current: false };
export const initech: OrganizationChoice = { id: 'org_initech', name: 'Initech', current: false };

/** A compact JWT (unsigned; the client only decodes) with these claims. */
export function fakeJwt(claims: Record<string, unknown>): string {
  const encode = (value: object) => Buffer.from(JSON.stringify(value)).toString('base64url');
  return `${encode({ alg: 'RS256', typ: 'JWT' })}.${encode(claims)}.signature`;
}

/** Every condition a gate takes, once met and once unmet by `signedIn()`. */
export const CONDITION_CASES: Array<[string, AuthConditions, AuthConditions]> = [
  ['role', { role: 'admin' }, { role: 'owner' }],
  ['role (among roles)', { role: 'member' }, { role: 'guest' }],
  ['roles', { roles: ['owner', 'admin'] }, { roles: ['owner', 'guest'] }],
  ['permission', { permission: 'billing:read' }, { permission: 'billing:write' }],
  ['entitlement', { entitlement: 'sso' }, { entitlement: 'audit-logs' }],
  ['featureFlag', { featureFlag: 'beta' }, { featureFlag: 'alpha' }],
  ['organizationId', { organizationId: 'org_acme' }, { organizationId: 'org_globex' }],
  ['condition', { condition: (auth) => auth.user.email.endsWith('@example.com') }, { condition: (auth) => auth.user.emailVerified === false }],
];
