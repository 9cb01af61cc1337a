import 'server-only';
/**
 * Whether Redis is answering, as one link sees it: an outage is reported once and its end once
 * (naming where Redis is, never its URL, which may hold a password); after a failed or timed-out
 * call Redis is left alone for a moment (a hung server costs one timeout, not one per request);
 * while it is away a probe runs every second, so its return is noticed (and what was missed caught
 * up on) without waiting for traffic, even when the connection itself never dropped.
 */
import { describeError, warn } from '../log.js';

/** How long calls answer UNAVAILABLE at once after one failed or timed out; also the probe's period. */
const REST_MS = 1_000;

export interface RedisHealth {
  /** True while calls should not be tried (just after a failure). */
  resting(): boolean;
  /** A call failed or timed out (`rest`: leave Redis alone for a moment). */
  failed(error: unknown, options?: { rest?: boolean }): void;
  /** A call was answered; true when that ended an outage (`recovered` has been called). */
  answered(): boolean;
  stop(): void;
}

/**
 * The health of the Redis at `where`: `probe` is called every second while it is away, and
 * `recovered` once when it answers again.
 */
export function createRedisHealth(where: string, probe: () => void, recovered: () => void): RedisHealth {
  let down = false;
  let stopped = false;
  let restingUntil = 0;
  let probing: ReturnType<typeof setInterval> | undefined;

  return {
    resting: () => performance.now() < restingUntil,
    failed(error, { rest = true } = {}) {
      if (rest) restingUntil = performance.now() + REST_MS;
      if (down || stopped) return;
      down = true;
      warn(`Redis at ${where} cannot be reached (${describeError(error)}): sessions are coordinated per process until it is back.`);
      probing = setInterval(probe, REST_MS);
      probing.unref?.();
    },
    answered() {
      restingUntil = 0;
      if (!down) return false;
      down = false;
      clearInterval(probing);
      warn(`Redis at ${where} answers again: sessions are shared across instances again.`);
      recovered();
      return true;
    },
    stop() {
      stopped = true;
      clearInterval(probing);
    },
  };
}
