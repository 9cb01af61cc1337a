/** The Redis store keeps the SessionStore contract (test/support/session-store-contract.ts) against a real redis-server. */
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, expect } from 'vitest';
import { sessionStoreContract } from '../../../test/support/session-store-contract.js';
import { startTestRedis, type TestRedis } from '../../../test/support/redis-server.mjs';
import { TEST_COOKIE_PASSWORD } from '../../../test/support/env.js';
import { createRedisStore, type RedisSessionStore } from './redis-store.js';

let redis: TestRedis;
const stores: RedisSessionStore[] = [];
beforeAll(async () => {
  redis = await startTestRedis();
});
afterAll(async () => {
  await Promise.all(stores.map((store) => store.close()));
  await redis?.stop();
});

// Each test gets its own key space, as two apps sharing one Redis would.
sessionStoreContract('the Redis store', async () => {
  const store = createRedisStore({ url: redis.url, cookiePassword: TEST_COOKIE_PASSWORD, prefix: `test:${randomUUID()}:` });
  stores.push(store);
  expect(await store.ready()).toBe(true);
  return store;
});
