/** The refresh_token grant: rotation, the reuse grace window, and organisation switches. */
import { OauthException } from '@workos-inc/node';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { Emulator } from './index.js';
import { claimsOf, rejectionOf, sdkFor, signIn, emulatorPerSuite } from '../../test/support/emulator-harness.js';

let emulator: Emulator;
emulatorPerSuite((started) => (emulator = started));
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

  it('refuse a replay inside the grace window that asks for another organisation than the first use got', async () => {
    const workos = sdkFor(emulator);
    const first = await signIn(workos, 'alice@example.com', { choose: 'org_acme' });
    const switched = await workos.userManagement.authenticateWithRefreshToken({ refreshToken: first.refreshToken, organizationId: 'org_globex' });
    const back = await rejectionOf(workos.userManagement.authenticateWithRefreshToken({ refreshToken: first.refreshToken, organizationId: 'org_acme' }));
    expect(back).toBeInstanceOf(OauthException);
    expect(back).toMatchObject({ status: 400, error: 'invalid_grant', errorDescription: 'Refresh token already exchanged for another organization.' });
    // The same organisation, or none (a tab that only wants fresh tokens), still replays the successor.
    expect(await workos.userManagement.authenticateWithRefreshToken({ refreshToken: first.refreshToken, organizationId: 'org_globex' })).toEqual(switched);
    expect(await workos.userManagement.authenticateWithRefreshToken({ refreshToken: first.refreshToken })).toEqual(switched);

    const plain = await signIn(workos, 'alice@example.com', { choose: 'org_acme' });
    const refreshed = await workos.userManagement.authenticateWithRefreshToken({ refreshToken: plain.refreshToken });
    expect(await workos.userManagement.authenticateWithRefreshToken({ refreshToken: plain.refreshToken, organizationId: 'org_acme' })).toEqual(refreshed);
    const elsewhere = await rejectionOf(workos.userManagement.authenticateWithRefreshToken({ refreshToken: plain.refreshToken, organizationId: 'org_globex' }));
    expect(elsewhere).toMatchObject({ status: 400, error: 'invalid_grant' });
    // The refused replay changed nothing: the successor is still good and still in Acme.
    expect((await workos.userManagement.authenticateWithRefreshToken({ refreshToken: refreshed.refreshToken })).organizationId).toBe('org_acme');
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
});
