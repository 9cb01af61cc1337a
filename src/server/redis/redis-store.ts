import 'server-only';
/**
 * The Redis `SessionStore`: refreshes single-flight across instances, ended sessions and
 * memberships shared (each instance answering the hot path from its own view, kept current over
 * pub/sub), one events poller per interval, verified sessions per process (each instance checks a
 * cookie once). Redis is never required: while it cannot answer, every part behaves as the
 * in-process store (redis-link.ts).
 */
import type { SessionStore } from '../store/session-store.js';
import { createVerifiedSessions } from '../store/in-process-store.js';
import { createRedisEndedSessions } from './redis-ended-sessions.js';
import { createRedisEventCursor } from './redis-event-cursor.js';
import { createRedisLink } from './redis-link.js';
import { createRedisMemberships } from './redis-memberships.js';
import { createRedisRefreshes } from './redis-refreshes.js';
import { storeKeys } from './store-keys.js';

export interface RedisStoreOptions {
  /** `redis://[:password@]host:port[/db]`, or `rediss://…` for TLS. */
  url: string;
  /** The cookie password: seals what Redis keeps and keys its digests (`WORKOS_COOKIE_PASSWORD`). */
  cookiePassword: string;
  /** Older cookie passwords, still accepted when opening what Redis keeps. @default [] */
  previousCookiePasswords?: readonly string[];
  /** Prefix of every key and channel. @default 'authkit:' */
  prefix?: string;
  /** Longest wait for one Redis call before falling back to this process. @default 250 */
  timeoutMs?: number;
}

/** A `SessionStore` shared through Redis, plus what an app (or a test) needs to manage it. */
export interface RedisSessionStore extends SessionStore {
  /** Resolves once the first connection attempt has settled: true when connected. */
  ready(): Promise<boolean>;
  /** Closes the connections (the store then behaves as an in-process one). */
  close(): Promise<void>;
}

/**
 * A session store shared by every instance through Redis.
 * @example
 * const store = createRedisStore({ url: 'rediss://cache.example.com:6380', cookiePassword: process.env.WORKOS_COOKIE_PASSWORD! });
 */
export function createRedisStore(options: RedisStoreOptions): RedisSessionStore {
  const link = createRedisLink({ url: options.url, timeoutMs: options.timeoutMs });
  const keys = storeKeys(options.prefix ?? 'authkit:', options.cookiePassword);
  const passwords = [options.cookiePassword, ...(options.previousCookiePasswords ?? [])];
  return {
    refreshes: createRedisRefreshes({ link, keys, password: options.cookiePassword, passwords }),
    endedSessions: createRedisEndedSessions(link, keys),
    verifiedSessions: createVerifiedSessions(),
    memberships: createRedisMemberships(link, keys),
    eventCursor: createRedisEventCursor(link, keys),
    ready: () => link.ready(),
    close: () => link.close(),
  };
}
