import 'server-only';
/**
 * `#shared-store` on the Edge runtime (a Next 15 `middleware.ts`), and in a browser bundle (the
 * Storybook catalogue renders server components there; package.json's `browser` condition): Redis's
 * TCP client cannot run there, so the middleware keeps its state in its own isolate, as without Redis; the app's Node
 * side (renders, route handlers, actions) still shares through Redis. A store that speaks HTTP can
 * be passed in code instead (`setSessionStore`).
 */
import type { AuthKitConfig } from '../config.js';
import { warnOnce } from '../log.js';
import type { SessionStore } from '../store/session-store.js';

/** Always undefined on the Edge runtime (the in-process store is used), with a note when Redis was asked for. */
export function sharedStore(config: AuthKitConfig): SessionStore | undefined {
  if (config.redisUrl) {
    warnOnce('redis-on-edge', 'AUTHKIT_REDIS_URL is set, but the Edge runtime cannot connect to Redis: this middleware keeps sessions per isolate (use proxy.ts on Node, or pass an HTTP store with setSessionStore).');
  }
  return undefined;
}
