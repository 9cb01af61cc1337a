/**
 * The test kit's real sessions: minted by the emulator, sealed by the kit, read back by the kit's
 * own `readSession` (signature verified against the emulator's JWKS), with no test-only path.
 */
import { describe, expect, it } from 'vitest';
import { emulatorSuite } from '../../test/support/emulator-suite.js';
import { readChunkedCookie } from '../shared/cookie-chunks.js';
import { readSession } from '../server/session/read-session.js';
import { createTestSession, sealTestSessionCookie } from './index.js';
import { sessionRoot } from '../server/root/current-root.js';

const suite = emulatorSuite();

const jarOf = (cookies: Array<{ name: string; value: string }>) => ({ getAll: () => cookies });

describe('createTestSession', () => {
  it('mints a cookie the real session reader accepts, with the requested claims', async () => {
    const minted = await createTestSession({ user: 'alice@example.com', organizationId: 'org_acme', role: 'admin', permissions: ['posts:write'], featureFlags: ['beta'] });
    expect(minted.cookies).toEqual([{ name: 'wos-session', value: minted.sealed }]);
    expect(minted.cookieHeader).toBe(`wos-session=${encodeURIComponent(minted.sealed)}`);
    const state = await readSession(sessionRoot(), minted.sealed);
    expect(state.status).toBe('signed-in');
    if (state.status !== 'signed-in') return;
    expect(state.info).toMatchObject({ organizationId: 'org_acme', role: 'admin', permissions: ['posts:write'], featureFlags: ['beta'] });
    expect(state.info.user.email).toBe('alice@example.com');
    expect(minted.user.firstName).toBe('Alice');
    expect(minted.claims.sid).toBe(state.info.sessionId);
  });

  it('signs in by user id and picks the single membership as the organisation', async () => {
    const minted = await createTestSession({ user: 'user_bob' });
    expect(minted.organizationId).toBe('org_acme');
    expect((await readSession(sessionRoot(), minted.sealed)).status).toBe('signed-in');
  });

  it('makes impersonation sessions the kit recognises', async () => {
    const minted = await createTestSession({ user: 'bob@example.com', impersonator: { email: 'support@example.com', reason: 'ticket 12' } });
    const state = await readSession(sessionRoot(), minted.sealed);
    expect(state.status === 'signed-in' && state.info.impersonator).toEqual({ email: 'support@example.com', reason: 'ticket 12' });
  });

  it('honours a short token lifetime (the session then reads as due for refresh)', async () => {
    const minted = await createTestSession({ expiresIn: 5 });
    expect(minted.claims.exp! - minted.claims.iat!).toBe(5);
  });

  it('chunks a large session the way the kit writes it, and the chunks read back', async () => {
    const permissions = Array.from({ length: 200 }, (_, index) => `resource-${index}:read`);
    const minted = await createTestSession({ permissions });
    expect(minted.cookies.map((cookie) => cookie.name)).toEqual(minted.cookies.map((_, index) => `wos-session.${index}`));
    expect(minted.cookies.length).toBeGreaterThan(1);
    const joined = readChunkedCookie(jarOf(minted.cookies), 'wos-session');
    const state = await readSession(sessionRoot(), joined);
    expect(state.status === 'signed-in' && state.info.permissions).toHaveLength(200);
  });

  it('names the bad field when the emulator refuses', async () => {
    await expect(createTestSession({ user: 'nobody@example.com' })).rejects.toThrow(/400.*unknown user 'nobody@example.com'/);
  });

  it('takes the emulator URL from an option when the environment does not point at it', async () => {
    const minted = await createTestSession({ emulatorUrl: suite.emulator.url, user: 'dave@example.com', organizationId: 'org_globex' });
    expect(minted.organizationId).toBe('org_globex');
  });
});

describe('sealTestSessionCookie', () => {
  it('seals with an explicit password that the app still accepts (a previous password)', async () => {
    const { session } = await createTestSession();
    const previous = 'an-older-cookie-password-that-is-32-chars-plus';
    process.env.WORKOS_COOKIE_PASSWORD_PREVIOUS = previous;
    try {
      const { sealed, cookies } = await sealTestSessionCookie(session, { cookiePassword: previous, cookieName: 'app-session' });
      expect(cookies[0]!.name).toBe('app-session');
      expect((await readSession(sessionRoot(), sealed)).status).toBe('signed-in');
    } finally {
      delete process.env.WORKOS_COOKIE_PASSWORD_PREVIOUS;
    }
  });

  it('produces a seal a wrong password cannot fake', async () => {
    const { session } = await createTestSession();
    const { sealed } = await sealTestSessionCookie(session, { cookiePassword: 'not-the-apps-password-but-32-characters-long' });
    expect(await readSession(sessionRoot(), sealed)).toEqual({ status: 'signed-out', reason: 'invalid-cookie' });
  });
});

describe('the test kit in a plain test runner (no server modules)', () => {
  it('names WORKOS_COOKIE_PASSWORD when it has no password to seal with', async () => {
    const { session } = await createTestSession();
    const password = process.env.WORKOS_COOKIE_PASSWORD;
    delete process.env.WORKOS_COOKIE_PASSWORD;
    try {
      await expect(sealTestSessionCookie(session)).rejects.toThrow(/pass cookiePassword, or set WORKOS_COOKIE_PASSWORD/);
      await expect(sealTestSessionCookie(session, { cookiePassword: 'too-short' })).rejects.toThrow(/the one given is 9 characters/);
    } finally {
      process.env.WORKOS_COOKIE_PASSWORD = password;
    }
  });

  it('takes the cookie name from WORKOS_COOKIE_NAME', async () => {
    const { session } = await createTestSession();
    process.env.WORKOS_COOKIE_NAME = 'app-session';
    try {
      expect((await sealTestSessionCookie(session)).cookies.map((cookie) => cookie.name)).toEqual(['app-session']);
    } finally {
      delete process.env.WORKOS_COOKIE_NAME;
    }
  });
});
