import 'server-only';
/**
 * Single-flight refresh. Within a process, one `authenticateWithRefreshToken` runs per
 * `refreshToken + organizationId`; concurrent callers share its promise, and its outcome is kept
 * for 30 s so that requests still carrying the old cookie get the same new session instead of
 * spending the (single-use) refresh token again. A transient failure starts a backoff instead
 * (refresh-backoff.ts): the same refresh is not tried again for a few seconds, however many
 * requests ask. A caller waits at most REFRESH_WAIT_MS (the SDK alone may take minutes:
 * four attempts, 60 s timeout each) and then gets a transient failure, while the flight goes on
 * and its outcome is kept for whoever asks next.
 */
// The WorkOS call itself: the SDK on Node; on the Edge runtime (a Next 15 middleware.ts), where the
// SDK cannot be bundled cleanly, the app's own auth route does it (package.json "imports").
import { exchange } from '#refresh-exchange';
import type { TokenRefreshError } from '../../shared/errors.js';
import type { AccessToken, Session } from '../../shared/types.js';
import { perConfig } from '../config.js';
import { settleWithin } from '../deadline.js';
import { RefreshBackoff } from './refresh-backoff.js';
import { toTokenRefreshError } from './refresh-errors.js';
import type { SignedInState } from './state.js';

/** `retryAtMs`: after a transient failure, when the refresh will be tried again (see refresh-backoff.ts). */
export type RefreshOutcome = { ok: true; state: SignedInState } | { ok: false; error: TokenRefreshError; retryAtMs?: number };

/** What a refresh starts from: a session (signed in or expired), its token's claims and its cookie value. */
export interface RefreshSource {
  session: Session;
  claims: AccessToken;
  sealed?: string;
}

const OUTCOME_TTL_MS = 30_000;
const REFRESH_WAIT_MS = 10_000;
const MAX_REMEMBERED_OUTCOMES = 1000;

interface Flights {
  inFlight: Map<string, Promise<RefreshOutcome>>;
  settled: Map<string, { outcome: RefreshOutcome; expiresAtMs: number }>;
  backoff: RefreshBackoff;
}

const flights = perConfig((): Flights => ({ inFlight: new Map(), settled: new Map(), backoff: new RefreshBackoff() }));

function recall(settled: Flights['settled'], key: string): RefreshOutcome | undefined {
  const entry = settled.get(key);
  if (entry && entry.expiresAtMs > Date.now()) return entry.outcome;
  settled.delete(key);
  return undefined;
}

/** Keeps a WorkOS answer for OUTCOME_TTL_MS; a transient failure starts (or extends) the backoff instead. */
function keep({ settled, backoff }: Flights, key: string, outcome: RefreshOutcome): RefreshOutcome {
  if (!outcome.ok && outcome.error.isTransient) return { ...outcome, retryAtMs: backoff.failed(key, outcome.error) };
  backoff.settled(key);
  const now = Date.now();
  for (const [oldKey, entry] of settled) if (entry.expiresAtMs <= now) settled.delete(oldKey);
  if (settled.size >= MAX_REMEMBERED_OUTCOMES) settled.delete(settled.keys().next().value!);
  settled.set(key, { outcome, expiresAtMs: now + OUTCOME_TTL_MS });
  return outcome;
}

class RefreshTimeout extends Error {
  override readonly name = 'RefreshTimeout';
}

/** The flight's outcome, or a transient failure once the caller has waited REFRESH_WAIT_MS. */
function waitAtMost(flight: Promise<RefreshOutcome>, source: RefreshSource): Promise<RefreshOutcome> {
  return settleWithin(flight, REFRESH_WAIT_MS, () => {
    const error = new RefreshTimeout(`WorkOS did not answer within ${REFRESH_WAIT_MS / 1000} s`);
    return { ok: false, error: toTokenRefreshError(error, { userId: source.session.user.id, sessionId: source.claims.sid }) };
  });
}

/**
 * Refreshes the session's tokens, keeping its organisation unless `organizationId` switches it.
 * Never throws: the outcome says whether it worked and, if not, whether the failure is transient.
 */
export function refreshTokens(source: RefreshSource, options: { organizationId?: string } = {}): Promise<RefreshOutcome> {
  // Only a switch names an organisation: a plain refresh keeps the session's own. (A replay of the
  // same refresh token that names another organisation than its first use is refused by WorkOS, so
  // a proxy refresh racing a switch must not name the old one.)
  const organizationId = options.organizationId === source.claims.org_id ? undefined : options.organizationId;
  const key = `${source.session.refreshToken}\u0000${organizationId ?? ''}`;
  const state = flights();
  const known = recall(state.settled, key);
  if (known) return Promise.resolve(known);
  const backingOff = state.backoff.current(key);
  if (backingOff) return Promise.resolve({ ok: false, ...backingOff });
  const running = state.inFlight.get(key);
  if (running) return waitAtMost(running, source);
  const flight = exchange(source, organizationId).then((outcome) => {
    state.inFlight.delete(key);
    return keep(state, key, outcome);
  });
  state.inFlight.set(key, flight);
  return waitAtMost(flight, source);
}
