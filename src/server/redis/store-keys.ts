import 'server-only';
/**
 * The names a shared store uses in Redis: every key and channel under one prefix (by default
 * `authkit:<client id>:`, so apps sharing a Redis never meet), and secrets (refresh tokens) only as
 * an HMAC keyed from the cookie password: a Redis dump names no token.
 */
import { createHmac } from 'node:crypto';

export interface StoreKeys {
  key(kind: string, id: string): string;
  channel(kind: string): string;
  /** A stable name for a secret value (hex HMAC-SHA256). */
  digest(secret: string): string;
}

const DIGEST_LABEL = 'authkit-rsc shared store key\n';

/** The key names under `prefix`, digests keyed from `password`. */
export function storeKeys(prefix: string, password: string): StoreKeys {
  const digestKey = createHmac('sha256', DIGEST_LABEL).update(password).digest();
  return {
    key: (kind, id) => `${prefix}${kind}:${id}`,
    channel: (kind) => `${prefix}${kind}`,
    digest: (secret) => createHmac('sha256', digestKey).update(secret).digest('hex'),
  };
}
