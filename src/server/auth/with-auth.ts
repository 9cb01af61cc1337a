import 'server-only';
/**
 * `withAuth()` and `has()`: the signed-in user of the current request, with or without the
 * proxy. One unseal + verify per request however often they are called; they never write
 * cookies, so they work in server components.
 */
import { cookies, headers } from 'next/headers';
import { redirect } from 'next/navigation';
import { cache } from 'react';
import { refreshRouteUrl, signInStartUrl } from '../../shared/auth-route-urls.js';
import { meetsConditions } from '../../shared/conditions.js';
import type { AuthConditions, NoUserInfo, UserInfo } from '../../shared/types.js';
import { mayHoldSession, sessionInJar } from '../request/get-session.js';
import { getRequestContext } from '../request/request-context.js';
import { explainCacheScope, requestCookies } from '../request/request-data.js';
import { sessionRoot } from '../root/current-root.js';
import { isWithinOutageGrace } from '../session/outage-grace.js';
import { readRetryMarker } from '../session/retry-marker.js';
import { staleUserInfo, type ExpiredState } from '../session/session-state.js';

/** Sends the user to sign in, returning here afterwards. */
export async function redirectToSignIn(organizationId?: string): Promise<never> {
  const { redirectUri, path, screenHint } = await getRequestContext();
  redirect(signInStartUrl(redirectUri, { returnTo: path, screenHint, organizationId }));
}

/**
 * The token expired and nothing here may write the rotated cookie (a render): refresh through
 * the auth route, which can, and come back. Never a sign-out.
 */
async function redirectToRefresh(): Promise<never> {
  const { redirectUri, path } = await getRequestContext();
  redirect(refreshRouteUrl(redirectUri, path));
}

/**
 * An expired token in a render. When a refresh failed moments ago (the proxy or the auth route left
 * a retry marker), WorkOS is struggling: serve the session stale within the outage grace period;
 * past it, a page that needs a user goes to the refresh route (which answers "try again") and any
 * other page renders signed out. Otherwise the refresh route refreshes it.
 */
async function expiredAuth(state: ExpiredState, ensureSignedIn: boolean): Promise<UserInfo | NoUserInfo> {
  const root = sessionRoot();
  if ((await readRetryMarker(root, await requestCookies(), state.claims.sid)) !== undefined) {
    if (isWithinOutageGrace(root.config, state)) return staleUserInfo(state);
    if (!ensureSignedIn) return { user: null };
  }
  return redirectToRefresh();
}

// One answer per render: React's `cache` hands every later call in the same render the first
// call's promise, so 50 gates cost one call (a request with 50 costs about what one with 1 does).
// Outside a render (server actions, route handlers) `cache` does not memoise, so a session an
// action just wrote is always seen.
//
// It reads the session itself rather than awaiting `getSession()`: one async frame fewer. An
// anonymous visitor (no session cookie in `headers()`, nothing written by this request) is
// answered after that one await, without `cookies()`, which Next builds by parsing the whole
// Cookie header on a request's first call (bench row 5 measures it against the reference, which
// reads `headers()` only, and a floor that only awaits `cookies()`).
const authOnce = cache(async (ensureSignedIn: boolean): Promise<UserInfo | NoUserInfo> => {
  let jar: Awaited<ReturnType<typeof cookies>> | undefined;
  try {
    if (mayHoldSession(await headers())) jar = await cookies();
  } catch (error) {
    throw explainCacheScope(error);
  }
  if (jar === undefined) return ensureSignedIn ? redirectToSignIn() : { user: null };
  const found = sessionInJar(jar);
  const state = found instanceof Promise ? await found : found;
  if (state.status === 'signed-in') return state.info;
  if (state.status === 'expired') return expiredAuth(state, ensureSignedIn);
  if (ensureSignedIn) return redirectToSignIn();
  return { user: null };
});

/**
 * The signed-in user and their session claims, or `{ user: null }`.
 * With `ensureSignedIn: true` a signed-out visitor is redirected to sign in (and back).
 * While WorkOS cannot refresh an expired session, it is returned with `stale: true` (and its
 * expired access token) for the outage grace period.
 *
 * @example
 * const { user, organizationId, role } = await withAuth();
 * @example
 * const { user } = await withAuth({ ensureSignedIn: true }); // user is never null here
 */
export function withAuth(options: { ensureSignedIn: true }): Promise<UserInfo>;
export function withAuth(options?: { ensureSignedIn?: boolean }): Promise<UserInfo | NoUserInfo>;
export function withAuth(options: { ensureSignedIn?: boolean } = {}): Promise<UserInfo | NoUserInfo> {
  return authOnce(Boolean(options.ensureSignedIn));
}

/**
 * True when the user is signed in and meets every given condition (role, permission,
 * entitlement, feature flag, organisation, custom predicate).
 *
 * @example
 * if (await has({ permission: 'billing:manage' })) { … }
 */
export async function has(conditions: AuthConditions): Promise<boolean> {
  const auth = await withAuth();
  return auth.user !== null && meetsConditions(auth, conditions);
}
