/**
 * A real redis-server for a suite and Redis session stores connected to it, each group in a key
 * space of its own (as separate apps sharing one Redis), all closed after the suite.
 */
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, expect } from 'vitest';
import { createRedisStore, type RedisSessionStore } from '../../src/server/redis/redis-store.js';
import { TEST_COOKIE_PASSWORD } from './env.js';
import { startTestRedis, type TestRedis } from './redis-server.mjs';

export interface RedisStores {
  /** The suite's redis-server (started before the suite's tests). */
  redis(): TestRedis;
  /** `count` connected stores sharing `prefix` (by default a new key space): instances of one app. */
  instances(count: number, options?: { prefix?: string; timeoutMs?: number }): Promise<RedisSessionStore[]>;
}

/** Starts a redis-server before the suite and stops it, and every store made here, after it. */
export function redisStoresPerSuite(): RedisStores {
  let server: TestRedis | undefined;
  const stores: RedisSessionStore[] = [];
  beforeAll(async () => {
    server = await startTestRedis();
  });
  afterAll(async () => {
    await Promise.all(stores.map((store) => store.close()));
    await server?.stop();
  });
  const redis = () => {
    if (!server) throw new Error('redisStoresPerSuite: the redis-server starts in beforeAll');
    return server;
  };
  return {
    redis,
    async instances(count, { prefix = `test:${randomUUID()}:`, timeoutMs } = {}) {
      const made = Array.from({ length: count }, () => createRedisStore({ url: redis().url, cookiePassword: TEST_COOKIE_PASSWORD, prefix, timeoutMs }));
      stores.push(...made);
      for (const store of made) expect(await store.ready()).toBe(true);
      return made;
    },
  };
}
