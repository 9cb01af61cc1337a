import 'server-only';
/**
 * `handleAuth(options)`: the GET handler of the auth route (the redirect URI). One route, three
 * modes chosen by the query (docs/internals.md §4): `code`/`error` ⇒ callback, `refresh=1` ⇒
 * refresh, anything else ⇒ start sign-in. Each request takes the current session root and hands
 * it to the mode that answers.
 */
import { NextRequest } from 'next/server';
import { AUTH_ROUTE_PARAMS } from '../../shared/constants.js';
import { AuthKitConfigError, CallbackError } from '../../shared/errors.js';
import { flowCookieName } from '../../shared/flow-cookie-name.js';
import { isSafeReturnPath } from '../../shared/return-to.js';
import type { AuthKitConfig } from '../config.js';
import { describeError, warn } from '../log.js';
import { sessionRoot } from '../root/current-root.js';
import { expiredAttributes } from '../session/cookie-jar.js';
import { flowCookieAttributes, SetCookieHeaders } from '../session/cookie-options.js';
import { writeSessionCookie } from '../session/session-cookie.js';
import type { AuthRouteRequest } from './auth-route-request.js';
import { completeSignIn, OnSuccessFailed } from './complete-sign-in.js';
import type { HandleAuthOptions } from './options.js';
import { organizationSelectionRoute } from './organization-selection.js';
import { refreshFromRoute } from './refresh-route.js';
import { defaultErrorResponse, noStore, withSetCookies } from './route-responses.js';
import { startSignIn } from './start-sign-in.js';

function validatedOrigin(baseURL: string | undefined): string | undefined {
  if (baseURL === undefined) return undefined;
  try {
    const url = new URL(baseURL);
    if (url.protocol === 'http:' || url.protocol === 'https:') return url.origin;
  } catch {
    // fall through to the error below
  }
  throw new AuthKitConfigError('baseURL', `Invalid baseURL: "${baseURL}". Use the app's public origin, e.g. https://app.example.com.`);
}

/**
 * The app's public origin for this request: `baseURL`, else the configured redirect URI's origin
 * when it names this host (a TLS terminator that sends no X-Forwarded-Proto makes the request look
 * like http while WorkOS knows the app as https), else the request's own.
 */
function publicOrigin(config: AuthKitConfig, request: NextRequest, configuredOrigin: string | undefined): string {
  if (configuredOrigin) return configuredOrigin;
  if (config.redirectUri) {
    const url = new URL(config.redirectUri);
    if (url.host === request.nextUrl.host) return url.origin;
  }
  return request.nextUrl.origin;
}

/** Cookies a failed callback must clean up: its flow cookie, and the session if onSuccess failed. */
function cleanupCookies({ root, request, origin }: AuthRouteRequest, clearSession: boolean): Headers {
  const cookies = new SetCookieHeaders();
  const state = request.nextUrl.searchParams.get('state');
  if (state) cookies.set(flowCookieName(state), '', expiredAttributes(flowCookieAttributes(root.config, [request.url, origin])));
  if (clearSession) writeSessionCookie(root.config, cookies, request.cookies, null, [request.url, origin]);
  return cookies.headers;
}

async function failure(route: AuthRouteRequest, error: unknown, options: HandleAuthOptions, clearSession: boolean): Promise<Response> {
  const reason = error instanceof CallbackError ? error.code : `onSuccess threw ${describeError(error)}`;
  const cause = error instanceof CallbackError && error.cause !== undefined ? `, ${describeError(error.cause)}` : '';
  warn(`Sign-in callback failed (${reason}${cause}).`);
  const response = options.onError ? await options.onError({ error, request: route.request }) : defaultErrorResponse(error);
  return noStore(withSetCookies(response, cleanupCookies(route, clearSession)));
}

/** The callback, or the route's own organization picker (`?organization_selection`) that completes it. */
async function callback(route: AuthRouteRequest, options: HandleAuthOptions, signingIn: boolean): Promise<Response> {
  try {
    return await (signingIn ? completeSignIn(route, options) : organizationSelectionRoute(route, options));
  } catch (error) {
    if (error instanceof OnSuccessFailed) return failure(route, error.original, options, true);
    if (error instanceof CallbackError) return failure(route, error, options, false);
    throw error;
  }
}

/**
 * Creates the auth route's GET handler: it starts sign-in, completes it (the callback), and
 * refreshes sessions for renders that cannot write cookies.
 *
 * @example
 * // app/callback/route.ts
 * import { handleAuth } from 'authkit-rsc';
 * export const GET = handleAuth({ returnPathname: '/dashboard' });
 */
export function handleAuth(options: HandleAuthOptions = {}): (request: NextRequest) => Promise<Response> {
  const configuredOrigin = validatedOrigin(options.baseURL);
  checkPickerPath(options.organizationSelectionPath);
  return async function GET(incoming: NextRequest): Promise<Response> {
    const request = incoming instanceof NextRequest ? incoming : new NextRequest(incoming);
    const root = sessionRoot();
    const route: AuthRouteRequest = { root, request, origin: publicOrigin(root.config, request, configuredOrigin) };
    const params = request.nextUrl.searchParams;
    const signingIn = params.has('code') || params.has('error') || params.has('state');
    if (signingIn || params.has(AUTH_ROUTE_PARAMS.organizationSelection)) return callback(route, options, signingIn);
    if (params.get(AUTH_ROUTE_PARAMS.refresh) === '1') return refreshFromRoute(route, '/');
    return startSignIn(route);
  };
}

function checkPickerPath(path: string | undefined): void {
  if (path === undefined || isSafeReturnPath(path)) return;
  throw new AuthKitConfigError('organizationSelectionPath', `"${path}" is not a path on this app. Use the path of the page that renders <OrganizationPicker>, e.g. /choose-organization.`);
}
