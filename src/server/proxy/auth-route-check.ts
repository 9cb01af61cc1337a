import 'server-only';
/**
 * A hint for the most common set-up slip: no route at the redirect URI's path (no
 * `app/callback/route.ts` exporting `handleAuth()`), so sign-in ends on Next's plain 404 with
 * nothing in the log. The proxy cannot see the app's answer, and cannot know which routes the app
 * has, so it checks afterwards: when it passes a sign-in start or callback to the auth route, it
 * notes (in a short-lived cookie) which sign-in flow cookies the browser held. `handleAuth()`
 * always changes them (a start adds one, a callback removes its own). If the browser's next
 * request still holds exactly the same ones, nothing answered: the proxy logs one clear warning.
 * (Answering the route itself would bypass an app's own `handleAuth({ onSuccess, … })`.)
 */
import { AUTH_ROUTE_PARAMS, PKCE_COOKIE_PREFIX } from '../../shared/constants.js';
import { fnv1a, flowCookieName } from '../../shared/flow-cookie-name.js';
import { warnOnce } from '../log.js';
import { serializeSetCookie } from '../session/cookie-options.js';
import type { NextRequest } from 'next/server';

const CHECK_COOKIE = 'wos-auth-route-check';
const CHECK_SECONDS = 300;

/** A fingerprint of the sign-in flow cookies the request carries. */
function flowFingerprint(request: NextRequest): string {
  const names = request.cookies.getAll().map(({ name }) => name).filter((name) => name.startsWith(PKCE_COOKIE_PREFIX));
  return fnv1a(names.sort().join(';'));
}

/** True for a request `handleAuth()` must answer by changing the flow cookies: a start, or a callback with its flow cookie. */
function changesFlowCookies(request: NextRequest): boolean {
  const params = request.nextUrl.searchParams;
  // The refresh mode and the route's own organization picker leave the flow cookies alone.
  if (params.get(AUTH_ROUTE_PARAMS.refresh) === '1' || params.has('error') || params.has(AUTH_ROUTE_PARAMS.organizationSelection)) return false;
  const state = params.get('state');
  if (state !== null) return params.has('code') && request.cookies.has(flowCookieName(state));
  return !params.has('code');
}

/**
 * The Set-Cookie header this response needs for the check: a new note when the request goes to
 * the auth route, the note's removal once it has been checked, else nothing. Logs the hint when
 * the previous auth-route request went unanswered.
 */
export function authRouteCheck(request: NextRequest, authRoute: string, isAuthRoute: boolean): string | undefined {
  const noted = request.cookies.get(CHECK_COOKIE)?.value;
  if (noted && noted === flowFingerprint(request)) {
    warnOnce(
      'auth-route-unanswered',
      `Sign-in went to ${authRoute}, but nothing there answered it (Next most likely sent its 404 page). ` +
        `Add the auth route at that path, app${authRoute}/route.ts: import { handleAuth } from 'authkit-rsc'; export const GET = handleAuth(); ` +
        '(the path comes from NEXT_PUBLIC_WORKOS_REDIRECT_URI or the proxy\'s redirectUri).',
    );
  }
  const attributes = { path: '/', httpOnly: true, sameSite: 'lax' as const, secure: request.nextUrl.protocol === 'https:' };
  if (isAuthRoute && changesFlowCookies(request)) return serializeSetCookie(CHECK_COOKIE, flowFingerprint(request), { ...attributes, maxAge: CHECK_SECONDS });
  return noted === undefined ? undefined : serializeSetCookie(CHECK_COOKIE, '', { ...attributes, maxAge: 0 });
}
