/**
 * What every `SessionStore` must guarantee (src/server/store/session-store.ts), as a suite any
 * store runs: the in-process store's test calls it, and a shared store (issue 16) calls it with
 * its own `create`. Outcomes and states are constructed; no WorkOS, no emulator. Time is frozen.
 */
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { SessionStore } from '../../src/server/store/session-store.js';
import type { RefreshOutcome } from '../../src/server/session/refresh.js';
import type { SignedInState } from '../../src/server/session/session-state.js';
import { MEMBERSHIPS_TTL_MS } from '../../src/shared/constants.js';
import { TokenRefreshError } from '../../src/shared/errors.js';
import { membershipChangesContract } from './membership-changes-contract.js';

const transient = (): RefreshOutcome => ({ ok: false, error: new TokenRefreshError('WorkOS is down', { isTransient: true }) });
const terminal = (): RefreshOutcome => ({ ok: false, error: new TokenRefreshError('invalid_grant', { isTransient: false }) });
const success = (sealed = 'Fe26.2*new'): RefreshOutcome => ({ ok: true, state: signedInState(sealed, 3600) });

function signedInState(sealed: string, lifetimeSeconds: number): SignedInState {
  const now = Math.floor(Date.now() / 1000);
  return { status: 'signed-in', sealed, claims: { sub: 'user_1', sid: 'session_1', iat: now, exp: now + lifetimeSeconds } } as SignedInState;
}

/** A deferred exchange, counted. */
function exchanges() {
  const calls: Array<(outcome: RefreshOutcome) => void> = [];
  const exchange = () => new Promise<RefreshOutcome>((resolve) => calls.push(resolve));
  return { calls, exchange };
}

/** `create` makes a new, empty store (a shared one: connected, in a key space of its own). */
export function sessionStoreContract(name: string, create: () => SessionStore | Promise<SessionStore>): void {
  describe(`${name}: the SessionStore contract`, () => {
    afterEach(() => vi.useRealTimers());

    it('runs one exchange per key at a time; every caller gets its outcome, and later callers too for a while', async () => {
      const store = await create();
      const { calls, exchange } = exchanges();
      const waiting = Array.from({ length: 5 }, () => store.refreshes.singleFlight('rt_1', exchange));
      const other = store.refreshes.singleFlight('rt_2', exchange);
      await vi.waitFor(() => expect(calls).toHaveLength(2)); // a shared store elects the caller first
      const outcome = success();
      calls[0]!(outcome);
      calls[1]!(success('Fe26.2*other'));
      for (const result of await Promise.all(waiting)) expect(result).toEqual(outcome);
      expect(await other).toMatchObject({ ok: true, state: { sealed: 'Fe26.2*other' } });
      expect(await store.refreshes.singleFlight('rt_1', exchange)).toEqual(outcome);
      expect(calls).toHaveLength(2);
    });

    it('keeps a terminal refusal like a success, and backs off after a transient failure (5 s, then 10 s), without calling', async () => {
      vi.useFakeTimers({ now: Date.now(), toFake: ['Date'] });
      const store = await create();
      let count = 0;
      expect(await store.refreshes.singleFlight('dead', async () => (count++, terminal()))).toMatchObject({ ok: false, error: { isTransient: false } });
      expect(await store.refreshes.singleFlight('dead', async () => (count++, success()))).toMatchObject({ ok: false });
      const down = async () => (count++, transient());
      const first = await store.refreshes.singleFlight('down', down);
      expect(first).toMatchObject({ ok: false, retryAtMs: Date.now() + 5_000 });
      expect(await store.refreshes.singleFlight('down', down)).toMatchObject({ retryAtMs: Date.now() + 5_000 });
      expect(count).toBe(2);
      vi.setSystemTime(Date.now() + 5_000);
      expect(await store.refreshes.singleFlight('down', down)).toMatchObject({ retryAtMs: Date.now() + 10_000 });
      expect(count).toBe(3);
    });

    it('remembers ended sessions', async () => {
      const store = await create();
      expect(store.endedSessions.has('session_1')).toBe(false);
      store.endedSessions.add('session_1');
      expect(store.endedSessions.has('session_1')).toBe(true);
      expect(store.endedSessions.has('session_2')).toBe(false);
    });

    it('recalls a verified session until its token is due for a refresh, never after', async () => {
      vi.useFakeTimers({ now: Date.now(), toFake: ['Date'] });
      const store = await create();
      const state = signedInState('Fe26.2*a', 300);
      store.verifiedSessions.remember('Fe26.2*a', state);
      store.verifiedSessions.remember('Fe26.2*due', signedInState('Fe26.2*due', 20)); // within the 30 s buffer: not kept
      expect(store.verifiedSessions.recall('Fe26.2*a')).toBe(state);
      expect(store.verifiedSessions.recall('Fe26.2*due')).toBeUndefined();
      vi.setSystemTime(Date.now() + 271_000);
      expect(store.verifiedSessions.recall('Fe26.2*a')).toBeUndefined();
    });

    it('keeps memberships for MEMBERSHIPS_TTL_MS, shares one listing, never keeps a failure, and forgets on demand', async () => {
      vi.useFakeTimers({ now: Date.now(), toFake: ['Date'] });
      const store = await create();
      const list = vi.fn(async () => [{ id: 'org_1', name: 'Acme' }]);
      const [a, b] = await Promise.all([store.memberships.get('user_1', list, { fresh: false }), store.memberships.get('user_1', list, { fresh: false })]);
      expect(a).toEqual(b);
      expect(list).toHaveBeenCalledTimes(1);
      await store.memberships.get('user_1', list, { fresh: true });
      expect(list).toHaveBeenCalledTimes(2);
      vi.setSystemTime(Date.now() + MEMBERSHIPS_TTL_MS + 1);
      await store.memberships.get('user_1', list, { fresh: false });
      expect(list).toHaveBeenCalledTimes(3);
      store.memberships.forget('user_1');
      await store.memberships.get('user_1', list, { fresh: false });
      expect(list).toHaveBeenCalledTimes(4);
      await expect(store.memberships.get('user_2', async () => Promise.reject(new Error('down')), { fresh: false })).rejects.toThrow('down');
      expect(await store.memberships.get('user_2', list, { fresh: false })).toEqual([{ id: 'org_1', name: 'Acme' }]);
    });

    membershipChangesContract(create);
  });
}
