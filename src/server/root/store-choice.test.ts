/**
 * Which store the kit's root binds: in-process by default, the Redis store for AUTHKIT_REDIS_URL
 * (one per process and configuration, connected to a real redis-server), and a store the app
 * passes in code before either.
 */
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { createInProcessStore } from '../store/in-process-store.js';
import { setTestEnv } from '../../../test/support/env.js';
import { startTestRedis, type TestRedis } from '../../../test/support/redis-server.mjs';
import { sessionRoot } from './current-root.js';
import { setSessionStore } from './store-choice.js';

let redis: TestRedis;
let restore: () => void = () => {};
beforeAll(async () => {
  redis = await startTestRedis();
});
afterEach(() => {
  restore();
  setSessionStore(undefined);
});
afterAll(async () => {
  restore = setTestEnv({ AUTHKIT_REDIS_URL: redis.url });
  await (sessionRoot().store as { close?: () => Promise<void> }).close?.();
  restore();
  await redis?.stop();
});

describe('the store a session root binds', () => {
  it('is in-process without AUTHKIT_REDIS_URL, and the Redis store (one per configuration) with it', async () => {
    restore = setTestEnv();
    expect('ready' in sessionRoot().store).toBe(false);
    restore();
    restore = setTestEnv({ AUTHKIT_REDIS_URL: redis.url });
    const store = sessionRoot().store as { ready?: () => Promise<boolean> };
    expect(await store.ready?.()).toBe(true);
    restore();
    restore = setTestEnv({ AUTHKIT_REDIS_URL: redis.url, WORKOS_OUTAGE_GRACE_SECONDS: '60' });
    expect(sessionRoot().store).toBe(store); // a new configuration, the same Redis: the same connection
  });

  it('is the one the app passes in code, made once per configuration, until it is unset', () => {
    restore = setTestEnv({ AUTHKIT_REDIS_URL: redis.url });
    const mine = createInProcessStore();
    let made = 0;
    setSessionStore((config) => (made++, expect(config.redisUrl).toBe(redis.url), mine));
    expect(sessionRoot().store).toBe(mine);
    expect(sessionRoot().store).toBe(mine);
    expect(made).toBe(1);
    setSessionStore(undefined);
    expect(sessionRoot().store).not.toBe(mine);
  });
});
