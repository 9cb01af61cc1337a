/**
 * Real sessions for integration and end-to-end tests. The emulator mints a session through its
 * control endpoint (`POST /_emulator/sessions`: a real access token signed with its JWKS key and a
 * real refresh token), and the kit's own sealing code seals it into the session cookie, chunked as
 * the kit would write it. An app running on the emulator reads the cookie like any other: no
 * special code path accepts it.
 */
import type { AccessToken, Impersonator, Session, User, UserInfo } from '../shared/types.js';
import type { SessionClaimFields } from './mock-data.js';
import { decodeJwtClaims } from '../shared/claims.js';
import { planChunkedCookie } from '../shared/cookie-chunks.js';
import { sealSessionWithPassword } from '../shared/iron-seal.js';
import { testCookieName, testCookiePassword, testEmulatorUrl } from './test-env.js';

/**
 * Who to sign in and what the access token should say (`organizationId` defaults to the user's
 * only membership, if they have one).
 */
export interface TestSessionOptions extends Partial<Pick<UserInfo, SessionClaimFields>> {
  /** A seeded emulator user: email or `user_…` id. @default 'alice@example.com' */
  user?: string;
  /** Makes it an impersonation session (`impersonator` in the cookie, `act` in the token). */
  impersonator?: { email: string; reason?: string | null };
  /** Access-token lifetime in seconds. @default the emulator's (300) */
  expiresIn?: number;
  /** The emulator's base URL. @default from WORKOS_API_HOSTNAME / WORKOS_API_HTTPS / WORKOS_API_PORT */
  emulatorUrl?: string;
  /** Seals with this password. @default WORKOS_COOKIE_PASSWORD (what the app uses) */
  cookiePassword?: string;
  /** @default WORKOS_COOKIE_NAME, else 'wos-session' */
  cookieName?: string;
}

/** A cookie to set: one, or the numbered chunks of a large session. */
export interface TestCookie {
  name: string;
  value: string;
}

export interface TestSession {
  /** The cookies that carry the session (`wos-session`, or `wos-session.0`, `.1`, … when large). */
  cookies: TestCookie[];
  /** The cookies as one `Cookie` request header. */
  cookieHeader: string;
  /** The sealed value (what the cookies hold, joined). */
  sealed: string;
  /** The unsealed session: tokens, user, impersonator. */
  session: Session;
  user: User;
  /** The access token's claims (`sid`, `org_id`, `role`, `permissions`, …). */
  claims: AccessToken;
  organizationId: string | undefined;
  impersonator: Impersonator | undefined;
}

const camel = (key: string) => key.replace(/_([a-z])/g, (_match, letter: string) => letter.toUpperCase());

/** The SDK's shape of an emulator (WorkOS wire-format) authentication response. */
export function sessionFromAuthenticateResponse(wire: Record<string, unknown>): Session {
  const user = Object.fromEntries(Object.entries(wire.user as Record<string, unknown>).map(([key, value]) => [camel(key), value])) as unknown as User;
  const session: Session = { accessToken: wire.access_token as string, refreshToken: wire.refresh_token as string, user };
  if (wire.impersonator) session.impersonator = wire.impersonator as Impersonator;
  if (wire.authentication_method) session.authenticationMethod = wire.authentication_method as Session['authenticationMethod'];
  return session;
}

function requestBody(options: TestSessionOptions): Record<string, unknown> {
  const who = options.user ?? 'alice@example.com';
  const body: Record<string, unknown> = who.startsWith('user_') ? { user_id: who } : { email: who };
  const fields = {
    organization_id: options.organizationId, role: options.role, roles: options.roles, permissions: options.permissions,
    entitlements: options.entitlements, feature_flags: options.featureFlags, impersonator: options.impersonator,
    expires_in: options.expiresIn,
  };
  for (const [name, value] of Object.entries(fields)) if (value !== undefined) body[name] = value;
  return body;
}

/** Mints a session on the emulator (`POST /_emulator/sessions`); the emulator's 400s name the bad field. */
export async function mintEmulatorSession(options: TestSessionOptions = {}): Promise<Session> {
  const url = `${testEmulatorUrl(options.emulatorUrl)}/_emulator/sessions`;
  const response = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(requestBody(options)) });
  const json = (await response.json().catch(() => ({}))) as Record<string, unknown>;
  if (!response.ok) {
    throw new Error(`The emulator refused to mint a session (${response.status}): ${String(json.message ?? json.error ?? 'no details')}`);
  }
  return sessionFromAuthenticateResponse(json);
}

/**
 * Seals a session into the cookie(s) an app reads, with the kit's own sealing code (pure, so any
 * test runner can call it) and the app's password, chunked over 3,800 bytes as the kit writes it.
 * @example const { cookies } = await sealTestSessionCookie(session);
 */
export async function sealTestSessionCookie(
  session: Session,
  options: Pick<TestSessionOptions, 'cookiePassword' | 'cookieName'> = {},
): Promise<{ sealed: string; cookies: TestCookie[]; cookieHeader: string }> {
  const sealed = await sealSessionWithPassword(session, testCookiePassword(options.cookiePassword));
  const cookies = planChunkedCookie(testCookieName(options.cookieName), sealed, []).writes;
  const cookieHeader = cookies.map(({ name, value }) => `${name}=${encodeURIComponent(value)}`).join('; ');
  return { sealed, cookies, cookieHeader };
}

/**
 * A real signed-in session for a seeded emulator user, as the cookie(s) to send.
 * @example
 * const { cookies, user } = await createTestSession({ user: 'alice@example.com', organizationId: 'org_acme', role: 'admin' });
 */
export async function createTestSession(options: TestSessionOptions = {}): Promise<TestSession> {
  const session = await mintEmulatorSession(options);
  const sealed = await sealTestSessionCookie(session, options);
  const claims = decodeJwtClaims<AccessToken>(session.accessToken)!;
  return { ...sealed, session, user: session.user, claims, organizationId: claims.org_id, impersonator: session.impersonator };
}
