import 'server-only';
/**
 * The store AUTHKIT_REDIS_URL asks for, on Node (package.json "imports" `#shared-store`; the Edge
 * runtime gets shared-store-edge.ts, which never loads any of this). One per process and Redis
 * configuration, kept on globalThis: Next bundles the proxy and the app separately, and both
 * should share one connection and one local view. A new configuration closes the old store.
 */
import type { AuthKitConfig } from '../config.js';
import type { SessionStore } from '../store/session-store.js';
import { createRedisStore, type RedisSessionStore } from './redis-store.js';

const REGISTRY = Symbol.for('authkit-rsc.shared-store');
const host = globalThis as typeof globalThis & { [REGISTRY]?: { identity: string; store: RedisSessionStore } };

/** The Redis store for `config`, or undefined when AUTHKIT_REDIS_URL is not set. */
export function sharedStore(config: AuthKitConfig): SessionStore | undefined {
  if (!config.redisUrl) return undefined;
  const identity = JSON.stringify([config.redisUrl, config.clientId, config.cookiePassword, config.previousCookiePasswords]);
  const kept = host[REGISTRY];
  if (kept?.identity === identity) return kept.store;
  void kept?.store.close();
  const store = createRedisStore({
    url: config.redisUrl,
    cookiePassword: config.cookiePassword,
    previousCookiePasswords: config.previousCookiePasswords,
    prefix: `authkit:${config.clientId}:`,
  });
  host[REGISTRY] = { identity, store };
  return store;
}
