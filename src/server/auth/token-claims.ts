import 'server-only';
/** Token claims and recent-authentication checks for the current session. */
import type { JWTPayload } from 'jose';
import { decodeJwtClaims } from '../../shared/claims.js';
import { getSession } from '../request/get-session.js';
import { currentTimeMs } from '../../shared/clock.js';

/**
 * The claims of an access token (decoded, not verified): the given one, else the session's.
 * `{}` when there is none.
 *
 * @example
 * const { org_id, permissions } = await getTokenClaims();
 */
export async function getTokenClaims<T = Record<string, unknown>>(accessToken?: string): Promise<Partial<JWTPayload & T>> {
  let token = accessToken;
  if (token === undefined) {
    const state = await getSession();
    token = state.status === 'signed-out' ? undefined : state.session.accessToken;
  }
  return (decodeJwtClaims(token) ?? {}) as Partial<JWTPayload & T>;
}

/** What `checkRecentAuth` answers: no authentication time is always stale. */
export type RecentAuthCheck =
  | { readonly authenticatedAt: null; readonly isStale: true }
  | { readonly authenticatedAt: Date; readonly isStale: boolean };

/**
 * Whether the user signed in within the last `maxAge` seconds (from the token's `auth_time`).
 * Fails closed: no session, an expired token or no `auth_time` counts as stale. Never redirects.
 * @throws TypeError when `maxAge` is not a number of seconds.
 *
 * @example
 * const { isStale } = await checkRecentAuth({ maxAge: 300 });
 * if (isStale) redirect(await getSignInUrl({ maxAge: 300, returnTo: '/settings/security' }));
 */
export async function checkRecentAuth(options: { maxAge: number }): Promise<RecentAuthCheck> {
  const maxAge = options?.maxAge;
  if (typeof maxAge !== 'number' || !Number.isFinite(maxAge) || maxAge < 0) {
    throw new TypeError('checkRecentAuth: maxAge must be a number of seconds (0 or more).');
  }
  const state = await getSession();
  const authTime = state.status === 'signed-in' ? state.claims.auth_time : undefined;
  if (typeof authTime !== 'number') return { authenticatedAt: null, isStale: true };
  return { authenticatedAt: new Date(authTime * 1000), isStale: currentTimeMs() / 1000 - authTime > maxAge };
}
