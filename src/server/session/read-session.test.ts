/**
 * readSession against the emulator's real JWKS: valid, expired, tampered, unknown signing key and
 * JWKS outages. Time is frozen wherever expiry matters.
 */
import { generateKeyPair, SignJWT } from 'jose';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { emulatorSuite } from '../../../test/support/emulator-suite.js';
import { mintSession } from '../../../test/support/sessions.js';
import { sealSession } from './session-seal.js';
import { readSession } from './read-session.js';
import { sessionRoot } from '../root/current-root.js';

const JWKS = 'GET /sso/jwks/:clientId';
const suite = emulatorSuite();
afterEach(() => {
  delete process.env.WORKOS_COOKIE_NAME;
});

/** A fresh configuration (new JWKS cache, new session cache) without changing what matters. */
function freshConfig(name: string) {
  process.env.WORKOS_COOKIE_NAME = name;
}

describe('readSession', () => {
  it('reads a minted session as signed in, with the reference UserInfo', async () => {
    const { sealed } = await mintSession(suite.emulator, { email: 'alice@example.com', organization_id: 'org_acme' });
    const state = await readSession(sessionRoot(), sealed);
    expect(state.status).toBe('signed-in');
    if (state.status !== 'signed-in') return;
    expect(state.info).toMatchObject({
      user: { id: 'user_alice', email: 'alice@example.com', firstName: 'Alice' },
      organizationId: 'org_acme',
      role: 'admin',
      roles: ['admin'],
      permissions: expect.arrayContaining(['posts:write']),
      entitlements: ['audit-logs'],
      featureFlags: ['new-dashboard'],
      sessionId: expect.stringMatching(/^session_/),
      accessToken: expect.any(String),
    });
    expect(state.sealed).toBe(sealed);
  });

  it('verifies once per sealed value (the verified-session cache)', async () => {
    freshConfig('cache-test');
    const { sealed } = await mintSession(suite.emulator);
    const first = await readSession(sessionRoot(), sealed);
    const second = await readSession(sessionRoot(), sealed);
    expect(second).toBe(first);
    expect(suite.emulator.control.counters()[JWKS]).toBe(1);
  });

  it('reads an expired token in an authentic seal as expired, never signed out', async () => {
    vi.useFakeTimers({ toFake: ['Date'] });
    const { sealed } = await mintSession(suite.emulator, { email: 'bob@example.com', expires_in: 60 });
    expect((await readSession(sessionRoot(), sealed)).status).toBe('signed-in');
    vi.setSystemTime(Date.now() + 61_000);
    const state = await readSession(sessionRoot(), sealed);
    expect(state).toMatchObject({ status: 'expired', claims: { sub: 'user_bob' }, session: { user: { id: 'user_bob' } } });
  });

  it.each([
    ['no cookie', undefined, 'no-cookie'],
    ['an empty cookie', '', 'no-cookie'],
    ['garbage', 'not-a-seal', 'invalid-cookie'],
    ['an oversized value', 'Fe26.2*'.padEnd(100_000, 'x'), 'invalid-cookie'],
  ])('reads %s as signed out', async (_label, value, reason) => {
    await expect(readSession(sessionRoot(), value)).resolves.toEqual({ status: 'signed-out', reason });
  });

  it('reads a tampered seal as signed out', async () => {
    const { sealed } = await mintSession(suite.emulator);
    const index = Math.floor(sealed.length / 2);
    const tampered = sealed.slice(0, index) + (sealed[index] === 'a' ? 'b' : 'a') + sealed.slice(index + 1);
    await expect(readSession(sessionRoot(), tampered)).resolves.toEqual({ status: 'signed-out', reason: 'invalid-cookie' });
  });

  it('refuses a seal whose user is not the token subject', async () => {
    const alice = await mintSession(suite.emulator);
    const bob = await mintSession(suite.emulator, { email: 'bob@example.com' });
    const mixed = await sealSession(sessionRoot(), { ...alice.session, user: bob.session.user });
    await expect(readSession(sessionRoot(), mixed)).resolves.toEqual({ status: 'signed-out', reason: 'invalid-cookie' });
  });

  it('refuses a seal holding something that is not a JWT', async () => {
    const { session } = await mintSession(suite.emulator);
    const sealed = await sealSession(sessionRoot(), { ...session, accessToken: 'opaque-token' });
    await expect(readSession(sessionRoot(), sealed)).resolves.toEqual({ status: 'signed-out', reason: 'invalid-cookie' });
  });

  it('fetches the key set once more for an unknown kid, then waits out the cooldown', async () => {
    vi.useFakeTimers({ toFake: ['Date'] });
    freshConfig('kid-test');
    const { session } = await mintSession(suite.emulator);
    await readSession(sessionRoot(), await sealSession(sessionRoot(), session)); // keys fetched
    const { privateKey } = await generateKeyPair('RS256');
    const forged = await new SignJWT({ sid: 'session_x', sub: 'user_alice' })
      .setProtectedHeader({ alg: 'RS256', kid: 'rotated-key' })
      .setIssuedAt()
      .setExpirationTime('5m')
      .sign(privateKey);
    const withUnknownKid = await sealSession(sessionRoot(), { ...session, accessToken: forged });
    vi.setSystemTime(Date.now() + 31_000);
    expect((await readSession(sessionRoot(), withUnknownKid)).status).toBe('expired'); // a refresh will sort it out
    expect(suite.emulator.control.counters()[JWKS]).toBe(2);
    expect((await readSession(sessionRoot(), await sealSession(sessionRoot(), { ...session, accessToken: forged }))).status).toBe('expired');
    expect(suite.emulator.control.counters()[JWKS]).toBe(2);
  });

  it('keeps a valid session signed in through a JWKS outage (no keys cached yet)', async () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    vi.useFakeTimers({ toFake: ['Date'] });
    freshConfig('outage-test');
    suite.emulator.control.injectFault({ endpoint: JWKS, status: 503, times: 100 });
    const { sealed } = await mintSession(suite.emulator, { expires_in: 120 });
    expect((await readSession(sessionRoot(), sealed)).status).toBe('signed-in');
    vi.setSystemTime(Date.now() + 121_000);
    expect((await readSession(sessionRoot(), sealed)).status).toBe('expired');
    warn.mockRestore();
  });

  it('uses the last keys it saw when a later re-fetch fails', async () => {
    vi.useFakeTimers({ toFake: ['Date'] });
    freshConfig('stale-keys-test');
    const first = await mintSession(suite.emulator, { expires_in: 3600 });
    expect((await readSession(sessionRoot(), first.sealed)).status).toBe('signed-in');
    vi.setSystemTime(Date.now() + 11 * 60_000); // past jose's 10 min cache age
    suite.emulator.control.injectFault({ endpoint: JWKS, drop: true, times: 100 });
    const second = await mintSession(suite.emulator, { expires_in: 3600 });
    expect((await readSession(sessionRoot(), second.sealed)).status).toBe('signed-in');
  });
});
