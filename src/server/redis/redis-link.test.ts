/**
 * The Redis link against a real redis-server: calls answer, a stopped server makes every call
 * answer UNAVAILABLE within the timeout (reported once, without the URL's password), and the link
 * recovers by itself when the server is back, telling its listeners so they can catch up.
 */
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { freePort } from '../../../test/support/free-port.mjs';
import { startTestRedis, type TestRedis } from '../../../test/support/redis-server.mjs';
import { createRedisLink, UNAVAILABLE, type RedisLink } from './redis-link.js';

let redis: TestRedis;
let link: RedisLink;
beforeAll(async () => {
  redis = await startTestRedis();
  link = createRedisLink({ url: redis.url, timeoutMs: 200 });
});
afterAll(async () => {
  await link?.close();
  await redis?.stop();
});

describe('createRedisLink', () => {
  it('connects and runs commands', async () => {
    expect(await link.ready()).toBe(true);
    expect(await link.call((client) => client.set('k', 'v'))).toBe('OK');
    expect(await link.call((client) => client.get('k'))).toBe('v');
  });

  it('answers UNAVAILABLE at once while Redis is down, reports it once, and recovers when it is back', async () => {
    const warnings = vi.spyOn(console, 'warn').mockImplementation(() => {});
    const reconnected = vi.fn();
    link.onConnect(reconnected);
    try {
      await redis.stop();
      await vi.waitFor(() => expect(link.connected).toBe(false));
      const started = performance.now();
      for (let i = 0; i < 5; i++) expect(await link.call((client) => client.get('k'))).toBe(UNAVAILABLE);
      expect(performance.now() - started).toBeLessThan(1_000);
      expect(warnings.mock.calls.filter(([message]) => String(message).includes('cannot be reached'))).toHaveLength(1);
      await redis.start();
      await vi.waitFor(() => expect(link.connected).toBe(true), { timeout: 5_000 });
      expect(await link.call((client) => client.set('k', 'again'))).toBe('OK');
      expect(reconnected).toHaveBeenCalled();
      expect(warnings.mock.calls.filter(([message]) => String(message).includes('answers again'))).toHaveLength(1);
    } finally {
      warnings.mockRestore();
    }
  });

  it('names where Redis is, never the password in its URL', async () => {
    const warnings = vi.spyOn(console, 'warn').mockImplementation(() => {});
    const port = await freePort();
    const nowhere = createRedisLink({ url: `redis://:hunter2-secret@127.0.0.1:${port}`, timeoutMs: 100 });
    try {
      expect(await nowhere.call((client) => client.get('k'))).toBe(UNAVAILABLE);
      await vi.waitFor(() => expect(warnings).toHaveBeenCalled());
      const output = warnings.mock.calls.flat().join('\n');
      expect(output).toContain(`127.0.0.1:${port}`);
      expect(output).not.toContain('hunter2');
    } finally {
      warnings.mockRestore();
      await Promise.race([nowhere.close(), new Promise((resolve) => setTimeout(resolve, 500))]);
    }
  });
});
