import 'server-only';
/**
 * Node's crypto, where the kit runs on Node, for the hot path's synchronous hashing and
 * unsealing (bench row 1): WebCrypto's promise and thread-pool round trip per call costs many
 * times the work itself.
 *
 * Edge-safe: looked up at run time with `process.getBuiltinModule('node:crypto')` (Node ≥ 20.16;
 * the kit needs 20.19), never imported, so the proxy's import graph holds no Node built-in and
 * edge bundlers have nothing to reject. In an edge runtime (`EdgeRuntime` is defined; Next's edge
 * sandbox also turns every `process` function into a throw) or wherever the functions are
 * missing, `nodeCrypto()` is null and callers use WebCrypto or plain JavaScript as before.
 */

/** The part of `node:crypto` the kit uses (a type, not an import). */
export interface NodeCryptoSubset {
  pbkdf2Sync(password: string, salt: string, iterations: number, keylen: number, digest: string): Uint8Array;
  createHmac(algorithm: string, key: Uint8Array): { update(data: string, encoding: 'utf8'): { digest(encoding: 'base64url' | 'hex'): string } };
  createDecipheriv(algorithm: string, key: Uint8Array, iv: Uint8Array): {
    update(data: string, encoding: 'base64url'): Uint8Array;
    final(): Uint8Array;
  };
}

let loaded: NodeCryptoSubset | null | undefined;

/** Node's crypto when this runs on Node, else null (looked up once). */
export function nodeCrypto(): NodeCryptoSubset | null {
  if (loaded === undefined) loaded = loadNodeCrypto();
  return loaded;
}

/** Looks Node's crypto up (exported for tests; `nodeCrypto()` keeps the answer). */
export function loadNodeCrypto(): NodeCryptoSubset | null {
  if (typeof (globalThis as { EdgeRuntime?: unknown }).EdgeRuntime !== 'undefined') return null;
  try {
    const host = (globalThis as { process?: { getBuiltinModule?: (id: string) => unknown } }).process;
    const crypto = (typeof host?.getBuiltinModule === 'function' ? host.getBuiltinModule('node:crypto') : undefined) as
      | Partial<NodeCryptoSubset>
      | undefined;
    const complete = typeof crypto?.pbkdf2Sync === 'function' && typeof crypto.createHmac === 'function' && typeof crypto.createDecipheriv === 'function';
    return complete ? (crypto as NodeCryptoSubset) : null;
  } catch {
    return null;
  }
}
