/**
 * Sessions and organisations for component tests (both faces), made with the test kit's mock
 * session (`createMockSession`, `mockUser`, `MOCK_ORGANIZATIONS`): Ada, admin of Acme with a few
 * grants, member of Globex and Initech.
 */
import { createMockSession, MOCK_ORGANIZATIONS, mockUser } from '../../src/testing/index.js';
import type { MockSession, MockSessionOptions } from '../../src/testing/index.js';
import type { AuthConditions, ClientAuth, OrganizationChoice, RedactedUserInfo } from '../../src/shared/types.js';

export const ada = mockUser({ id: 'user_ada', email: 'ada@example.com', firstName: 'Ada', lastName: 'Lovelace' });

const ADA: MockSessionOptions = {
  user: ada,
  sessionId: 'session_1',
  organizationId: 'org_acme',
  role: 'admin',
  roles: ['admin', 'member'],
  permissions: ['billing:read'],
  entitlements: ['sso'],
  featureFlags: ['beta'],
  organizations: [{ ...MOCK_ORGANIZATIONS.acme, role: 'admin' }, { ...MOCK_ORGANIZATIONS.globex, role: 'member' }, MOCK_ORGANIZATIONS.initech],
};

/** Ada's mock session (for `MockAuthKitProvider`), with `overrides`. */
export const signedInSession = (overrides: MockSessionOptions = {}): MockSession => createMockSession({ ...ADA, ...overrides });

/** Ada's redacted session: what the server shell seeds the client provider with. */
export const signedIn = (overrides: MockSessionOptions = {}) => signedInSession(overrides).auth as RedactedUserInfo;

export const signedOut: ClientAuth = createMockSession('signedOut').auth!;

/** Ada's memberships as the switcher lists them, by name (Acme current). */
const [acme, globex, initech] = signedInSession().organizations as [OrganizationChoice, OrganizationChoice, OrganizationChoice];
export { acme, globex, initech };

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
