import 'server-only';
/**
 * The reference package's composable proxy helpers, on the kit's hand-over: `authkit()` returns
 * its request headers in Next's request-override encoding (signed `x-authkit-*` values, the
 * request's own headers minus reserved ones, the cookie header with this response's writes), plus
 * Set-Cookie and cache headers. These helpers split that into what the render gets and what the
 * browser gets, so a custom proxy never leaks the hand-over to the browser, never forwards a
 * planted `x-authkit-*`/`x-workos-*` header, and keeps the signature the render checks intact.
 *
 * Edge-safe, like the rest of the proxy folder.
 */
import { NextResponse, type NextRequest } from 'next/server';
import { FORWARDED_HEADERS } from '../../shared/constants.js';
import { SIGNATURE_HEADER } from '../session/forwarded.js';
import { isReservedHeader, readRequestOverride, stripReservedHeaders } from './forward-headers.js';

/**
 * The request headers the kit's proxy hands to the render (never sent to the browser). The render
 * trusts them only when `x-authkit-signature` verifies.
 *
 * @example
 * const internal = AUTHKIT_REQUEST_HEADERS.filter((name) => requestHeaders.has(name));
 */
export const AUTHKIT_REQUEST_HEADERS = [
  FORWARDED_HEADERS.url,
  FORWARDED_HEADERS.redirectUri,
  FORWARDED_HEADERS.signUpPaths,
  SIGNATURE_HEADER,
] as const;

/** One of `AUTHKIT_REQUEST_HEADERS`. */
export type AuthkitRequestHeader = (typeof AUTHKIT_REQUEST_HEADERS)[number];

/** The two halves of `authkit()`'s headers. */
export interface AuthkitHeadersResult {
  /** The headers the render sees: pass as `NextResponse.next/rewrite({ request: { headers } })`. */
  requestHeaders: Headers;
  /** The headers the browser may see (Set-Cookie, Cache-Control, Vary, …): `applyResponseHeaders`. */
  responseHeaders: Headers;
}

/** The redirect statuses `handleAuthkitProxy` accepts. */
export type AuthkitRedirectStatus = 302 | 303 | 307 | 308;

/** Options of `handleAuthkitProxy` / `handleAuthkitHeaders`. */
export interface HandleAuthkitHeadersOptions {
  /** Redirect here (absolute, or relative to the request) instead of continuing. Trusted values only. */
  redirect?: string | URL;
  /** @default 307 for GET and HEAD, 303 otherwise (a form post becomes a GET) */
  redirectStatus?: AuthkitRedirectStatus;
}

// The only response headers a custom proxy passes to the browser (the reference's list).
const BROWSER_HEADERS = new Set(['set-cookie', 'cache-control', 'vary', 'www-authenticate', 'proxy-authenticate', 'link', 'x-middleware-cache']);
const MULTI_VALUE = new Set(['set-cookie', 'www-authenticate', 'proxy-authenticate', 'link']);

/**
 * True for a header name only the proxy may set on a forwarded request (`x-authkit-*`, and the
 * reference's `x-workos-*`): incoming copies are always removed.
 *
 * @example
 * for (const name of [...headers.keys()]) if (isAuthkitRequestHeader(name)) headers.delete(name);
 */
export function isAuthkitRequestHeader(name: string): boolean {
  return isReservedHeader(name);
}

function addHeader(headers: Headers, name: string, value: string): void {
  const lower = name.toLowerCase();
  if (MULTI_VALUE.has(lower)) headers.append(name, value);
  else if (lower === 'vary') {
    const merged = new Set([headers.get('vary'), value].flatMap((list) => (list ?? '').split(',')).map((v) => v.trim()).filter(Boolean));
    headers.set(name, [...merged].join(', '));
  } else headers.set(name, value);
}

