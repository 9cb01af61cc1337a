import 'server-only';
/**
 * The kit's own answers to a request (the proxy's and the auth route's): the sign-in redirect, 401
 * for fetch-style requests, 503 "try again" past the outage grace period.
 */
import { NextResponse } from 'next/server';
import type { RequestKind } from '../../shared/request-kind.js';

const NO_STORE = 'private, no-store';

function withHeaders<T extends Response>(response: T, extra: Headers): T {
  for (const [name, value] of extra) {
    if (name === 'set-cookie') continue;
    response.headers.set(name, value);
  }
  for (const cookie of extra.getSetCookie()) response.headers.append('set-cookie', cookie);
  response.headers.set('cache-control', NO_STORE);
  return response;
}

/** A document navigation goes to the auth route's sign-in start (303 after a form post, so it becomes a GET). */
export function signInRedirect(signInUrl: string, method: string, responseHeaders: Headers): NextResponse {
  const status = method === 'GET' || method === 'HEAD' ? 307 : 303;
  return withHeaders(NextResponse.redirect(signInUrl, status), responseHeaders);
}

/**
 * A Server Action, RSC fetch, prefetch or API call cannot follow a cross-origin redirect:
 * 401 with the sign-in URL, for the client to navigate to.
 */
export function unauthorizedJson(signInUrl: string, responseHeaders: Headers): NextResponse {
  return withHeaders(NextResponse.json({ error: 'unauthorized', signInUrl }, { status: 401 }), responseHeaders);
}

const UNAVAILABLE_PAGE = (seconds: number) => `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta http-equiv="refresh" content="${seconds}">
<title>Please try again in a moment</title></head>
<body><h1>Please try again in a moment</h1>
<p>The sign-in service is not answering, so your session could not be renewed. You are still signed in and nothing is lost;
this page will try again in ${seconds} seconds.</p>
</body></html>`;

/**
 * The token has expired, WorkOS is unreachable and the outage grace period has passed: keep the
 * cookie, ask the client to try again (HTML for a document, JSON for fetches, RSC and actions).
 */
export function serviceUnavailable(kind: RequestKind, retryAfterSeconds: number, responseHeaders: Headers): NextResponse {
  const init = { status: 503, headers: { 'retry-after': String(retryAfterSeconds) } };
  const response =
    kind === 'document'
      ? new NextResponse(UNAVAILABLE_PAGE(retryAfterSeconds), { ...init, headers: { ...init.headers, 'content-type': 'text/html; charset=utf-8' } })
      : NextResponse.json({ error: 'session_unavailable', retryAfter: retryAfterSeconds }, init);
  return withHeaders(response, responseHeaders);
}
