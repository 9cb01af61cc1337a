import 'server-only';
/**
 * Refreshes in this process (the in-process `RefreshStore`): one `exchange` per key at a time,
 * concurrent callers sharing its promise; WorkOS's answer kept for 30 s so that requests still
 * carrying the old cookie get the same new session instead of spending the (single-use) refresh
 * token again; a transient failure starts a backoff instead (refresh-backoff.ts).
 */
import type { RefreshOutcome } from '../session/refresh.js';
import { BoundedMap } from './bounded-map.js';
import { RefreshBackoff } from './refresh-backoff.js';
import type { RefreshStore } from './session-store.js';
import { currentTimeMs } from '../../shared/clock.js';

/** How long a refresh's answer is kept for requests still carrying the old cookie. */
export const OUTCOME_TTL_MS = 30_000;
const MAX_REMEMBERED_OUTCOMES = 1000;

interface Kept {
  outcome: RefreshOutcome;
  expiresAtMs: number;
}

/** The in-process refresh store. */
export function createRefreshFlights(): RefreshStore {
  const inFlight = new Map<string, Promise<RefreshOutcome>>();
  const kept = new BoundedMap<string, Kept>(MAX_REMEMBERED_OUTCOMES);
  const backoff = new RefreshBackoff();

  const recall = (key: string) => {
    const entry = kept.get(key);
    if (entry && entry.expiresAtMs > currentTimeMs()) return entry.outcome;
    kept.delete(key);
    return undefined;
  };

  // A WorkOS answer is kept; a transient failure starts (or extends) the backoff instead.
  const keep = (key: string, outcome: RefreshOutcome): RefreshOutcome => {
    if (!outcome.ok && outcome.error.isTransient) return { ...outcome, retryAtMs: backoff.failed(key, outcome.error) };
    backoff.settled(key);
    const now = currentTimeMs();
    kept.prune((entry) => entry.expiresAtMs <= now);
    kept.set(key, { outcome, expiresAtMs: now + OUTCOME_TTL_MS });
    return outcome;
  };

  return {
    singleFlight(key, exchange) {
      const known = recall(key);
      if (known) return Promise.resolve(known);
      const backingOff = backoff.current(key);
      if (backingOff) return Promise.resolve({ ok: false, ...backingOff });
      const running = inFlight.get(key);
      if (running) return running;
      const flight = exchange().then((outcome) => keep(key, outcome)).finally(() => inFlight.delete(key));
      inFlight.set(key, flight);
      return flight;
    },
  };
}