/**
 * Splits `authkit()`'s headers into the render's request headers and the browser's response
 * headers (an allow-list: Set-Cookie, Cache-Control, Vary, WWW-Authenticate, Proxy-Authenticate,
 * Link, x-middleware-cache). With headers that hold no hand-over, the render gets the request's
 * headers minus any planted `x-authkit-*`/`x-workos-*` ones.
 *
 * @example
 * const { headers } = await authkit(request);
 * const { requestHeaders, responseHeaders } = partitionAuthkitHeaders(request, headers);
 * const response = NextResponse.rewrite(new URL('/app', request.url), { request: { headers: requestHeaders } });
 * return applyResponseHeaders(response, responseHeaders);
 */
export function partitionAuthkitHeaders(request: NextRequest, authkitHeaders: Headers): AuthkitHeadersResult {
  const requestHeaders = readRequestOverride(authkitHeaders) ?? stripReservedHeaders(request.headers);
  const responseHeaders = new Headers();
  for (const [name, value] of authkitHeaders) {
    if (BROWSER_HEADERS.has(name.toLowerCase())) addHeader(responseHeaders, name, value);
  }
  if (responseHeaders.has('set-cookie') && !responseHeaders.has('cache-control')) responseHeaders.set('cache-control', 'no-store');
  return { requestHeaders, responseHeaders };
}

/**
 * Adds `responseHeaders` (from `partitionAuthkitHeaders`) to a response: Set-Cookie, Link and the
 * authenticate headers are appended, Vary merged, the others set. Returns the same response.
 *
 * @example
 * return applyResponseHeaders(NextResponse.rewrite(url, { request: { headers: requestHeaders } }), responseHeaders);
 */
export function applyResponseHeaders<T extends Response = NextResponse>(response: T, responseHeaders: Headers): T {
  for (const [name, value] of responseHeaders) addHeader(response.headers, name, value);
  return response;
}

function redirectTarget(request: NextRequest, redirect: string | URL): URL {
  let url: URL;
  try {
    url = new URL(redirect, request.url);
  } catch {
    throw new TypeError(`Invalid redirect URL: "${String(redirect)}". Must be a valid absolute or relative URL.`);
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') {
    throw new TypeError(`Invalid redirect URL: "${String(redirect)}". Only http(s) URLs can be redirected to.`);
  }
  return url;
}

/**
 * The response of a custom proxy built on `authkit()`: continues the request with the hand-over
 * for the render, or redirects (`redirect`: a trusted URL, e.g. `authorizationUrl`, or a path),
 * always with the session cookies and cache headers and never with the hand-over itself.
 *
 * @example
 * const { session, headers, authorizationUrl } = await authkit(request);
 * if (request.nextUrl.pathname.startsWith('/app') && !session.user) {
 *   return handleAuthkitProxy(request, headers, { redirect: authorizationUrl });
 * }
 * return handleAuthkitProxy(request, headers);
 */
export function handleAuthkitProxy(request: NextRequest, authkitHeaders: Headers, options: HandleAuthkitHeadersOptions = {}): NextResponse {
  const { requestHeaders, responseHeaders } = partitionAuthkitHeaders(request, authkitHeaders);
  const { redirect, redirectStatus } = options;
  if (redirect != null && redirect !== '') {
    const method = request.method.toUpperCase();
    const status = redirectStatus ?? (method === 'GET' || method === 'HEAD' ? 307 : 303);
    return applyResponseHeaders(NextResponse.redirect(redirectTarget(request, redirect), status), responseHeaders);
  }
  return applyResponseHeaders(NextResponse.next({ request: { headers: requestHeaders } }), responseHeaders);
}

/**
 * The same function as `handleAuthkitProxy`, under the name the reference README uses.
 *
 * @deprecated The reference package deprecates this name in favour of `handleAuthkitProxy`; both work.
 * @example
 * return handleAuthkitHeaders(request, headers, { redirect: '/new-path' });
 */
export const handleAuthkitHeaders: typeof handleAuthkitProxy = handleAuthkitProxy;
