/**
 * The composition root: a root built from plain values (no environment, no emulator) runs the
 * session functions; `sessionRoot()` follows the configuration; test seams are bound and put back.
 */
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { AuthKitConfig } from '../config.js';
import type { TokenCheck } from '../crypto/verify-token.js';
import { readSession } from '../session/read-session.js';
import { sealSession } from '../session/session-seal.js';
import type { Session } from '../../shared/types.js';
import { setTestEnv, TEST_COOKIE_PASSWORD } from '../../../test/support/env.js';
import { bindSessionSeams, sessionRoot } from './current-root.js';
import { createSessionRoot } from './session-root.js';

const OLD_PASSWORD = 'an-older-session-root-password-0123456789';
const config = { cookiePassword: TEST_COOKIE_PASSWORD, previousCookiePasswords: [OLD_PASSWORD], cookieName: 'wos-session' } as unknown as AuthKitConfig;
const session = { accessToken: 'header.payload.signature', refreshToken: 'rt_1', user: { id: 'user_1' } } as Session;
const claims = { sub: 'user_1', sid: 'session_1', exp: Math.floor(Date.now() / 1000) + 300 };

/** A root whose token check answers `check` (no JWKS anywhere). */
const rootAnswering = (check: TokenCheck) => createSessionRoot({ config, verifyAccessToken: async () => check });

let restore: () => void = () => {};
afterEach(() => restore());

describe('createSessionRoot', () => {
  it('binds the passwords (current first), Node crypto and a fresh in-process store', () => {
    const root = createSessionRoot({ config });
    expect(root.passwords).toEqual([TEST_COOKIE_PASSWORD, OLD_PASSWORD]);
    expect(root.crypto.runtime).toBe('node');
    expect(createSessionRoot({ config }).store).not.toBe(root.store);
  });

  it('runs readSession from plain values: valid, expired, unverifiable, a mixed-up user, an ended session', async () => {
    const sealed = await sealSession(createSessionRoot({ config }), session);
    expect(await readSession(rootAnswering({ result: 'valid', claims }), sealed)).toMatchObject({ status: 'signed-in', info: { sessionId: 'session_1' } });
    expect(await readSession(rootAnswering({ result: 'expired', claims, signatureChecked: true }), sealed)).toMatchObject({ status: 'expired', signatureChecked: true });
    expect(await readSession(rootAnswering({ result: 'unverifiable', claims }), sealed)).toMatchObject({ status: 'signed-in' });
    expect(await readSession(rootAnswering({ result: 'valid', claims: { ...claims, sub: 'user_2' } }), sealed)).toEqual({ status: 'signed-out', reason: 'invalid-cookie' });
    const ended = rootAnswering({ result: 'valid', claims });
    ended.store.endedSessions.add('session_1');
    expect(await readSession(ended, sealed)).toEqual({ status: 'signed-out', reason: 'session-ended' });
  });

  it("opens what a root with the same passwords sealed, and nothing another password sealed", async () => {
    const other = createSessionRoot({ config: { ...config, cookiePassword: 'another-cookie-password-0123456789-abcd', previousCookiePasswords: [] } });
    const valid = rootAnswering({ result: 'valid', claims });
    expect((await readSession(valid, await sealSession(other, session))).status).toBe('signed-out');
    const rotated = createSessionRoot({ config: { ...config, cookiePassword: OLD_PASSWORD, previousCookiePasswords: [] } });
    expect((await readSession(valid, await sealSession(rotated, session))).status).toBe('signed-in');
  });
});

describe('sessionRoot and its seams', () => {
  it('keeps one root per configuration, and rebuilds it with seams until they are unbound', async () => {
    restore = setTestEnv();
    const root = sessionRoot();
    expect(sessionRoot()).toBe(root);
    const verifyAccessToken = async (): Promise<TokenCheck> => ({ result: 'malformed' });
    const unbind = bindSessionSeams({ verifyAccessToken });
    expect(sessionRoot()).not.toBe(root);
    expect(sessionRoot().verifyAccessToken).toBe(verifyAccessToken);
    unbind();
    expect(sessionRoot().verifyAccessToken).not.toBe(verifyAccessToken);
  });

  it("shares ended sessions and membership changes with another copy of the kit in the process (Next's proxy and app bundles), not its caches", async () => {
    restore = setTestEnv();
    const here = sessionRoot().store;
    vi.resetModules(); // a second copy of every module, as a second bundle has
    const there = (await import('./current-root.js')).sessionRoot().store;
    expect(there).not.toBe(here);
    const before = { sub: 'user_bob', org_id: 'org_acme', role: 'member', iat: Math.floor(Date.now() / 1000) - 60 };
    there.memberships.noteChange('user_bob', 'org_acme', 'admin');
    expect(here.memberships.isOutdated(before)).toBe(true);
    there.endedSessions.add('session_ended_there'); // a sign-out in the app: the proxy refuses a copy of the cookie
    expect(here.endedSessions.has('session_ended_there')).toBe(true);
    const list = vi.fn(async () => [{ id: 'org_acme', name: 'Acme' }]);
    await there.memberships.get('user_bob', list, { fresh: false });
    await here.memberships.get('user_bob', list, { fresh: false });
    expect(list).toHaveBeenCalledTimes(2); // caches stay per bundle
    const unbind = bindSessionSeams({}); // a test's fresh root starts with nothing ended or changed
    expect(sessionRoot().store.memberships.isOutdated(before)).toBe(false);
    expect(sessionRoot().store.endedSessions.has('session_ended_there')).toBe(false);
    unbind();
  });
});
