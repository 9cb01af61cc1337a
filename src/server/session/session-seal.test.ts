import fc from 'fast-check';
import { sealData, unsealData } from 'iron-session';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { Session } from '../../shared/types.js';
import { setTestEnv, TEST_COOKIE_PASSWORD } from '../../../test/support/env.js';
import { sealForPurpose, sealSession, unsealForPurpose, unsealSession, unsealValue } from './session-seal.js';
import { unsealWithPasswords } from '../../shared/iron-seal.js';
import { sessionRoot } from '../root/current-root.js';

const OLD_PASSWORD = 'an-older-cookie-password-0123456789-abcdef';
const OLDER_PASSWORD = 'the-oldest-cookie-password-0123456789-abcd';

const session: Session = {
  accessToken: 'header.payload.signature',
  refreshToken: 'refresh_123',
  user: { object: 'user', id: 'user_1', email: 'a@example.com' } as Session['user'],
  authenticationMethod: 'Password',
};

let restore: () => void = () => {};
afterEach(() => {
  restore();
  vi.restoreAllMocks();
});

describe('session sealing', () => {
  it('reads a cookie sealed the reference way (string password, ttl 0)', async () => {
    restore = setTestEnv();
    const referenceCookie = await sealData({ ...session, impersonator: { email: 'admin@example.com', reason: null } }, {
      password: TEST_COOKIE_PASSWORD,
      ttl: 0,
    });
    expect(await unsealSession(sessionRoot(), referenceCookie)).toEqual({ ...session, impersonator: { email: 'admin@example.com', reason: null } });
  });

  it('seals a cookie the reference can read with its string password', async () => {
    restore = setTestEnv({ WORKOS_COOKIE_PASSWORD_PREVIOUS: OLD_PASSWORD });
    const sealed = await sealSession(sessionRoot(), session);
    expect(await unsealData(sealed, { password: TEST_COOKIE_PASSWORD })).toEqual(session);
  });

  it('keeps only the minimal payload', async () => {
    restore = setTestEnv();
    const sealed = await sealSession(sessionRoot(), { ...session, organizationId: 'org_1', oauthTokens: { accessToken: 'x' } } as Session);
    expect(Object.keys((await unsealSession(sessionRoot(), sealed))!).sort()).toEqual(['accessToken', 'authenticationMethod', 'refreshToken', 'user']);
  });

  it('rotates passwords: new seals use the current one, every old one still unseals', async () => {
    restore = setTestEnv({ WORKOS_COOKIE_PASSWORD: OLDER_PASSWORD });
    const oldest = await sealSession(sessionRoot(), session);
    process.env.WORKOS_COOKIE_PASSWORD = OLD_PASSWORD;
    const old = await sealSession(sessionRoot(), session);

    process.env.WORKOS_COOKIE_PASSWORD = TEST_COOKIE_PASSWORD;
    process.env.WORKOS_COOKIE_PASSWORD_PREVIOUS = `${OLD_PASSWORD},${OLDER_PASSWORD}`;
    const current = await sealSession(sessionRoot(), session);
    for (const sealed of [oldest, old, current]) expect(await unsealSession(sessionRoot(), sealed)).toEqual(session);
    expect(await unsealData(current, { password: TEST_COOKIE_PASSWORD })).toEqual(session);

    process.env.WORKOS_COOKIE_PASSWORD_PREVIOUS = OLDER_PASSWORD; // OLD_PASSWORD retired, order changed
    expect(await unsealSession(sessionRoot(), old)).toBeNull();
    expect(await unsealSession(sessionRoot(), oldest)).toEqual(session);
  });

  it('reads tampered, foreign, truncated, garbage and oversized values as null without throwing', async () => {
    restore = setTestEnv();
    const sealed = await sealSession(sessionRoot(), session);
    const foreign = await sealData(session, { password: OLD_PASSWORD, ttl: 0 });
    const flipped = sealed.slice(0, 40) + (sealed[40] === 'A' ? 'B' : 'A') + sealed.slice(41);
    const candidates: unknown[] = [
      flipped, foreign, sealed.slice(0, -20), sealed.replace('Fe26.2', 'Fe26.1'), 'garbage', '', '*'.repeat(7),
      'Fe26.2**a*b*c*d*e*f~2', `${sealed}${'x'.repeat(70_000)}`, '%E0%A4%A', undefined, null, 42, {},
      await sealData({ hello: 'world' }, { password: TEST_COOKIE_PASSWORD, ttl: 0 }),
      await sealData({ ...session, user: null }, { password: TEST_COOKIE_PASSWORD, ttl: 0 }),
    ];
    for (const candidate of candidates) await expect(unsealSession(sessionRoot(), candidate)).resolves.toBeNull();
  });

  it('refuses an expired seal', async () => {
    restore = setTestEnv();
    const sealed = await sealForPurpose(sessionRoot(), 'sign-in-flow', { nonce: 'n' }, 60);
    expect(await unsealForPurpose(sessionRoot(), 'sign-in-flow', sealed)).toMatchObject({ nonce: 'n' });
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(Date.now() + 5 * 60_000);
    expect(await unsealForPurpose(sessionRoot(), 'sign-in-flow', sealed)).toBeNull();
    vi.useRealTimers();
  });

  it('never accepts a seal made for another purpose', async () => {
    restore = setTestEnv();
    const customState = await sealForPurpose(sessionRoot(), 'custom-state', { state: 'x' }, 0);
    expect(await unsealForPurpose(sessionRoot(), 'sign-in-flow', customState)).toBeNull();
    expect(await unsealForPurpose(sessionRoot(), 'custom-state', await sealSession(sessionRoot(), session))).toBeNull();
    expect(await unsealSession(sessionRoot(), customState)).toBeNull();
  });
});

