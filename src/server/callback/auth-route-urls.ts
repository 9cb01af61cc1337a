import 'server-only';
/**
 * URLs on the app's own auth route (the `handleAuth()` route at the redirect URI): the sign-in
 * start and the refresh mode (docs/internals.md §4). Pure and edge-safe: building one writes no
 * cookie, so it works in server components, links and the proxy.
 */
import { AUTH_ROUTE_PARAMS, type ScreenHint } from '../../shared/constants.js';
import { safeReturnPath } from '../../shared/return-to.js';

export interface SignInStartParams {
  screenHint?: ScreenHint;
  returnTo?: string;
  organizationId?: string;
  loginHint?: string;
  prompt?: string;
  maxAge?: number;
  /** Already sealed (see `sealCustomState`). */
  customState?: string;
  invitationToken?: string;
}

function authRoute(redirectUri: string): URL {
  const url = new URL(redirectUri);
  url.search = '';
  url.hash = '';
  return url;
}

/** `<redirectUri>?screen_hint=…&return_to=…`: where sign-in starts. */
export function signInStartUrl(redirectUri: string, params: SignInStartParams = {}): string {
  const url = authRoute(redirectUri);
  const query = url.searchParams;
  if (params.screenHint) query.set(AUTH_ROUTE_PARAMS.screenHint, params.screenHint);
  if (params.returnTo) query.set(AUTH_ROUTE_PARAMS.returnTo, safeReturnPath(params.returnTo));
  if (params.organizationId) query.set(AUTH_ROUTE_PARAMS.organizationId, params.organizationId);
  if (params.loginHint) query.set(AUTH_ROUTE_PARAMS.loginHint, params.loginHint);
  if (params.prompt) query.set(AUTH_ROUTE_PARAMS.prompt, params.prompt);
  if (params.maxAge !== undefined) query.set(AUTH_ROUTE_PARAMS.maxAge, String(params.maxAge));
  if (params.customState) query.set(AUTH_ROUTE_PARAMS.customState, params.customState);
  if (params.invitationToken) query.set(AUTH_ROUTE_PARAMS.invitationToken, params.invitationToken);
  return url.toString();
}

/** `<redirectUri>?refresh=1&return_to=…`: refreshes the session where cookies can be written. */
export function refreshRouteUrl(redirectUri: string, returnTo?: string): string {
  const url = authRoute(redirectUri);
  url.searchParams.set(AUTH_ROUTE_PARAMS.refresh, '1');
  if (returnTo) url.searchParams.set(AUTH_ROUTE_PARAMS.returnTo, safeReturnPath(returnTo));
  return url.toString();
}

/** The path of the auth route, which must always be reachable signed out. */
export function authRoutePath(redirectUri: string): string {
  return new URL(redirectUri).pathname;
}
