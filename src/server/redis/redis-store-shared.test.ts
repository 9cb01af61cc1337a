/**
 * What the Redis store adds to the contract, with two (or three) stores on one real redis-server
 * standing in for instances: one refresh across instances, every instance gets its outcome, Redis
 * holds no token in clear; an ended session reaches every instance over pub/sub (and an instance
 * that connects later); memberships listed once for all and forgotten everywhere; a member's
 * changed role reaches every instance.
 */
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { RefreshOutcome } from '../session/refresh.js';
import type { SignedInState } from '../session/session-state.js';
import { redisStoresPerSuite } from '../../../test/support/redis-stores.js';
import { createRedisLink, type RedisLink } from './redis-link.js';

const suite = redisStoresPerSuite();
let inspect: RedisLink;
beforeAll(() => {
  inspect = createRedisLink({ url: suite.redis().url, timeoutMs: 1_000 });
});
afterAll(() => inspect.close());

/** `count` connected stores sharing one key space: instances of one app. */
const instances = (count: number, prefix?: string) => suite.instances(count, { prefix });

const ACCESS_TOKEN = `at_${randomUUID()}`;
const REFRESH_TOKEN = `rt_${randomUUID()}`;
function refreshed(): RefreshOutcome {
  const exp = Math.floor(Date.now() / 1000) + 300;
  const session = { accessToken: ACCESS_TOKEN, refreshToken: REFRESH_TOKEN, user: { id: 'user_1' } };
  const state = { status: 'signed-in', sealed: 'Fe26.2*sealed-cookie', session, claims: { sub: 'user_1', sid: 'session_1', exp }, info: { accessToken: ACCESS_TOKEN } };
  return { ok: true, state: state as unknown as SignedInState };
}

describe('the Redis store across instances', () => {
  it('runs one exchange for K concurrent callers on each of 3 instances; all get its outcome; Redis keeps no token in clear', async () => {
    // A generous command timeout: on a loaded machine a 250 ms stall would (rightly) make an
    // instance refresh on its own, which is the outage path (redis-store-outage.test.ts), not this.
    const all = await suite.instances(3, { timeoutMs: 2_000 });
    let exchanges = 0;
    const exchange = async () => {
      exchanges++;
      await new Promise((resolve) => setTimeout(resolve, 150));
      return refreshed();
    };
    const key = `${REFRESH_TOKEN}\u0000`;
    const outcomes = await Promise.all(all.flatMap((store) => Array.from({ length: 10 }, () => store.refreshes.singleFlight(key, exchange))));
    expect(exchanges).toBe(1);
    for (const outcome of outcomes) expect(outcome).toEqual(refreshed());
    const dump = await inspect.call(async (client) => {
      const keys = await client.keys('*');
      return [keys.join(' '), ...(await Promise.all(keys.map((name) => client.type(name).then((type) => (type === 'string' ? client.get(name) : '')))))].join('\n');
    });
    expect(dump).toContain('refresh:');
    for (const secret of [ACCESS_TOKEN, REFRESH_TOKEN, 'sealed-cookie']) expect(dump).not.toContain(secret);
  });

  it('tells every instance about an ended session at once, and an instance that connects later too', async () => {
    const prefix = `test:${randomUUID()}:`;
    const [a, b] = await instances(2, prefix);
    a!.endedSessions.add('session_gone');
    expect(a!.endedSessions.has('session_gone')).toBe(true);
    await vi.waitFor(() => expect(b!.endedSessions.has('session_gone')).toBe(true), { timeout: 1_000, interval: 10 });
    const [late] = await instances(1, prefix);
    await vi.waitFor(() => expect(late!.endedSessions.has('session_gone')).toBe(true), { timeout: 1_000, interval: 10 });
    expect(late!.endedSessions.has('session_other')).toBe(false);
  });

  it('lists memberships once for all instances, and forgets them on every instance', async () => {
    const [a, b] = await instances(2);
    const list = vi.fn(async () => [{ id: 'org_1', name: 'Acme', role: 'admin' }]);
    expect(await a!.memberships.get('user_1', list, { fresh: false })).toEqual([{ id: 'org_1', name: 'Acme', role: 'admin' }]);
    await vi.waitFor(async () => expect(await b!.memberships.get('user_1', list, { fresh: false })).toHaveLength(1));
    expect(list).toHaveBeenCalledTimes(1);
    a!.memberships.forget('user_1');
    await vi.waitFor(async () => {
      await b!.memberships.get('user_1', list, { fresh: false });
      expect(list).toHaveBeenCalledTimes(2);
    });
  });

  it("tells every instance about a member's changed role, so their outdated token refreshes on any of them", async () => {
    const [a, b] = await instances(2);
    const before = { sub: 'user_bob', org_id: 'org_acme', role: 'member', iat: Math.floor(Date.now() / 1000) - 60 };
    expect(b!.memberships.isOutdated(before)).toBe(false);
    a!.memberships.noteChange('user_bob', 'org_acme', 'admin');
    expect(a!.memberships.isOutdated(before)).toBe(true);
    await vi.waitFor(() => expect(b!.memberships.isOutdated(before)).toBe(true), { timeout: 1_000, interval: 10 });
    expect(b!.memberships.isOutdated({ ...before, role: 'admin' })).toBe(false);
  });

  it('gives one instance the turn to poll WorkOS events per interval, and every instance resumes from the cursor saved', async () => {
    const all = await instances(3);
    const turns = await Promise.all(all.map((store) => store.eventCursor!.takeTurn(400)));
    expect(turns.filter((turn) => turn !== null)).toEqual([{ after: undefined }]);
    await all[turns.findIndex((turn) => turn !== null)]!.eventCursor!.save('event_01');
    expect(await all[0]!.eventCursor!.takeTurn(400)).toBeNull(); // still within the interval
    await new Promise((resolve) => setTimeout(resolve, 450));
    const next = await Promise.all(all.map((store) => store.eventCursor!.takeTurn(400)));
    expect(next.filter((turn) => turn !== null)).toEqual([{ after: 'event_01' }]);
  });
});
