/** Ending sessions: the browser logout redirect and the API-key revoke call. */
import { NotFoundException, OauthException } from '@workos-inc/node';
import { describe, expect, it } from 'vitest';
import { TEST_COOKIE_PASSWORD } from '../../test/support/env.js';
import type { Emulator } from './index.js';
import { claimsOf, rejectionOf, sdkFor, signIn, emulatorPerSuite } from '../../test/support/emulator-harness.js';

let emulator: Emulator;
emulatorPerSuite((started) => (emulator = started));

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

  it('revokeSession ends the session: every refresh token of it fails with invalid_grant, even a replay inside the grace window', async () => {
    const workos = sdkFor(emulator);
    const first = await signIn(workos, 'bob@example.com');
    const second = await workos.userManagement.authenticateWithRefreshToken({ refreshToken: first.refreshToken });
    const other = await signIn(workos, 'bob@example.com');
    await workos.userManagement.revokeSession({ sessionId: claimsOf(second.accessToken).sid as string });
    for (const refreshToken of [first.refreshToken, second.refreshToken]) {
      const error = await rejectionOf(workos.userManagement.authenticateWithRefreshToken({ refreshToken }));
      expect(error).toBeInstanceOf(OauthException);
      expect(error).toMatchObject({ status: 400, error: 'invalid_grant', errorDescription: 'The session has ended.' });
    }
    // The SDK's sealed-session helper reads it as terminal, not as something to retry.
    const sealed = await workos.userManagement.authenticateWithRefreshToken({
      refreshToken: other.refreshToken,
      session: { sealSession: true, cookiePassword: TEST_COOKIE_PASSWORD },
    });
    await workos.userManagement.revokeSession({ sessionId: claimsOf(sealed.accessToken).sid as string });
    const cookie = workos.userManagement.loadSealedSession({ sessionData: sealed.sealedSession!, cookiePassword: TEST_COOKIE_PASSWORD });
    expect(await cookie.refresh()).toMatchObject({ authenticated: false, reason: 'invalid_grant' });
  });

  it('revokeSession of an unknown session is a NotFoundException', async () => {
    const workos = sdkFor(emulator);
    const unknown = await rejectionOf(workos.userManagement.revokeSession({ sessionId: 'session_missing' }));
    expect(unknown).toBeInstanceOf(NotFoundException);
  });
});
