import 'server-only';
/**
 * Refreshing a session's tokens, single-flight: the root's store runs at most one
 * refresh-token grant per `refreshToken + organizationId` at a time, keeps its outcome briefly
 * for requests still carrying the old cookie, and backs off after a transient failure
 * (`store/refresh-flights.ts` in one process). A caller waits at most REFRESH_WAIT_MS (the SDK
 * alone may take minutes: four attempts, 60 s timeout each) and then gets a transient failure,
 * while the refresh goes on and its outcome is kept for whoever asks next.
 */
// The WorkOS call itself: the SDK on Node; on the Edge runtime (a Next 15 middleware.ts), where the
// SDK cannot be bundled cleanly, the app's own auth route does it (package.json "imports").
import { exchange } from '#refresh-exchange';
import type { TokenRefreshError } from '../../shared/errors.js';
import type { AccessToken, Session } from '../../shared/types.js';
import { settleWithin } from '../deadline.js';
import type { SessionRoot } from '../root/session-root.js';
import { toTokenRefreshError } from './refresh-errors.js';
import type { SignedInState } from './session-state.js';

/** `retryAtMs`: after a transient failure, when the refresh will be tried again (see store/refresh-backoff.ts). */
export type RefreshOutcome = { ok: true; state: SignedInState } | { ok: false; error: TokenRefreshError; retryAtMs?: number };

/** What a refresh starts from: a session (signed in or expired), its token's claims and its cookie value. */
export interface RefreshSource {
  session: Session;
  claims: AccessToken;
  sealed?: string;
}

const REFRESH_WAIT_MS = 10_000;

class RefreshTimeout extends Error {
  override readonly name = 'RefreshTimeout';
}

/** The refresh's outcome, or a transient failure once the caller has waited REFRESH_WAIT_MS. */
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
export function refreshTokens(root: SessionRoot, source: RefreshSource, options: { organizationId?: string } = {}): Promise<RefreshOutcome> {
  // Only a switch names an organisation: a plain refresh keeps the session's own. (A replay of the
  // same refresh token that names another organisation than its first use is refused by WorkOS, so
  // a proxy refresh racing a switch must not name the old one.)
  const organizationId = options.organizationId === source.claims.org_id ? undefined : options.organizationId;
  const key = `${source.session.refreshToken}\u0000${organizationId ?? ''}`;
  return waitAtMost(root.store.refreshes.singleFlight(key, () => exchange(root, source, organizationId)), source);
}
