/** The refresh_token grant: rotation, org switch, the reuse grace window, step-up, and ending sessions. */
import { AuthenticationException, NotFoundException, OauthException } from '@workos-inc/node';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { startTestEmulator, TEST_COOKIE_PASSWORD } from '../../test/support/emulator.js';
import { signInThroughHostedPage } from '../../test/support/hosted-sign-in.js';
import type { Emulator } from './index.js';
import { claimsOf, REDIRECT_URI, rejectionOf, sdkFor, signIn } from './test-support/harness.js';

let emulator: Emulator;

beforeAll(async () => {
  emulator = await startTestEmulator();
});
afterAll(() => emulator.close());
afterEach(() => {
  vi.useRealTimers();
  emulator.control.reset();
});

describe('refresh tokens', () => {
  it('rotate: a new pair each time, same session, fresh claims', async () => {
    const workos = sdkFor(emulator);
    const first = await signIn(workos, 'bob@example.com');
    const second = await workos.userManagement.authenticateWithRefreshToken({ refreshToken: first.refreshToken });
    expect(second.refreshToken).not.toBe(first.refreshToken);
    expect(second.accessToken).not.toBe(first.accessToken);
    expect(second.organizationId).toBe('org_acme');
    expect(second.authenticationMethod).toBe('Password');
    const [before, after] = [claimsOf(first.accessToken), claimsOf(second.accessToken)];
    expect(after.sid).toBe(before.sid);
    expect(after.jti).not.toBe(before.jti);
    expect(after.auth_time).toBe(before.auth_time);
  });

  it('replay the same successor pair inside the grace window and refuse after it', async () => {
    vi.useFakeTimers({ toFake: ['Date'] });
    const workos = sdkFor(emulator);
    const first = await signIn(workos, 'bob@example.com');
    const successor = await workos.userManagement.authenticateWithRefreshToken({ refreshToken: first.refreshToken });
    vi.setSystemTime(Date.now() + 29_000);
    const replay = await workos.userManagement.authenticateWithRefreshToken({ refreshToken: first.refreshToken });
    expect(replay).toEqual(successor);
    vi.setSystemTime(Date.now() + 2_000);
    const late = await rejectionOf(workos.userManagement.authenticateWithRefreshToken({ refreshToken: first.refreshToken }));
    expect(late).toBeInstanceOf(OauthException);
    expect(late).toMatchObject({ status: 400, error: 'invalid_grant', errorDescription: 'Refresh token already exchanged.' });
    // The successor itself is still good.
    await workos.userManagement.authenticateWithRefreshToken({ refreshToken: successor.refreshToken });
  });

  it('are strictly single use with a zero grace window, and unknown tokens are refused', async () => {
    emulator.control.setConfig({ refresh_grace_seconds: 0 });
    const workos = sdkFor(emulator);
    const first = await signIn(workos, 'bob@example.com');
    await workos.userManagement.authenticateWithRefreshToken({ refreshToken: first.refreshToken });
    const reused = await rejectionOf(workos.userManagement.authenticateWithRefreshToken({ refreshToken: first.refreshToken }));
    expect(reused).toMatchObject({ status: 400, error: 'invalid_grant' });
    const unknown = await rejectionOf(workos.userManagement.authenticateWithRefreshToken({ refreshToken: 'not-a-token' }));
    expect(unknown).toMatchObject({ status: 400, error: 'invalid_grant', errorDescription: 'Invalid refresh token.' });
  });

  it('work for a public client and follow the configured access-token lifetime', async () => {
    emulator.control.setConfig({ access_token_ttl_seconds: 60 });
    const workos = sdkFor(emulator, { publicClient: true });
    const first = await signIn(workos, 'bob@example.com');
    const next = await workos.userManagement.authenticateWithRefreshToken({ refreshToken: first.refreshToken });
    const claims = claimsOf(next.accessToken);
    expect(claims.exp! - claims.iat!).toBe(60);
  });
});

