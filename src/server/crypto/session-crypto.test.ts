/**
 * The `SessionCrypto` seam: Node's crypto on Node, WebCrypto elsewhere, chosen once. Both open the
 * same seals to the same data and compute the same hand-over signatures (an Edge proxy signs what a
 * Node render checks), and each refuses what the other refuses.
 */
import fc from 'fast-check';
import { sealData } from 'iron-session';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { createNodeSessionCrypto, loadNodeCrypto } from './node-crypto.js';
import { chooseSessionCrypto, type SessionCrypto } from './session-crypto.js';
import { createWebSessionCrypto } from './web-crypto.js';

const node = createNodeSessionCrypto(loadNodeCrypto()!);
const web = createWebSessionCrypto();
const BOTH: Array<[string, SessionCrypto]> = [['Node', node], ['WebCrypto', web]];
const PASSWORD = 'session-crypto-test-password-0123456789';
const OLD_PASSWORD = 'an-older-session-crypto-password-012345';

afterEach(() => {
  vi.restoreAllMocks();
  delete (globalThis as { EdgeRuntime?: unknown }).EdgeRuntime;
});

describe('choosing the crypto', () => {
  it("is Node's on Node", () => {
    expect(chooseSessionCrypto().runtime).toBe('node');
    expect(chooseSessionCrypto()).toBe(chooseSessionCrypto());
  });

  it("finds no Node crypto in an edge runtime, or wherever it cannot be had (then it is WebCrypto's)", () => {
    expect(loadNodeCrypto()).not.toBeNull();
    (globalThis as { EdgeRuntime?: unknown }).EdgeRuntime = 'edge-runtime';
    expect(loadNodeCrypto()).toBeNull();
    delete (globalThis as { EdgeRuntime?: unknown }).EdgeRuntime;
    // Next's edge sandbox: every `process` function throws.
    vi.spyOn(process, 'getBuiltinModule').mockImplementation(() => {
      throw new Error('A Node.js API is used (process.getBuiltinModule) which is not supported in the Edge Runtime.');
    });
    expect(loadNodeCrypto()).toBeNull();
    vi.spyOn(process, 'getBuiltinModule').mockReturnValue({ createHmac: () => undefined });
    expect(loadNodeCrypto()).toBeNull();
  });
});

describe.each(BOTH)('%s', (_name, crypto) => {
  it('opens a seal with the current or a previous password, and a tampered one to null', async () => {
    const data = { user: { id: 'user_1' }, accessToken: 'a.b.c' };
    const sealed = await sealData(data, { password: { 1: OLD_PASSWORD }, ttl: 0 });
    expect(await crypto.unseal(sealed, [PASSWORD, OLD_PASSWORD])).toEqual(data);
    expect(await crypto.unseal(sealed, [PASSWORD])).toBeNull();
    const at = sealed.indexOf('*', 40) + 5;
    expect(await crypto.unseal(sealed.slice(0, at) + (sealed[at] === 'A' ? 'B' : 'A') + sealed.slice(at + 1), [OLD_PASSWORD])).toBeNull();
  });

  it('refuses a signature that is altered, malformed or for other fields or another key', async () => {
    const key = crypto.hmacKey(PASSWORD);
    const signature = await key.sign(['hello', '/']);
    expect(signature).toMatch(/^[0-9a-f]{64}$/);
    expect(await key.verify(['hello', '/'], signature)).toBe(true);
    expect(await key.verify(['hellO', '/'], signature)).toBe(false);
    expect(await key.verify(['hello', '/', ''], signature)).toBe(false);
    expect(await key.verify(['hello', '/'], `${signature.slice(0, -1)}${signature.endsWith('0') ? '1' : '0'}`)).toBe(false);
    for (const bad of ['', 'zz', signature.toUpperCase(), `${signature}00`]) expect(await key.verify(['hello', '/'], bad)).toBe(false);
    expect(await crypto.hmacKey(OLD_PASSWORD).verify(['hello', '/'], signature)).toBe(false);
  });

  it('never signs two different field lists alike, however the fields split', async () => {
    const key = crypto.hmacKey(PASSWORD);
    const lists = [['a:b'], ['a', 'b'], ['a:', 'b'], ['ab'], ['1:a'], ['a', '', 'b'], ['', 'ab'], ['ab', '']];
    const signatures = await Promise.all(lists.map((fields) => key.sign(fields)));
    expect(new Set(signatures).size).toBe(lists.length);
  });
});

describe('Node and WebCrypto agree', () => {
  it('on every signature, whatever the fields and key (an Edge proxy signs, a Node render checks)', async () => {
    await fc.assert(
      fc.asyncProperty(fc.string({ minLength: 32, maxLength: 64 }), fc.array(fc.string({ maxLength: 3000 }), { maxLength: 4 }), async (secret, fields) => {
        const fromNode = await node.hmacKey(secret).sign(fields);
        expect(await web.hmacKey(secret).sign(fields)).toBe(fromNode);
        expect(await web.hmacKey(secret).verify(fields, fromNode)).toBe(true);
        expect(await node.hmacKey(secret).verify(fields, await web.hmacKey(secret).sign(fields))).toBe(true);
      }),
      { numRuns: 100 },
    );
  });
});
