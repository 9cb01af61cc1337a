import 'server-only';
/**
 * `authkitProxy(options)`: the recommended setup, for Next 16's `proxy.ts` (and, as
 * `authkitMiddleware`, for `middleware.ts`). On every matched request it verifies the session,
 * refreshes it when due and writes the cookie, then hands the session to the render. With
 * `middlewareAuth.enabled` it also protects every path except `unauthenticatedPaths` and the
 * auth route itself.
 */
import { NextResponse, type NextFetchEvent, type NextRequest } from 'next/server';
import { authRoutePath } from '../../shared/auth-route-urls.js';
import { compilePathMatcher } from '../../shared/path-matchers.js';
import { requestKind } from '../../shared/request-kind.js';
import { resolveRedirectUri } from '../config.js';
import { serviceUnavailable, signInRedirect, unauthorizedJson } from '../http/gate-responses.js';
import { sessionRoot } from '../root/current-root.js';
import { secondsUntil } from '../session/outage-grace.js';
import { authRouteCheck } from './auth-route-check.js';
import { compileAuthkitOptions, runAuthkit, type AuthkitRun } from './authkit.js';
import { stripReservedHeaders } from './forward-headers.js';
import type { AuthkitMiddlewareOptions } from './options.js';

/** The proxy function (a Next `NextProxy`/`NextMiddleware`). */
export type AuthkitProxy = (request: NextRequest, event?: NextFetchEvent) => Promise<NextResponse>;

function guard(run: AuthkitRun, request: NextRequest, isPublic: boolean, protect: boolean): NextResponse | undefined {
  if (!protect || isPublic || run.session.user) return undefined;
  const kind = requestKind(request);
  // WorkOS is down and the grace period has passed: a protected page asks to try again rather
  // than sending the user to a sign-in that cannot work either. (Public pages, and every page
  // without middlewareAuth, render: the session reads as signed out there.)
  if (run.outage) return serviceUnavailable(kind, secondsUntil(run.outage.retryAtMs), run.responseHeaders);
  const signInUrl = run.authorizationUrl;
  return kind === 'document' ? signInRedirect(signInUrl, request.method, run.responseHeaders) : unauthorizedJson(signInUrl, run.responseHeaders);
}

function withCookie(response: NextResponse, setCookie: string | undefined): NextResponse {
  if (setCookie) response.headers.append('set-cookie', setCookie);
  return response;
}

/**
 * Creates the proxy (Next 16 `proxy.ts`) that keeps the AuthKit session fresh and, optionally,
 * requires sign-in everywhere except the given paths.
 *
 * @example
 * // proxy.ts
 * import { authkitProxy } from 'authkit-rsc';
 * export default authkitProxy({ middlewareAuth: { enabled: true, unauthenticatedPaths: ['/', '/about'] } });
 * export const config = { matcher: ['/((?!_next/static|_next/image|favicon.ico).*)'] };
 */
export function authkitProxy(options: AuthkitMiddlewareOptions = {}): AuthkitProxy {
  const { middlewareAuth, ...rest } = options;
  const compiled = compileAuthkitOptions(rest);
  const protect = middlewareAuth?.enabled ?? false;
  const isUnauthenticatedPath = compilePathMatcher(middlewareAuth?.unauthenticatedPaths ?? [], 'middlewareAuth.unauthenticatedPaths');

  return async function proxy(request: NextRequest): Promise<NextResponse> {
    const root = sessionRoot();
    const authRoute = authRoutePath(resolveRedirectUri(root.config, compiled.redirectUri));
    const { pathname } = request.nextUrl;
    const check = authRouteCheck(request, authRoute, pathname === authRoute);
    // The auth route writes its own cookies; the proxy only keeps planted headers out.
    if (pathname === authRoute) return withCookie(NextResponse.next({ request: { headers: stripReservedHeaders(request.headers) } }), check);
    const next = NextResponse.next();
    const run = await runAuthkit(root, request, compiled, next.headers);
    const isPublic = protect && isUnauthenticatedPath(pathname);
    return withCookie(guard(run, request, isPublic, protect) ?? next, check);
  };
}

/**
 * The same as `authkitProxy`, under the name `middleware.ts` apps use (Next ≤ 15).
 *
 * @example
 * // middleware.ts
 * import { authkitMiddleware } from 'authkit-rsc';
 * export default authkitMiddleware();
 */
export const authkitMiddleware: typeof authkitProxy = authkitProxy;
