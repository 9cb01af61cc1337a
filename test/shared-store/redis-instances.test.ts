/**
 * Two and three app instances as separate Node processes (the built kit, the real
 * `@workos-inc/node` SDK, the emulator as WorkOS) sharing one real redis-server and one cookie:
 * K concurrent proxy requests on each instance, carrying the same expired session, cause exactly
 * one refresh at WorkOS (counted by the emulator's /_emulator/counters) and all of them get the
 * new session; a session ended on one instance is refused by the others within a second.
 * (The emulator refuses a reused refresh token: no grace window hides a second refresh.)
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { firstAnswered, proxyOnce, startSharedApp, type ProxyRun, type SharedApp } from '../support/app-instances.js';
import { mintSession } from '../support/sessions.js';

const REQUESTS_PER_INSTANCE = 8;

let app: SharedApp;
beforeAll(async () => {
  app = await startSharedApp({ emulator: { refreshGraceSeconds: 0 } });
}, 60_000);
afterAll(() => app?.stop());

/** Refresh-token grants the emulator has answered since the counters were reset. */
async function refreshCalls(): Promise<number> {
  const counters = (await (await fetch(`${app.emulator.url}/_emulator/counters`)).json()) as { counters: Record<string, number> };
  return counters.counters['POST /user_management/authenticate'] ?? 0;
}

/** A session whose access token has just expired. */
async function expiredSession() {
  app.emulator.control.setConfig({ access_token_ttl_seconds: 1 });
  const minted = await mintSession(app.emulator);
  app.emulator.control.setConfig({ access_token_ttl_seconds: 300 }); // the refreshed session lives on
  const { exp } = JSON.parse(Buffer.from(minted.session.accessToken.split('.')[1]!, 'base64url').toString()) as { exp: number };
  await new Promise((resolve) => setTimeout(resolve, Math.max(0, exp * 1000 - Date.now()) + 50));
  return minted;
}

describe('app instances sharing one Redis', () => {
  for (const count of [2, 3]) {
    it(`${count} instances x ${REQUESTS_PER_INSTANCE} concurrent requests with one expired cookie: one refresh at WorkOS, every request gets the new session`, async () => {
      const { session, sealed } = await expiredSession();
      await fetch(`${app.emulator.url}/_emulator/counters`, { method: 'DELETE', headers: { 'content-type': 'application/json' }, body: '{}' });
      expect(await refreshCalls()).toBe(0);
      const runs = (await Promise.all(app.instances.slice(0, count).map((instance) => instance.ask<ProxyRun[]>('proxy', { cookie: sealed, count: REQUESTS_PER_INSTANCE })))).flat();
      expect(runs).toHaveLength(count * REQUESTS_PER_INSTANCE);
      expect(await refreshCalls()).toBe(1);
      const [first] = runs;
      expect(first).toMatchObject({ userId: session.user.id });
      expect(first!.accessToken).not.toBe(session.accessToken);
      for (const run of runs) expect(run).toEqual(first);
    }, 30_000);
  }

  it('a session ended on one instance is refused by the others within a second', async () => {
    app.emulator.control.setConfig({ access_token_ttl_seconds: 300 });
    const { session, sealed } = await mintSession(app.emulator);
    for (const instance of app.instances) expect(await proxyOnce(instance, sealed)).toMatchObject({ userId: session.user.id });
    const { sessionId } = await proxyOnce(app.instances[0]!, sealed);
    const endedAt = performance.now();
    await app.instances[0]!.ask('end', { sessionId });
    const refusedAfter = await firstAnswered(app.instances.slice(1), sealed, endedAt, (run) => run.userId === null);
    for (const ms of refusedAfter) expect(ms).toBeLessThan(1_000);
  }, 30_000);
});
