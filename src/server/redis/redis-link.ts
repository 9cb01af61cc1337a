import 'server-only';
/**
 * The one connection to Redis a shared store uses, and the rule that keeps Redis optional:
 * every call is bounded by a short timeout and answers `UNAVAILABLE` instead of failing, so each
 * caller falls back to what one process can do on its own. Redis going away is logged once (its
 * host and the error's name: never the URL, which may hold a password), its return once more.
 *
 * The client is the official `redis` package (node-redis), loaded on first use with an import the
 * bundlers leave alone: an app that never sets AUTHKIT_REDIS_URL never loads it, and need not
 * install it (it is an optional peer dependency). Two connections: one for commands (no offline
 * queue: while Redis is away a command fails at once rather than waiting), one for pub/sub (which
 * node-redis re-subscribes after a reconnect).
 */
import type * as RedisModule from 'redis';
import type { RedisClientType } from 'redis';
import { settleWithin } from '../deadline.js';
import { warn } from '../log.js';
import { createRedisHealth } from './redis-health.js';

/** What a call answers when Redis could not be asked (not connected, failed, too slow). */
export const UNAVAILABLE: unique symbol = Symbol('redis unavailable');
export type Unavailable = typeof UNAVAILABLE;

export type RedisClient = RedisClientType;

export interface RedisLink {
  /** `command`'s answer, or `UNAVAILABLE` (never throws, never waits longer than the timeout). */
  call<T>(command: (client: RedisClient) => Promise<T>): Promise<T | Unavailable>;
  /** Calls `listener` with each message on `channel` (from now on, across reconnects). */
  subscribe(channel: string, listener: (message: string) => void): void;
  /** Calls `listener` each time the command connection is (re)established: catch up on what was missed. */
  onConnect(listener: () => void): void;
  /** True once connected (false while Redis is away). */
  readonly connected: boolean;
  /** Resolves once the first connection attempt has settled: true when connected. */
  ready(): Promise<boolean>;
  close(): Promise<void>;
}

export interface RedisLinkOptions {
  url: string;
  /** @default 250 (ms): longest wait for one Redis call before falling back */
  timeoutMs?: number;
}

// A specifier bundlers do not follow (webpack, Turbopack, Vite): `redis` is resolved by Node at run
// time, from the app's own node_modules, and only when a Redis store is used.
const loadRedis = (): Promise<typeof RedisModule> =>
  import(/* webpackIgnore: true */ /* turbopackIgnore: true */ /* @vite-ignore */ REDIS_PACKAGE);
const REDIS_PACKAGE = 'redis';

class RedisTimeout extends Error {
  override readonly name = 'RedisTimeout';
}

/** Where Redis is, safe to log: host and port, never the credentials. */
function where(url: string): string {
  try {
    return new URL(url).host;
  } catch {
    return 'the configured address';
  }
}

/** A link to the Redis at `url` (connecting starts now, in the background). */
export function createRedisLink({ url, timeoutMs = 250 }: RedisLinkOptions): RedisLink {
  let client: RedisClient | undefined;
  let subscriber: RedisClient | undefined;
  let connected = false;
  let closed = false;
  const connectListeners: Array<() => void> = [];
  const subscriptions: Array<[string, (message: string) => void]> = [];
  const caughtUp = () => connectListeners.forEach((listener) => listener());
  // While Redis is away, a PING every second notices its return (rest: false, so the probe itself is never skipped).
  const probe = () => void client?.ping().then(() => health.answered(), (error) => health.failed(error, { rest: false }));
  const health = createRedisHealth(where(url), probe, caughtUp);

  // `connected` follows the command connection; `health` whether Redis answers calls.
  const onReady = () => {
    connected = true;
    if (!health.answered()) caughtUp(); // (an ended outage has caught up already)
  };
  const onLost = (error?: unknown) => {
    connected = false;
    if (error !== undefined) health.failed(error, { rest: false });
  };

  const started = (async () => {
    let redis: typeof RedisModule;
    try {
      redis = await loadRedis();
    } catch {
      warn('AUTHKIT_REDIS_URL is set but the `redis` package is not installed (npm install redis): sessions are coordinated per process.');
      return false;
    }
    if (closed) return false;
    const socket = { connectTimeout: Math.max(timeoutMs, 2_000), reconnectStrategy: (retries: number) => Math.min(100 * 2 ** retries, 2_000) };
    client = redis.createClient({ url, socket, disableOfflineQueue: true, commandOptions: { timeout: timeoutMs } }) as RedisClient;
    subscriber = client.duplicate({ disableOfflineQueue: false, commandOptions: {} }) as RedisClient;
    client.on('error', onLost).on('reconnecting', () => onLost()).on('end', () => onLost()).on('ready', onReady);
    // Messages published while the subscriber was away are lost: catch up once it is back.
    subscriber.on('error', (error) => health.failed(error, { rest: false })).on('ready', () => connected && caughtUp());
    for (const [channel, listener] of subscriptions) void subscriber.subscribe(channel, listener).catch((error) => health.failed(error));
    await Promise.all([client.connect(), subscriber.connect()]).catch((error) => health.failed(error, { rest: false }));
    return connected;
  })();

  return {
    async call<T>(command: (client: RedisClient) => Promise<T>): Promise<T | Unavailable> {
      if (!connected) {
        // Only the very first call waits for the first connection, and no longer than a call would.
        if (!(await settleWithin(started, timeoutMs, () => false)) || !client) return UNAVAILABLE;
      }
      if (health.resting()) return UNAVAILABLE;
      try {
        const answer = await settleWithin<T | Unavailable>(command(client!), timeoutMs, () => UNAVAILABLE);
        if (answer === UNAVAILABLE) health.failed(new RedisTimeout());
        else health.answered();
        return answer;
      } catch (error) {
        health.failed(error);
        return UNAVAILABLE;
      }
    },
    subscribe(channel, listener) {
      subscriptions.push([channel, listener]);
      if (subscriber) void subscriber.subscribe(channel, listener).catch((error) => health.failed(error));
    },
    onConnect: (listener) => connectListeners.push(listener),
    get connected() {
      return connected;
    },
    ready: () => started,
    async close() {
      closed = true;
      connected = false;
      health.stop();
      await settleWithin(started, timeoutMs, () => false);
      for (const connection of [client, subscriber]) connection?.destroy();
    },
  };
}
