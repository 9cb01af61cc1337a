/**
 * The Node-crypto unseal (`node-unseal.ts`) against the reference, iron-session's `unsealData`
 * as the kit calls it (`unsealWithPasswords`): an intact seal opens to the same data, and for any
 * damaged, foreign or odd value the Node path either leaves the answer to iron-session
 * (`undefined`) or gives iron-session's answer.
 */
import * as nodeCryptoModule from 'node:crypto';
import fc from 'fast-check';
import { sealData } from 'iron-session';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { unsealWithPasswords } from '../../shared/iron-seal.js';
import type { NodeCryptoSubset } from './node-crypto.js';
import { chooseSessionCrypto } from './session-crypto.js';
import { fixedTimeEqual, unsealWithNodeCrypto } from './node-unseal.js';
import { damageSeal, sealDamage } from '../../../test/support/seal-damage.js';

const crypto = nodeCryptoModule as unknown as NodeCryptoSubset;

afterEach(() => {
  vi.restoreAllMocks();
});

// Passwords as iron accepts them (32+ UTF-16 units), any characters, lone surrogates included.
const password = fc.string({ unit: fc.oneof(fc.constantFrom(...'abcXYZ0189-_!'.split('')), fc.constant('é'), fc.constant('😀'), fc.constant('\ud800')), minLength: 32, maxLength: 48 })
  .filter((value) => value.length >= 32);
const passwordId = fc.integer({ min: 1, max: 999 }).map(String); // iron-session seals under its highest numeric id
const payload = fc.oneof(
  { weight: 4, arbitrary: fc.dictionary(fc.string({ maxLength: 8 }), fc.jsonValue({ maxDepth: 3 }), { maxKeys: 6 }) },
  { weight: 1, arbitrary: fc.jsonValue({ maxDepth: 2 }) }, // arrays, strings, numbers, null: not the kit's, still iron's
);

async function seal(data: unknown, id: string, secret: string, ttl = 0): Promise<string> {
  return sealData(data as Record<string, unknown>, { password: { [id]: secret }, ttl });
}

async function bothWays(sealed: string, passwords: readonly string[]) {
  return { node: unsealWithNodeCrypto(crypto, sealed, passwords), iron: await unsealWithPasswords(sealed, passwords) };
}

const mutation = sealDamage(fc.string({ maxLength: 30 }));

describe('unsealing with Node crypto', () => {
  it('runs on Node (the proxy and the render get the fast path)', () => {
    expect(chooseSessionCrypto().runtime).toBe('node');
  });

  it('opens every intact seal to what iron-session reads, whatever the password, id, data and password list', async () => {
    await fc.assert(
      fc.asyncProperty(password, passwordId, payload, fc.array(password, { maxLength: 2 }), fc.nat(3), fc.oneof(fc.constant(0), fc.integer({ min: 120, max: 10 ** 8 })),
        async (secret, id, data, others, at, ttl) => {
          const sealed = await seal(data, id, secret, ttl);
          const passwords = [...others];
          passwords.splice(at % (others.length + 1), 0, secret);
          const { node, iron } = await bothWays(sealed, passwords);
          expect(node).not.toBeUndefined(); // decided without iron-session
          expect(node).toEqual(iron);
        }),
      { numRuns: 150 },
    );
  });

  it('rejects a seal under another password exactly as iron-session does', async () => {
    await fc.assert(
      fc.asyncProperty(password, fc.array(password, { minLength: 1, maxLength: 3 }), payload, async (secret, others, data) => {
        fc.pre(!others.includes(secret));
        const { node, iron } = await bothWays(await seal(data, '1', secret), others);
        expect(iron).toBeNull();
        expect(node).toBeNull();
      }),
      { numRuns: 60 },
    );
  });

  it('never opens a damaged seal to anything but what iron-session opens it to', async () => {
    const secret = 'node-unseal-test-password-0123456789-abcdef';
    const seals = await Promise.all([{ user: { id: 'user_a' }, accessToken: 'a.b.c' }, { user: { id: 'user_b' }, n: 1 }].map((data) => seal(data, '1', secret)));
    let decidedByNode = 0;
    await fc.assert(
      fc.asyncProperty(fc.nat(1), mutation, async (index, m) => {
        const sealed = damageSeal(seals[index]!, seals[1 - index]!, m);
        fc.pre(sealed.length > 0);
        const { node, iron } = await bothWays(sealed, [secret]);
        if (node !== undefined) {
          decidedByNode += 1;
          expect(node).toEqual(iron);
        }
        if (sealed !== seals[index] && iron !== null) expect(iron).toEqual(await unsealWithPasswords(seals[index]!, [secret])); // only a harmless change
      }),
      { numRuns: 400 },
    );
    expect(decidedByNode).toBeGreaterThan(100); // tampered MACs and ciphertexts are rejected without iron-session
  });

  it('rejects any one character changed in the authenticated parts, and the MAC, without iron-session', async () => {
    const secret = 'node-unseal-test-password-0123456789-abcdef';
    const sealed = await seal({ user: { id: 'user_a' } }, '1', secret);
    const signedLength = sealed.length - 2; // everything but `~2`
    for (let at = 0; at < signedLength; at += 7) {
      const original = sealed[at]!;
      if (original === '*') continue;
      const changed = sealed.slice(0, at) + (original === 'A' ? 'B' : 'A') + sealed.slice(at + 1);
      const { node, iron } = await bothWays(changed, [secret]);
      expect(iron).toBeNull();
      expect(node === null || node === undefined).toBe(true);
    }
  });

  it('reads an expired seal as null, as iron-session does (60 s of clock skew allowed)', async () => {
    const secret = 'node-unseal-test-password-0123456789-abcdef';
    const sealed = await seal({ user: { id: 'user_a' } }, '1', secret, 1);
    const now = Date.now();
    vi.spyOn(Date, 'now').mockReturnValue(now + 30_000);
    expect((await bothWays(sealed, [secret])).node).toEqual({ user: { id: 'user_a' } });
    vi.spyOn(Date, 'now').mockReturnValue(now + 62_000);
    const { node, iron } = await bothWays(sealed, [secret]);
    expect(iron).toBeNull();
    expect(node).toBeNull();
  });

  it('leaves odd seals to iron-session: other versions, short passwords, empty salts', async () => {
    const secret = 'node-unseal-test-password-0123456789-abcdef';
    const sealed = await seal({ user: { id: 'user_a' } }, '1', secret);
    const parts = sealed.split('*');
    for (const odd of [sealed.replace(/~2$/, ''), `${sealed}~2`, sealed.replace(/~2$/, '~3'), [...parts.slice(0, 2), '', ...parts.slice(3)].join('*'), [...parts.slice(0, 6), '', ...parts.slice(7)].join('*')]) {
      expect(unsealWithNodeCrypto(crypto, odd, [secret])).toBeUndefined();
    }
    expect(unsealWithNodeCrypto(crypto, sealed, ['short'])).toBeUndefined();
  });

  it('compares MACs in full (no early exit), equal only when equal', () => {
    expect(fixedTimeEqual('abc', 'abc')).toBe(true);
    expect(fixedTimeEqual('abc', 'abd')).toBe(false);
    expect(fixedTimeEqual('abc', 'ab')).toBe(false);
    expect(fixedTimeEqual('', 'a')).toBe(false);
  });
});
