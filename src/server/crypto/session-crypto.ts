import 'server-only';
/**
 * The `SessionCrypto` seam: what the session needs from a crypto library, chosen once per runtime.
 * On Node it is Node's own crypto (synchronous, no thread-pool round trip: an unseal costs about a
 * fifteenth of iron-session's eight WebCrypto calls, a hand-over signature 4 µs instead of 30);
 * elsewhere (Edge runtimes, the browser that renders Storybook's server components) it is
 * WebCrypto, through iron-session. Both read and write the same formats; the property tests hold
 * them to the same answers.
 */
import { loadNodeCrypto, createNodeSessionCrypto } from './node-crypto.js';
import { createWebSessionCrypto } from './web-crypto.js';

/** An HMAC-SHA256 key over a list of fields (framed: hmac-fields.ts): 64 lowercase hex digits. */
export interface HmacKey {
  sign(fields: readonly string[]): Promise<string>;
  /** True when `signature` is the fields'; compared in constant time. */
  verify(fields: readonly string[], signature: string): Promise<boolean>;
}

export interface SessionCrypto {
  readonly runtime: 'node' | 'web';
  /**
   * Opens an iron seal (`Fe26.2…~2`, already checked by `isSealCandidate`) with the first of
   * `passwords` that opens it: its data, or `null` when none does or it has expired.
   */
  unseal(sealed: string, passwords: readonly string[]): Promise<Record<string, unknown> | null>;
  /** An HMAC key derived from `secret` (SHA-256 of it), the same bytes on every runtime. */
  hmacKey(secret: string): HmacKey;
}

let chosen: SessionCrypto | undefined;

/** Node's crypto where the kit runs on Node, else WebCrypto: decided on first use, then kept. */
export function chooseSessionCrypto(): SessionCrypto {
  if (!chosen) {
    const node = loadNodeCrypto();
    chosen = node ? createNodeSessionCrypto(node) : createWebSessionCrypto();
  }
  return chosen;
}