describe('organisation switch by refresh', () => {
  it('moves the session into another membership and re-resolves the claims', async () => {
    const workos = sdkFor(emulator);
    const first = await signIn(workos, 'alice@example.com', { choose: 'org_acme' });
    const switched = await workos.userManagement.authenticateWithRefreshToken({
      refreshToken: first.refreshToken,
      organizationId: 'org_globex',
    });
    expect(switched.organizationId).toBe('org_globex');
    const claims = claimsOf(switched.accessToken);
    expect(claims).toMatchObject({ org_id: 'org_globex', role: 'member', roles: ['member'], permissions: ['posts:read'] });
    expect(claims).not.toHaveProperty('entitlements');
    expect(claims.sid).toBe(claimsOf(first.accessToken).sid);
    // Without organization_id the session stays where it is.
    const kept = await workos.userManagement.authenticateWithRefreshToken({ refreshToken: switched.refreshToken });
    expect(kept.organizationId).toBe('org_globex');
  });

  it.each([
    ['an organisation the user is not in', 'org_initech'],
    ['an unknown organisation', 'org_missing'],
    ['a pending membership', 'org_globex'],
  ])('refuses %s with invalid_grant without burning the token', async (_case, organizationId) => {
    const workos = sdkFor(emulator);
    const email = organizationId === 'org_globex' ? 'bob@example.com' : 'alice@example.com';
    const first = await signIn(workos, email, { choose: 'org_acme' });
    const refused = await rejectionOf(
      workos.userManagement.authenticateWithRefreshToken({ refreshToken: first.refreshToken, organizationId }),
    );
    expect(refused).toBeInstanceOf(OauthException);
    expect(refused).toMatchObject({ status: 400, error: 'invalid_grant' });
    const still = await workos.userManagement.authenticateWithRefreshToken({ refreshToken: first.refreshToken });
    expect(still.organizationId).toBe('org_acme');
  });

  it('demands SSO or MFA for flagged organisations the session has not authenticated into', async () => {
    const workos = sdkFor(emulator);
    const dave = await signIn(workos, 'dave@example.com', { choose: 'org_globex' });
    const sso = await rejectionOf(
      workos.userManagement.authenticateWithRefreshToken({ refreshToken: dave.refreshToken, organizationId: 'org_initech' }),
    );
    expect(sso).toBeInstanceOf(AuthenticationException);
    expect(sso).toMatchObject({ status: 403, code: 'sso_required' });
    expect((sso as unknown as AuthenticationException).pendingAuthenticationToken).toBeTruthy();
    expect((sso as unknown as AuthenticationException).rawData).toMatchObject({
      email: 'dave@example.com',
      connection_ids: ['conn_initech'],
    });
    const mfa = await rejectionOf(
      workos.userManagement.authenticateWithRefreshToken({ refreshToken: dave.refreshToken, organizationId: 'org_umbrella' }),
    );
    expect(mfa).toMatchObject({ status: 403, code: 'mfa_enrollment' });
    expect((mfa as unknown as AuthenticationException).rawData).toMatchObject({ user: { id: 'user_dave' } });
    // Neither step-up spent the token.
    await workos.userManagement.authenticateWithRefreshToken({ refreshToken: dave.refreshToken });
  });

  it('lets a session that signed in through SSO come back into that organisation', async () => {
    const workos = sdkFor(emulator);
    const viaSso = await signIn(workos, 'dave@example.com', { organizationId: 'org_initech' });
    const away = await workos.userManagement.authenticateWithRefreshToken({
      refreshToken: viaSso.refreshToken,
      organizationId: 'org_globex',
    });
    const back = await workos.userManagement.authenticateWithRefreshToken({
      refreshToken: away.refreshToken,
      organizationId: 'org_initech',
    });
    expect(back.organizationId).toBe('org_initech');
  });

  it('is classified by the SDK session helpers (sealed cookie, JWKS verification, refresh)', async () => {
    const workos = sdkFor(emulator);
    const session = { sealSession: true, cookiePassword: TEST_COOKIE_PASSWORD };
    const pkce = await workos.pkce.generate();
    const url = workos.userManagement.getAuthorizationUrl({
      provider: 'authkit',
      redirectUri: REDIRECT_URI,
      organizationId: 'org_globex',
      codeChallenge: pkce.codeChallenge,
      codeChallengeMethod: 'S256',
    });
    const code = (await signInThroughHostedPage(url, 'dave@example.com')).searchParams.get('code')!;
    const sealed = await workos.userManagement.authenticateWithCode({ code, codeVerifier: pkce.codeVerifier, session });
    const cookie = workos.userManagement.loadSealedSession({ sessionData: sealed.sealedSession!, cookiePassword: TEST_COOKIE_PASSWORD });
    expect(await cookie.authenticate()).toMatchObject({ authenticated: true, organizationId: 'org_globex', role: 'admin' });
    expect(await cookie.refresh({ organizationId: 'org_initech' })).toMatchObject({ authenticated: false, reason: 'sso_required' });
  });
});

describe('ending sessions', () => {
  it('logout redirects to return_to and its refresh tokens stop working, even inside the grace window', async () => {
    const workos = sdkFor(emulator);
    const first = await signIn(workos, 'bob@example.com');
    const second = await workos.userManagement.authenticateWithRefreshToken({ refreshToken: first.refreshToken });
    const sessionId = claimsOf(second.accessToken).sid as string;
    const logoutUrl = workos.userManagement.getLogoutUrl({ sessionId, returnTo: 'http://localhost:3000/signed-out' });
    const response = await fetch(logoutUrl, { redirect: 'manual' });
    expect(response.status).toBe(302);
    expect(response.headers.get('location')).toBe('http://localhost:3000/signed-out');
    for (const refreshToken of [first.refreshToken, second.refreshToken]) {
      const error = await rejectionOf(workos.userManagement.authenticateWithRefreshToken({ refreshToken }));
      expect(error).toMatchObject({ status: 400, error: 'invalid_grant' });
    }
  });

  it('logout without return_to goes to the default; a foreign return_to or no session_id is refused', async () => {
    const workos = sdkFor(emulator);
    const { accessToken } = await signIn(workos, 'bob@example.com');
    const sessionId = claimsOf(accessToken).sid as string;
    const plain = await fetch(workos.userManagement.getLogoutUrl({ sessionId }), { redirect: 'manual' });
    expect(plain.headers.get('location')).toBe('http://localhost:3000/');
    const foreign = workos.userManagement.getLogoutUrl({ sessionId, returnTo: 'https://evil.example/' });
    const refused = await fetch(foreign, { redirect: 'manual' });
    expect(refused.status).toBe(400);
    expect(refused.headers.get('location')).toBeNull();
    const missing = await fetch(`${emulator.url}/user_management/sessions/logout`, { redirect: 'manual' });
    expect(missing.status).toBe(422);
  });

  it('revokeSession ends the session; an unknown session is a NotFoundException', async () => {
    const workos = sdkFor(emulator);
    const { accessToken, refreshToken } = await signIn(workos, 'bob@example.com');
    await workos.userManagement.revokeSession({ sessionId: claimsOf(accessToken).sid as string });
    const error = await rejectionOf(workos.userManagement.authenticateWithRefreshToken({ refreshToken }));
    expect(error).toMatchObject({ status: 400, error: 'invalid_grant' });
    const unknown = await rejectionOf(workos.userManagement.revokeSession({ sessionId: 'session_missing' }));
    expect(unknown).toBeInstanceOf(NotFoundException);
  });
});
