/**
 * URLs on the app's own auth route (the `handleAuth()` route at the redirect URI): where sign-in
 * starts and where a render sends an expired session to be refreshed (docs/internals.md §4). Pure
 * and safe everywhere, so the server, the proxy and the browser build them with the same code.
 */
import { AUTH_ROUTE_PARAMS, type ScreenHint } from './constants.js';
import { safeReturnPath } from './return-to.js';

/** A query parameter of the auth route: one of `AUTH_ROUTE_PARAMS`' values (`screen_hint`, `return_to`, …). */
export type AuthRouteParam = (typeof AUTH_ROUTE_PARAMS)[keyof typeof AUTH_ROUTE_PARAMS];

/**
 * The query of an auth-route URL: the given parameters, empty ones left out. The browser builds
 * its sign-in links with it too, so the names it sends are checked against `AUTH_ROUTE_PARAMS`
 * by the type and its links cost no more than writing the query out by hand.
 */
export function authRouteQuery(params: { [name in AuthRouteParam]?: string }): URLSearchParams {
  return new URLSearchParams(Object.entries(params).filter((entry): entry is [string, string] => !!entry[1]));
}

/** What a sign-in start can carry (`getSignInUrl`'s options, with the custom state already sealed). */
export interface SignInStartParams {
  screenHint?: ScreenHint;
  returnTo?: string;
  organizationId?: string;
  loginHint?: string;
  prompt?: string;
  maxAge?: number;
  /** Already sealed (see `sealCustomState`). */
  customState?: string;
  /** Accept this invitation while signing in. */
  invitationToken?: string;
}

/** `redirectUri` with `query` as its only query (its own query and fragment dropped). */
function onAuthRoute(redirectUri: string, query: URLSearchParams): string {
  const url = new URL(redirectUri);
  url.search = String(query);
  url.hash = '';
  return url.toString();
}

const name = AUTH_ROUTE_PARAMS;

/** `<redirectUri>?screen_hint=…&return_to=…`: where sign-in starts (`returnTo` made a same-origin path). */
export function signInStartUrl(redirectUri: string, params: SignInStartParams = {}): string {
  return onAuthRoute(redirectUri, authRouteQuery({
    [name.screenHint]: params.screenHint,
    [name.returnTo]: params.returnTo && safeReturnPath(params.returnTo),
    [name.organizationId]: params.organizationId,
    [name.loginHint]: params.loginHint,
    [name.prompt]: params.prompt,
    [name.maxAge]: params.maxAge === undefined ? undefined : String(params.maxAge),
    [name.customState]: params.customState,
    [name.invitationToken]: params.invitationToken,
  }));
}

/** `<redirectUri>?refresh=1&return_to=…`: refreshes the session where cookies can be written. */
export function refreshRouteUrl(redirectUri: string, returnTo?: string): string {
  return onAuthRoute(redirectUri, authRouteQuery({ [name.refresh]: '1', [name.returnTo]: returnTo && safeReturnPath(returnTo) }));
}

/** The path of the auth route, which must always be reachable signed out. */
export function authRoutePath(redirectUri: string): string {
  return new URL(redirectUri).pathname;
}
