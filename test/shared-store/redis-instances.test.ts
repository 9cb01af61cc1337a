/**
 * Two and three app instances as separate Node processes (the built kit, the real
 * `@workos-inc/node` SDK, the emulator as WorkOS) sharing one real redis-server and one cookie:
 * K concurrent proxy requests on each instance, carrying the same expired session, cause exactly
 * one refresh at WorkOS (counted by the emulator's /_emulator/counters) and all of them get the
 * new session; a session ended on one instance is refused by the others within a second.
 * (The emulator refuses a reused refresh token: no grace window hides a second refresh.)
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Emulator } from '../../src/emulator/index.js';
import { startAppInstance, type AppInstance } from '../support/app-instances.js';
import { startTestEmulator, useEmulatorEnv } from '../support/emulator.js';
import { TEST_COOKIE_PASSWORD, TEST_REDIRECT_URI } from '../support/env.js';
import { startTestRedis, type TestRedis } from '../support/redis-server.mjs';
import { mintSession } from '../support/sessions.js';

const REQUESTS_PER_INSTANCE = 8;

interface Run {
  userId: string | null;
  sessionId: string | null;
  accessToken: string | null;
}

let redis: TestRedis;
let emulator: Emulator;
let restoreEnv: () => void = () => {};
const instances: AppInstance[] = [];

beforeAll(async () => {
  [redis, emulator] = await Promise.all([startTestRedis(), startTestEmulator({ refreshGraceSeconds: 0 })]);
  restoreEnv = useEmulatorEnv(emulator);
  const env = { ...emulator.env, WORKOS_COOKIE_PASSWORD: TEST_COOKIE_PASSWORD, NEXT_PUBLIC_WORKOS_REDIRECT_URI: TEST_REDIRECT_URI, AUTHKIT_REDIS_URL: redis.url };
  instances.push(...(await Promise.all([1, 2, 3].map(() => startAppInstance(env)))));
  for (const instance of instances) expect(await instance.ask('ready')).toBe(true);
}, 60_000);

afterAll(async () => {
  await Promise.all(instances.map((instance) => instance.stop()));
  restoreEnv();
  await Promise.all([emulator?.close(), redis?.stop()]);
});

/** Refresh-token grants the emulator has answered since the counters were reset. */
async function refreshCalls(): Promise<number> {
  const counters = (await (await fetch(`${emulator.url}/_emulator/counters`)).json()) as { counters: Record<string, number> };
  return counters.counters['POST /user_management/authenticate'] ?? 0;
}

/** A session whose access token has just expired. */
async function expiredSession() {
  emulator.control.setConfig({ access_token_ttl_seconds: 1 });
  const minted = await mintSession(emulator);
  emulator.control.setConfig({ access_token_ttl_seconds: 300 }); // the refreshed session lives on
  const { exp } = JSON.parse(Buffer.from(minted.session.accessToken.split('.')[1]!, 'base64url').toString()) as { exp: number };
  await new Promise((resolve) => setTimeout(resolve, Math.max(0, exp * 1000 - Date.now()) + 50));
  return minted;
}

describe('app instances sharing one Redis', () => {
  for (const count of [2, 3]) {
    it(`${count} instances x ${REQUESTS_PER_INSTANCE} concurrent requests with one expired cookie: one refresh at WorkOS, every request gets the new session`, async () => {
      const { session, sealed } = await expiredSession();
      await fetch(`${emulator.url}/_emulator/counters`, { method: 'DELETE', headers: { 'content-type': 'application/json' }, body: '{}' });
      expect(await refreshCalls()).toBe(0);
      const runs = (await Promise.all(instances.slice(0, count).map((instance) => instance.ask<Run[]>('proxy', { cookie: sealed, count: REQUESTS_PER_INSTANCE })))).flat();
      expect(runs).toHaveLength(count * REQUESTS_PER_INSTANCE);
      expect(await refreshCalls()).toBe(1);
      const [first] = runs;
      expect(first).toMatchObject({ userId: session.user.id });
      expect(first!.accessToken).not.toBe(session.accessToken);
      for (const run of runs) expect(run).toEqual(first);
    }, 30_000);
  }

  it('a session ended on one instance is refused by the others within a second', async () => {
    emulator.control.setConfig({ access_token_ttl_seconds: 300 });
    const { session, sealed } = await mintSession(emulator);
    for (const instance of instances) expect((await instance.ask<Run[]>('proxy', { cookie: sealed, count: 1 }))[0]).toMatchObject({ userId: session.user.id });
    const sessionId = (await instances[0]!.ask<Run[]>('proxy', { cookie: sealed, count: 1 }))[0]!.sessionId;
    const endedAt = performance.now();
    await instances[0]!.ask('end', { sessionId });
    const refusedAfter = await Promise.all(
      instances.slice(1).map(async (instance) => {
        while ((await instance.ask<Run[]>('proxy', { cookie: sealed, count: 1 }))[0]!.userId !== null) {
          if (performance.now() - endedAt > 5_000) throw new Error('the session was still accepted after 5 s');
        }
        return performance.now() - endedAt;
      }),
    );
    for (const ms of refusedAfter) expect(ms).toBeLessThan(1_000);
  }, 30_000);
});
