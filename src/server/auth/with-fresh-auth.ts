import 'server-only';
/**
 * `withFreshAuth()`: `withAuth()` for the places that can write cookies (server actions, route
 * handlers). A render cannot save a refreshed cookie and sends an expired session to the auth
 * route instead; here the refresh happens in place and the new cookie is saved, so the caller
 * gets current claims. The kit's actions authorise with it.
 */
import { TokenRefreshError } from '../../shared/errors.js';
import type { NoUserInfo, UserInfo } from '../../shared/types.js';
import { rethrowNextControlFlow } from '../next-control-flow.js';
import { getSession } from '../request/get-session.js';
import { sessionRoot } from '../root/current-root.js';
import { isWithinOutageGrace } from '../session/outage-grace.js';
import { isWithinRefreshBuffer } from '../session/refresh-buffer.js';
import { staleUserInfo } from '../session/session-state.js';
import { refreshSession } from './refresh-session.js';

/** Options of `withFreshAuth`. */
export interface FreshAuthOptions {
  /**
   * When to refresh first: `'expired'` (the token has expired), `'due'` (it expires within the
   * refresh buffer, for a caller about to hand the token on) or `'always'`. @default 'expired'
   */
  refresh?: 'expired' | 'due' | 'always';
}

/**
 * The caller's session, refreshed (and the cookie saved) first when `refresh` says so. While
 * WorkOS cannot refresh an expired session it is served stale within the outage grace period
 * (`stale: true`) and signed out past it, as `withAuth()` serves it.
 * @throws TokenRefreshError when a refresh it needed was refused (the cookie is then cleared), or
 * failed for a transient reason with `refresh: 'due'` or `'always'` (the session is kept).
 *
 * @example
 * // a server action
 * export async function renameProject(id: string, name: string) {
 *   const { user, organizationId } = await withFreshAuth();
 *   if (!user) throw new Error('Not signed in');
 * }
 */
export async function withFreshAuth(options: FreshAuthOptions = {}): Promise<UserInfo | NoUserInfo> {
  const refresh = options.refresh ?? 'expired';
  const state = await getSession();
  if (state.status === 'signed-out') return { user: null };
  const due = state.status === 'expired' || (refresh === 'due' && isWithinRefreshBuffer(state.claims));
  if (!due && refresh !== 'always') return state.info;
  try {
    return await refreshSession();
  } catch (error) {
    rethrowNextControlFlow(error);
    const transient = error instanceof TokenRefreshError && error.isTransient;
    // WorkOS is down: stale within the outage grace period, then signed out (as in a render).
    if (transient && refresh === 'expired' && state.status === 'expired') {
      return isWithinOutageGrace(sessionRoot().config, state) ? staleUserInfo(state) : { user: null };
    }
    throw error;
  }
}
