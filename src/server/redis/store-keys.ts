import 'server-only';
/**
 * The names a shared store uses in Redis: every key and channel under one prefix (by default
 * `authkit:<client id>:`, so apps sharing a Redis never meet), and secrets (refresh tokens) only as
 * an HMAC keyed from the cookie password: a Redis dump names no token.
 */
import { loadNodeCrypto } from '../crypto/node-crypto.js';

export interface StoreKeys {
  key(kind: string, id: string): string;
  channel(kind: string): string;
  /** A stable name for a secret value (hex HMAC-SHA256). */
  digest(secret: string): string;
}

const DIGEST_LABEL = 'authkit-rsc shared store key\n';

/** The key names under `prefix`, digests keyed from `password`. */
export function storeKeys(prefix: string, password: string): StoreKeys {
  // Looked up, not imported: the server entry exports the Redis store, and its import graph must
  // load in a browser bundle too (the Storybook catalogue) even though the store never runs there.
  const crypto = loadNodeCrypto();
  if (!crypto) throw new Error('The Redis session store needs Node (its crypto); on the Edge runtime the kit keeps sessions per isolate.');
  const encoder = new TextEncoder();
  const digestKey = encoder.encode(crypto.createHmac('sha256', encoder.encode(DIGEST_LABEL)).update(password, 'utf8').digest('hex'));
  return {
    key: (kind, id) => `${prefix}${kind}:${id}`,
    channel: (kind) => `${prefix}${kind}`,
    digest: (secret) => crypto.createHmac('sha256', digestKey).update(secret, 'utf8').digest('hex'),
  };
}
