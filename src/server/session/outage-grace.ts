import 'server-only';
/**
 * Serving stale during a WorkOS outage: an authentic session whose token has expired, and whose
 * refresh failed for a transient reason, stays signed in (`stale: true`) until
 * `WORKOS_OUTAGE_GRACE_SECONDS` (default 15 minutes) past the token's `exp`. The bound is
 * stateless (the token's own `exp`), so every instance agrees without sharing memory. The price:
 * a session revoked at WorkOS during the outage lives until WorkOS answers again or the bound
 * passes. Only a token whose signature a WorkOS key verified qualifies: claims nothing checked are
 * never served.
 */
import type { AuthKitConfig } from '../config.js';
import type { ExpiredState } from './session-state.js';
import { currentTimeMs } from '../../shared/clock.js';

/** True when `state` may be served stale now. */
export function isWithinOutageGrace(config: AuthKitConfig, state: ExpiredState, nowMs = currentTimeMs()): boolean {
  const grace = config.outageGraceSeconds;
  const { exp } = state.claims;
  return grace > 0 && state.signatureChecked && typeof exp === 'number' && nowMs < (exp + grace) * 1000;
}

/** Whole seconds until `retryAtMs` (at least 1): a `Retry-After` value. */
export function secondsUntil(retryAtMs: number, nowMs = currentTimeMs()): number {
  return Math.max(1, Math.ceil((retryAtMs - nowMs) / 1000));
}