describe('the exact iron format', () => {
  /** Counts the crypto work an unseal does: Node's PBKDF2 (the fast path) and WebCrypto's (iron-session). */
  function cryptoWork(): () => number {
    const node = process.getBuiltinModule('node:crypto') as { pbkdf2Sync: (...args: never[]) => unknown };
    const spies = [vi.spyOn(node, 'pbkdf2Sync'), vi.spyOn(globalThis.crypto.subtle, 'importKey')];
    return () => spies.reduce((sum, spy) => sum + spy.mock.calls.length, 0);
  }

  it('refuses a valid seal with anything appended (`~2~junk`, `~20`, …) without unsealing it, on both paths', async () => {
    restore = setTestEnv();
    const sealed = await sealSession(sessionRoot(), session);
    const work = cryptoWork();
    expect(await unsealSession(sessionRoot(), sealed)).toEqual(session);
    expect(work()).toBeGreaterThan(0); // the spies do see an unseal's work
    await fc.assert(
      fc.asyncProperty(fc.oneof(fc.constantFrom('~junk', '~2', '~', '0', '.0', ' ', '*', '*x'), fc.string({ minLength: 1, maxLength: 20 })), async (tail) => {
        const before = work();
        expect(await unsealValue(sessionRoot(), sealed + tail)).toBeNull();
        expect(await unsealWithPasswords(sealed + tail, [TEST_COOKIE_PASSWORD])).toBeNull();
        expect(work()).toBe(before);
      }),
      { numRuns: 300 },
    );
  });

  it('refuses the other alterations of the version suffix and of the parts iron would tolerate', async () => {
    restore = setTestEnv();
    const sealed = await sealSession(sessionRoot(), session);
    const body = sealed.slice(0, -2);
    const parts = body.split('*');
    const variants = [
      `${body}~02`, `${body}~2.0`, `${body}~2 `, `${body}`, `${body}~3`,
      [...parts.slice(0, 5), `${parts[5]}x`, ...parts.slice(6)].join('*') + '~2', // a non-numeric expiration
      [...parts, 'extra'].join('*') + '~2',
    ];
    const work = cryptoWork();
    for (const variant of variants) expect(await unsealValue(sessionRoot(), variant), variant.slice(-12)).toBeNull();
    expect(work()).toBe(0);
  });
});
