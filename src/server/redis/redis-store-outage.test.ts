/**
 * Redis down never takes the app down: with the real redis-server stopped (or frozen), every part
 * of the Redis store answers within its timeouts as the in-process store would, the outage is
 * reported once per instance without secrets, and when Redis is back the instances share again
 * (an ended session recorded during the outage included).
 */
import { randomUUID } from 'node:crypto';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { RefreshOutcome } from '../session/refresh.js';
import type { SignedInState } from '../session/session-state.js';
import { redisStoresPerSuite } from '../../../test/support/redis-stores.js';
import { TEST_COOKIE_PASSWORD } from '../../../test/support/env.js';

const suite = redisStoresPerSuite();
afterEach(async () => {
  suite.redis().resume();
  if (!suite.redis().running) await suite.redis().start();
});

/** `count` connected stores sharing one key space; a call gives up after 200 ms. */
const instances = (count: number) => suite.instances(count, { timeoutMs: 200 });

const refreshed = (): RefreshOutcome => ({ ok: true, state: { status: 'signed-in', sealed: 'Fe26.2*new', claims: { sid: 's', exp: 0 } } as unknown as SignedInState });

/** A counted exchange that takes 50 ms, as a WorkOS call would. */
function counted() {
  const counter = { calls: 0, exchange: async () => (counter.calls++, await new Promise((resolve) => setTimeout(resolve, 50)), refreshed()) };
  return counter;
}

/** Runs `work` and says how long it took (ms). */
async function timed<T>(work: () => Promise<T>): Promise<{ value: T; ms: number }> {
  const started = performance.now();
  const value = await work();
  return { value, ms: performance.now() - started };
}

describe('the Redis store while Redis is away', () => {
  it('works per process while Redis is stopped, reports it once per instance, and shares again when it is back', async () => {
    const warnings = vi.spyOn(console, 'warn').mockImplementation(() => {});
    try {
      const [a, b] = await instances(2);
      await suite.redis().stop();
      const refresh = counted();
      const { value, ms } = await timed(() => a!.refreshes.singleFlight(`rt_${randomUUID()}`, refresh.exchange));
      expect(value).toEqual(refreshed());
      expect(refresh.calls).toBe(1);
      expect(ms).toBeLessThan(1_000);
      a!.endedSessions.add('session_ended_in_outage');
      expect(a!.endedSessions.has('session_ended_in_outage')).toBe(true);
      expect(b!.endedSessions.has('session_ended_in_outage')).toBe(false);
      expect(await timed(() => b!.memberships.get('user_1', async () => [{ id: 'org_1', name: 'Acme' }], { fresh: false }))).toMatchObject({ value: [{ id: 'org_1' }] });
      await a!.eventCursor!.save('event_seen_in_outage');
      expect(await a!.eventCursor!.takeTurn(60_000)).toEqual({ after: 'event_seen_in_outage' }); // each instance polls for itself
      expect(await b!.eventCursor!.takeTurn(60_000)).toEqual({ after: undefined });

      await suite.redis().start();
      await vi.waitFor(() => expect(b!.endedSessions.has('session_ended_in_outage')).toBe(true), { timeout: 5_000, interval: 20 });
      const shared = counted();
      const key = `rt_${randomUUID()}`;
      await vi.waitFor(async () => {
        const outcomes = await Promise.all([a, b, a, b].map((store) => store!.refreshes.singleFlight(key, shared.exchange)));
        expect(outcomes).toEqual(Array(4).fill(refreshed()));
        expect(shared.calls).toBe(1);
      }, { timeout: 5_000 });
      const reports = warnings.mock.calls.map(([message]) => String(message));
      expect(reports.filter((message) => message.includes('cannot be reached'))).toHaveLength(2);
      expect(reports.filter((message) => message.includes('answers again'))).toHaveLength(2);
      expect(reports.join('\n')).not.toContain(TEST_COOKIE_PASSWORD);
    } finally {
      warnings.mockRestore();
    }
  });

  it('bounds the wait by one timeout while Redis hangs (SIGSTOP), answering as one process would, and catches up when it answers again', async () => {
    const warnings = vi.spyOn(console, 'warn').mockImplementation(() => {});
    try {
      const [a, b] = await instances(2);
      suite.redis().pause();
      const refresh = counted();
      const refreshing = await timed(() => a!.refreshes.singleFlight(`rt_${randomUUID()}`, refresh.exchange));
      expect(refreshing.value).toEqual(refreshed());
      expect(refreshing.ms).toBeLessThan(1_000); // one 200 ms timeout, then the exchange here
      const listing = await timed(() => a!.memberships.get('user_2', async () => [{ id: 'org_2', name: 'Beta' }], { fresh: false }));
      expect(listing.ms).toBeLessThan(50); // Redis is left alone for a second after a timeout: no second wait
      const ending = await timed(async () => (a!.endedSessions.add('session_hung'), a!.endedSessions.has('session_hung')));
      expect(ending).toMatchObject({ value: true });
      expect(ending.ms).toBeLessThan(50);
      suite.redis().resume(); // the connections never dropped: the probe notices Redis answers, and what was missed is sent
      await vi.waitFor(() => expect(b!.endedSessions.has('session_hung')).toBe(true), { timeout: 5_000, interval: 20 });
    } finally {
      suite.redis().resume();
      warnings.mockRestore();
    }
  });
});
