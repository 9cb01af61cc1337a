/**
 * Without Node's crypto (edge runtimes), the session code falls back to what it used before the
 * Node fast paths: iron-session unseals, the plain-JavaScript HMAC signs the hand-over.
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { Session } from '../../shared/types.js';
import { setTestEnv } from '../test-support/env.js';
import { readForwardedContext, writeForwardedContext } from './forwarded.js';
import { nodeCrypto } from './node-crypto.js';
import { sealSession, unsealSession } from './session-seal.js';

vi.mock('./node-crypto.js', () => ({ nodeCrypto: () => null, loadNodeCrypto: () => null }));

const session: Session = {
  accessToken: 'header.payload.signature',
  refreshToken: 'refresh_123',
  user: { object: 'user', id: 'user_1', email: 'a@example.com' } as Session['user'],
};

let restore: () => void;
beforeEach(() => {
  restore = setTestEnv();
});
afterEach(() => restore());

describe('without Node crypto (edge runtimes)', () => {
  it('runs without it', () => {
    expect(nodeCrypto()).toBeNull();
  });

  it('unseals with iron-session, and rejects a tampered seal', async () => {
    const sealed = await sealSession(session);
    expect(await unsealSession(sealed)).toEqual(session);
    const at = sealed.indexOf('*', 40) + 5;
    expect(await unsealSession(sealed.slice(0, at) + (sealed[at] === 'A' ? 'B' : 'A') + sealed.slice(at + 1))).toBeNull();
  });

  it('signs the hand-over in plain JavaScript, verified by WebCrypto', async () => {
    const headers = new Headers();
    const context = { session: 'Fe26.2*seal~2', path: '/a?b=1', redirectUri: 'http://localhost:3000/callback', signUpPaths: ['/join'] };
    await writeForwardedContext(headers, context);
    expect(await readForwardedContext(headers)).toEqual(context);
  });
});
