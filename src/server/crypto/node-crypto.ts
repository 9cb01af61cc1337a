import 'server-only';
/**
 * `SessionCrypto` on Node's own crypto, synchronous: WebCrypto's promise and thread-pool round
 * trip per call cost many times the work itself (an unseal: see node-unseal.ts; the hand-over's
 * HMAC: about 4 µs with `createHmac` against 30 µs with `subtle.sign`/`subtle.verify`, measured on
 * Node 20 for a 2 KB session).
 *
 * Edge-safe: Node's crypto is looked up at run time with `process.getBuiltinModule('node:crypto')`
 * (Node ≥ 20.16; the kit needs 20.19), never imported, so the proxy's import graph holds no Node
 * built-in and edge bundlers have nothing to reject. In an edge runtime (`EdgeRuntime` is defined;
 * Next's edge sandbox also turns every `process` function into a throw) or wherever the functions
 * are missing, `loadNodeCrypto()` is null and the kit uses WebCrypto (web-crypto.ts).
 */
import { unsealWithPasswords } from '../../shared/iron-seal.js';
import { lengthPrefix } from './hmac-fields.js';
import { fixedTimeEqual, unsealWithNodeCrypto } from './node-unseal.js';
import type { HmacKey, SessionCrypto } from './session-crypto.js';

interface NodeHmac {
  update(data: string, encoding: 'utf8'): NodeHmac;
  digest(encoding: 'base64url' | 'hex'): string;
}

/** The part of `node:crypto` the kit uses (a type, not an import). */
export interface NodeCryptoSubset {
  pbkdf2Sync(password: string, salt: string, iterations: number, keylen: number, digest: string): Uint8Array;
  createHash(algorithm: string): { update(data: string, encoding: 'utf8'): { digest(): Uint8Array } };
  createHmac(algorithm: string, key: Uint8Array): NodeHmac;
  createDecipheriv(algorithm: string, key: Uint8Array, iv: Uint8Array): {
    update(data: string, encoding: 'base64url'): Uint8Array;
    final(): Uint8Array;
  };
}

const REQUIRED = ['pbkdf2Sync', 'createHash', 'createHmac', 'createDecipheriv'] as const;

/** Node's crypto when this runs on Node, else null. */
export function loadNodeCrypto(): NodeCryptoSubset | null {
  if (typeof (globalThis as { EdgeRuntime?: unknown }).EdgeRuntime !== 'undefined') return null;
  try {
    const host = (globalThis as { process?: { getBuiltinModule?: (id: string) => unknown } }).process;
    const crypto = (typeof host?.getBuiltinModule === 'function' ? host.getBuiltinModule('node:crypto') : undefined) as
      | Partial<NodeCryptoSubset>
      | undefined;
    return crypto && REQUIRED.every((name) => typeof crypto[name] === 'function') ? (crypto as NodeCryptoSubset) : null;
  } catch {
    return null;
  }
}

function nodeHmacKey(crypto: NodeCryptoSubset, secret: string): HmacKey {
  const key = crypto.createHash('sha256').update(secret, 'utf8').digest();
  const sign = (fields: readonly string[]) => {
    const hmac = crypto.createHmac('sha256', key);
    for (const field of fields) hmac.update(lengthPrefix(field), 'utf8').update(field, 'utf8');
    return hmac.digest('hex');
  };
  return {
    sign: async (fields) => sign(fields),
    verify: async (fields, signature) => /^[0-9a-f]{64}$/.test(signature) && fixedTimeEqual(sign(fields), signature),
  };
}

/**
 * Node's `SessionCrypto`: seals open on Node's crypto when that path can decide alone, else (an
 * odd seal, see node-unseal.ts) through iron-session, which gives the same answer more slowly.
 */
export function createNodeSessionCrypto(crypto: NodeCryptoSubset): SessionCrypto {
  return {
    runtime: 'node',
    async unseal(sealed, passwords) {
      const quick = unsealWithNodeCrypto(crypto, sealed, passwords);
      return quick !== undefined ? quick : unsealWithPasswords(sealed, passwords);
    },
    hmacKey: (secret) => nodeHmacKey(crypto, secret),
  };
}
