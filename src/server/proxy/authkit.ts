import 'server-only';
/**
 * `authkit(request, options)`: the composable core of the proxy. It reads and verifies the
 * session, refreshes it when due, and returns the session, the headers to pass on
 * (`NextResponse.next({ headers })`: forwarded request headers, Set-Cookie, cache headers) and,
 * when signed out, the URL that starts sign-in. It never redirects by itself.
 *
 * Edge-safe: no `next/headers`, no React, no Node built-ins in this folder or what it imports.
 */
import type { NextRequest } from 'next/server';
import { EAGER_ACCESS_TOKEN_COOKIE } from '../../shared/constants.js';
import type { NoUserInfo, UserInfo } from '../../shared/types.js';
import { signInStartUrl } from '../../shared/auth-route-urls.js';
import { compilePathMatcher, type PathMatcher } from '../../shared/path-matchers.js';
import { requestKind, requestPath } from '../../shared/request-kind.js';
import { resolveRedirectUri } from '../config.js';
import { createDebugLog } from '../log.js';
import { sessionRoot } from '../root/current-root.js';
import type { SessionRoot } from '../root/session-root.js';
import { SetCookieHeaders, sessionCookieAttributes } from '../session/cookie-options.js';
import { writeRetryMarker } from '../session/retry-marker.js';
import { writeSessionCookie } from '../session/session-cookie.js';
import { staleUserInfo, type SessionState } from '../session/session-state.js';
import { addPrivateCacheHeaders, writeRequestOverride } from './forward-headers.js';
import type { AuthkitOptions } from './options.js';
import { settleSession, type SettledSession } from './settle-session.js';
import { syncClock } from '../../shared/clock.js';

/** What `authkit()` returns (the reference's shape). */
export interface AuthkitResult {
  session: UserInfo | NoUserInfo;
  /** Pass to `NextResponse.next({ headers })` (and copy its Set-Cookie onto any other response). */
  headers: Headers;
  /**
   * Where to send a user to sign in (the auth route's start, which then goes to AuthKit), with
   * this request's path as return path. Always set, so `NextResponse.redirect(authorizationUrl)`
   * type-checks as the reference README writes it.
   */
  authorizationUrl: string;
}

/** The proxy's richer view of the same run. */
export interface AuthkitRun extends AuthkitResult {
  state: SessionState;
  outage: SettledSession['outage'];
  /** Only the Set-Cookie and cache headers, for responses that are not `next()`. */
  responseHeaders: Headers;
}

export interface CompiledAuthkitOptions extends AuthkitOptions {
  isSignUpPath: PathMatcher;
}

export function compileAuthkitOptions(options: AuthkitOptions): CompiledAuthkitOptions {
  const signUpPaths = options.signUpPaths ? [...options.signUpPaths] : undefined;
  return { ...options, signUpPaths, isSignUpPath: compilePathMatcher(signUpPaths, 'signUpPaths') };
}

function writeEagerToken(root: SessionRoot, cookies: SetCookieHeaders, request: NextRequest, state: SessionState, redirectUri: string): void {
  if (state.status !== 'signed-in' || requestKind(request) !== 'document') return;
  const token = state.session.accessToken;
  if (request.cookies.get(EAGER_ACCESS_TOKEN_COOKIE)?.value === token) return;
  const { secure, sameSite } = sessionCookieAttributes(root.config, [request.url, redirectUri]);
  cookies.set(EAGER_ACCESS_TOKEN_COOKIE, token, { path: '/', maxAge: 30, secure, sameSite: sameSite === 'none' ? 'none' : 'lax' });
}

/**
 * `headers`: where the result's headers are written (the proxy passes its `NextResponse.next()`'s,
 * so the forwarded headers, a session cookie among them, are written once rather than copied again).
 */
export async function runAuthkit(root: SessionRoot, request: NextRequest, options: CompiledAuthkitOptions, headers = new Headers()): Promise<AuthkitRun> {
  // The proxy is where Next does not watch the clock: the kit's clock takes the wall clock's
  // offset here, for this request's render too (shared/clock.ts).
  syncClock();
  const log = createDebugLog(options.debug);
  const redirectUri = resolveRedirectUri(root.config, options.redirectUri);
  const path = requestPath(request.nextUrl);
  log(`${request.method} ${request.nextUrl.pathname}`);
  const settled = await settleSession(root, request, options, log);
  const cookies = new SetCookieHeaders();
  if (settled.cookie) {
    const value = 'write' in settled.cookie ? settled.cookie.write : null;
    writeSessionCookie(root.config, cookies, request.cookies, value, [request.url, redirectUri]);
  }
  if (options.eagerAuth) writeEagerToken(root, cookies, request, settled.state, redirectUri);
  const { outage } = settled;
  if (outage?.writeMarker && settled.state.status !== 'signed-out') {
    await writeRetryMarker(root, cookies, settled.state.claims.sid, outage.retryAtMs, [request.url, redirectUri]);
  }

  const { state } = settled;
  // The Set-Cookie headers written above, adopted (no copy): nothing writes a cookie after this.
  const responseHeaders = cookies.headers;
  if (state.status !== 'signed-out' || cookies.size > 0 || request.headers.has('authorization')) {
    addPrivateCacheHeaders(responseHeaders, request);
  }
  for (const [name, value] of responseHeaders) headers.append(name, value);
  await writeRequestOverride(root, headers, request, {
    session: state.status === 'signed-out' ? '' : state.sealed,
    path,
    redirectUri: options.redirectUri,
    signUpPaths: options.signUpPaths ? [...options.signUpPaths] : undefined,
    cookieWrites: cookies.written,
  });

  return {
    session: state.status === 'signed-in' ? state.info : state.status === 'expired' && outage?.stale ? staleUserInfo(state) : { user: null },
    headers,
    // Built when read: only a signed-out visitor sent to sign in needs it, and building it costs
    // a URL parse per request.
    get authorizationUrl() {
      const screenHint = options.screenHint ?? (options.isSignUpPath(request.nextUrl.pathname) ? 'sign-up' : undefined);
      return signInStartUrl(redirectUri, { returnTo: path, screenHint });
    },
    state,
    outage,
    responseHeaders,
  };
}

/**
 * Reads, verifies and (when due) refreshes the session for a custom proxy or middleware.
 *
 * @example
 * export default async function proxy(request: NextRequest) {
 *   const { session, headers, authorizationUrl } = await authkit(request);
 *   if (request.nextUrl.pathname.startsWith('/account') && !session.user) {
 *     return NextResponse.redirect(authorizationUrl);
 *   }
 *   return NextResponse.next({ headers });
 * }
 */
export async function authkit(request: NextRequest, options: AuthkitOptions = {}): Promise<AuthkitResult> {
  const { session, headers, authorizationUrl } = await runAuthkit(sessionRoot(), request, compileAuthkitOptions(options));
  return { session, headers, authorizationUrl };
}
