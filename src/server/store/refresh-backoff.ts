import 'server-only';
/**
 * Backoff after a transient refresh failure (WorkOS down, overloaded, timing out): the same
 * refresh (same refresh token and organisation) is not tried again for 5 s, then 10, 20, 40 and
 * at most 60 s while the failures go on (or as long as WorkOS's own `Retry-After` says, if
 * longer). Every request meanwhile gets the last failure at once, without a call, so a struggling
 * WorkOS sees one attempt per session per backoff step instead of one per request. A success or a
 * terminal answer ends the backoff. In-process only; across processes the retry marker cookie
 * (`session/retry-marker.ts`) carries the same schedule.
 */
import type { TokenRefreshError } from '../../shared/errors.js';
import { BoundedMap } from './bounded-map.js';
import { currentTimeMs } from '../../shared/clock.js';

const STEPS_MS = [5_000, 10_000, 20_000, 40_000, 60_000];

/** The first wait after a transient failure (what a shared store keeps such a failure for). */
export const FIRST_BACKOFF_MS = STEPS_MS[0]!;

interface Entry {
  failures: number;
  retryAtMs: number;
  error: TokenRefreshError;
}

/** WorkOS's `Retry-After` (seconds) behind a refresh failure, when it sent one. */
function workosRetryAfterSeconds(error: unknown): number | undefined {
  const seconds = (error as { cause?: { retryAfter?: unknown } }).cause?.retryAfter;
  return typeof seconds === 'number' && seconds > 0 ? seconds : undefined;
}

export class RefreshBackoff {
  private readonly entries = new BoundedMap<string, Entry>(1000);

  /** The failure to answer with while `key` is backing off, and when it may be tried again. */
  current(key: string, nowMs = currentTimeMs()): { error: TokenRefreshError; retryAtMs: number } | undefined {
    const entry = this.entries.get(key);
    return entry && entry.retryAtMs > nowMs ? { error: entry.error, retryAtMs: entry.retryAtMs } : undefined;
  }

  /** Records a transient failure of `key`; returns when it may be tried again. */
  failed(key: string, error: TokenRefreshError, nowMs = currentTimeMs()): number {
    const failures = (this.entries.get(key)?.failures ?? 0) + 1;
    const stepMs = STEPS_MS[Math.min(failures, STEPS_MS.length) - 1]!;
    const retryAtMs = nowMs + Math.max(stepMs, (workosRetryAfterSeconds(error) ?? 0) * 1000);
    this.entries.set(key, { failures, retryAtMs, error });
    return retryAtMs;
  }

  /** WorkOS answered (a new session, or a terminal refusal): no more backoff for `key`. */
  settled(key: string): void {
    this.entries.delete(key);
  }
}
