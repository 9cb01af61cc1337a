/**
 * Mock sessions: plain data describing who is signed in, built without a server. The server face
 * reads one through the real session pipeline once `setMockSession` has put it in place; the client
 * face is seeded with its redacted `auth`. The access token is a readable but unsigned JWT: the
 * mock session's token reader (`readMockAccessToken`, bound as a test seam) reads it unverified.
 */
import type { TokenCheck } from '../server/crypto/verify-token.js';
import { decodeJwtClaims } from '../shared/claims.js';
import type { AccessToken, ClientAuth, OrganizationChoice, Session } from '../shared/types.js';
import { MOCK_PRESETS, organizationChoices } from './mock-data.js';
import type { MockAuthState, MockMembership, MockSessionPreset } from './mock-data.js';
import { bytesToBase64Url } from '../shared/base64url.js';

/** A custom signed-in session; everything but `user` is optional. */
export type MockSessionOptions = Partial<MockSessionPreset> & {
  /** Seconds until the mock access token expires. @default 3600 */
  expiresIn?: number;
  /** The `sid` claim. @default derived from the user id */
  sessionId?: string;
};

/** A mock session: what each face needs to render a given auth state. */
export interface MockSession {
  status: 'signed-in' | 'signed-out' | 'loading';
  /** The redacted session the client provider is seeded with; `undefined` while loading. */
  auth: ClientAuth | undefined;
  /** The user's organisations (the org switcher's list), current one marked. */
  organizations: OrganizationChoice[];
  /** Signed in only: the session the cookie holds, with the mock (unsigned) tokens. */
  session?: Session;
  /** Signed in only: the access token's claims. */
  claims?: AccessToken;
  /** Signed in only: the memberships, for switching organisations. */
  memberships?: MockMembership[];
  /** Signed in only: the options it was built from (to rebuild it in another organisation). */
  options?: MockSessionOptions;
}

const toBase64Url = (text: string) => bytesToBase64Url(new TextEncoder().encode(text));

/** A compact JWT with these claims and a placeholder signature (decodable, never verifiable). */
export function mockAccessToken(claims: AccessToken): string {
  return `${toBase64Url(JSON.stringify({ alg: 'RS256', typ: 'JWT', kid: 'authkit-rsc-mock' }))}.${toBase64Url(JSON.stringify(claims))}.mock-signature`;
}

/**
 * Reads an access token's claims without verifying its signature (a mock token's is a placeholder):
 * the token reader the mock session binds into the kit's session root. `exp` still counts.
 */
export async function readMockAccessToken(token: string): Promise<TokenCheck> {
  const claims = decodeJwtClaims<AccessToken>(token);
  if (typeof claims?.sub !== 'string' || typeof claims.sid !== 'string') return { result: 'malformed' };
  const expired = typeof claims.exp === 'number' && claims.exp * 1000 <= Date.now();
  return expired ? { result: 'expired', claims, signatureChecked: false } : { result: 'valid', claims };
}

function signedInMock(options: MockSessionOptions): MockSession {
  const preset = MOCK_PRESETS.signedIn;
  const user = options.user ?? preset.user;
  const organizationId = options.organizationId ?? (options.user ? undefined : preset.organizationId);
  // A custom session in an organisation without a list is a member of that one organisation.
  const single = organizationId ? [{ id: organizationId, name: organizationId, role: options.role }] : [];
  const memberships = options.organizations ?? (options.user ? single : preset.organizations);
  const nowSeconds = Math.floor(Date.now() / 1000);
  const sessionId = options.sessionId ?? `session_mock_${user.id.replace(/^user_/, '')}`;
  const pick = <K extends keyof MockSessionPreset>(key: K) => (options.user ? options[key] : (options[key] ?? preset[key]));
  const claims: AccessToken = {
    iss: 'https://api.workos.com/user_management/client_mock',
    sub: user.id,
    sid: sessionId,
    jti: `jti_mock_${nowSeconds}`,
    org_id: organizationId,
    role: pick('role') as string | undefined,
    roles: pick('roles') as string[] | undefined,
    permissions: pick('permissions') as string[] | undefined,
    entitlements: pick('entitlements') as string[] | undefined,
    feature_flags: pick('featureFlags') as string[] | undefined,
    ...(options.impersonator ? { act: { sub: options.impersonator.email } } : {}),
    iat: nowSeconds,
    exp: nowSeconds + (options.expiresIn ?? 3600),
  };
  const session: Session = { accessToken: mockAccessToken(claims), refreshToken: `refresh_mock_${sessionId}`, user };
  if (options.impersonator) session.impersonator = options.impersonator;
  const auth: ClientAuth = {
    user, sessionId, organizationId, role: claims.role, roles: claims.roles, permissions: claims.permissions,
    entitlements: claims.entitlements, featureFlags: claims.feature_flags, impersonator: options.impersonator,
  };
  return { status: 'signed-in', auth, organizations: organizationChoices(memberships, organizationId), session, claims, memberships, options };
}

/**
 * A mock session in one of the ready-made states, or a custom signed-in one.
 *
 * @example
 * createMockSession('admin');
 * createMockSession('signedIn', { featureFlags: ['beta'] });
 * createMockSession({ user: mockUser({ email: 'eve@example.com' }), role: 'owner' });
 * @default 'signedIn'
 */
export function createMockSession(state: MockAuthState | MockSessionOptions = 'signedIn', overrides: MockSessionOptions = {}): MockSession {
  if (state === 'signedOut') return { status: 'signed-out', auth: { user: null }, organizations: [] };
  if (state === 'loading') return { status: 'loading', auth: undefined, organizations: [] };
  const options = typeof state === 'string' ? { ...MOCK_PRESETS[state], ...overrides } : { ...state, ...overrides };
  return signedInMock(options);
}

/**
 * The same session scoped to another of the user's organisations (the role follows the
 * membership), or `undefined` when the user is not a member.
 */
export function switchMockOrganization(mock: MockSession, organizationId: string): MockSession | undefined {
  const membership = mock.memberships?.find((org) => org.id === organizationId);
  if (!membership || !mock.options) return undefined;
  const role = membership.role ?? mock.options.role;
  return signedInMock({ ...mock.options, organizationId, role, roles: role ? [role] : mock.options.roles });
}
