import 'server-only';
/**
 * The refresh step shared by the places that can write cookies (the proxy, the auth route's
 * refresh mode): refresh unless this browser's retry marker says a refresh of the same session
 * failed moments ago (then nothing is sent to WorkOS), and say when to try again after a
 * transient failure.
 */
import type { CookieReader } from '../../shared/cookie-chunks.js';
import type { SessionRoot } from '../root/session-root.js';
import { readRetryMarker } from './retry-marker.js';
import { refreshTokens, type RefreshOutcome } from './refresh.js';
import type { ExpiredState, SignedInState } from './session-state.js';
import { currentTimeMs } from '../../shared/clock.js';

/** Used when nothing says how long to wait (a caller that stopped waiting for a slow WorkOS). */
const DEFAULT_RETRY_MS = 5_000;

export type RefreshStep =
  | { attempted: true; outcome: RefreshOutcome; retryAtMs: number }
  /** A marker said not yet: nothing was sent to WorkOS. */
  | { attempted: false; retryAtMs: number };

export async function refreshUnlessBackingOff(root: SessionRoot, state: SignedInState | ExpiredState, jar: CookieReader): Promise<RefreshStep> {
  const marked = state.status === 'expired' ? await readRetryMarker(root, jar, state.claims.sid) : undefined;
  if (marked !== undefined) return { attempted: false, retryAtMs: marked };
  const outcome = await refreshTokens(root, state);
  const retryAtMs = (!outcome.ok && outcome.retryAtMs) || currentTimeMs() + DEFAULT_RETRY_MS;
  return { attempted: true, outcome, retryAtMs };
}
