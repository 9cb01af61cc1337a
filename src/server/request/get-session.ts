import 'server-only';
/**
 * `getSession()`: the session of the current request, read once per request (React `cache`),
 * from its cookie: behind the proxy that is the proxy's answer (it rewrites the render's Cookie
 * header after a refresh), so it works the same with or without the proxy. It never writes cookies and
 * never refreshes; it is what `withAuth()` and every gate build on. A request without a session
 * cookie is the cheapest path of all: answered from `headers()` alone, nothing verified, since no
 * hand-over could say otherwise (the proxy rewrites the render's cookie header to match what it
 * forwards).
 */
import { cache } from 'react';
import type { CookieReader } from '../../shared/cookie-chunks.js';
import { sessionRoot } from '../root/current-root.js';
import { readForwardedContext, type ForwardedContext } from '../session/forwarded.js';
import { readSession, readSessionCookieValue } from '../session/read-session.js';
import { readSessionCookie } from '../session/session-cookie.js';
import { signedOut, type SessionState } from '../session/session-state.js';
import { requestCookies, requestHeaders as headers } from './request-data.js';

/** The proxy's forwarded values for this request, when the proxy ran (signature valid). */
export const getForwardedContext = cache(async (): Promise<ForwardedContext | undefined> => {
  // Request data first: while prerendering, it is what postpones the render (the configuration
  // may not exist at build time).
  const requestHeaders = await headers();
  return readForwardedContext(sessionRoot(), requestHeaders);
});

// What this request wrote (saveSession, refreshSession, signOut), keyed by its cookie store (one
// per request in Next), so later reads in the same action or route handler see the new value.
const writtenThisRequest = new WeakMap<object, string | null>();
// The same requests, by their `headers()` object (also one per request in Next, and unchanged by
// cookie writes): a request that wrote its session is never answered from `headers()` alone.
const wroteSession = new WeakSet<object>();

const NO_COOKIE = Object.freeze(signedOut('no-cookie'));

// The request's session cookie, read once per request (React `cache` keys it by the value). The
// proxy's hand-over is not consulted for it: the proxy rewrites the render's Cookie
// header to hold the session it settled on (a refreshed one, or none), so the cookie is already
// the proxy's answer, and after a server action's write it is the newer one.
const readIncomingSession = cache((sealed: string | null): Promise<SessionState> => readSessionCookieValue(sessionRoot(), sealed));

/**
 * The session in the request's cookie jar (`cookies()`): what this request wrote, else the
 * incoming session. A value, not a promise, when there is no session cookie.
 */
export function sessionInJar(jar: CookieReader): SessionState | Promise<SessionState> {
  const root = sessionRoot();
  if (writtenThisRequest.has(jar)) return readSession(root, writtenThisRequest.get(jar));
  const cookie = readSessionCookie(root.config, jar);
  // No session cookie: signed out, with no more asynchronous work (the anonymous visitor's path).
  return cookie === undefined ? NO_COOKIE : readIncomingSession(cookie);
}

/**
 * False when the request as it arrived (`incoming`: `headers()`) carries no session cookie and this
 * request has not written one: the visitor is anonymous, and `cookies()` need not even be read
 * (Next parses the whole Cookie header on the first `cookies()` of a request; `headers()` is
 * there already). The name test is a substring test: a false "maybe" only takes the full path.
 */
export function mayHoldSession(incoming: Headers): boolean {
  if (wroteSession.has(incoming)) return true;
  const cookie = incoming.get('cookie');
  return cookie !== null && cookie.includes(sessionRoot().config.cookieName);
}

/**
 * The current request's `SessionState` (signed in, expired, or signed out with a reason).
 *
 * @example
 * const state = await getSession();
 * if (state.status === 'signed-in') return state.info.user.email;
 */
export async function getSession(): Promise<SessionState> {
  if (!mayHoldSession(await headers())) return NO_COOKIE;
  return sessionInJar(await requestCookies());
}

/**
 * Records the value a server action or route handler just wrote through `jar` (null: cleared);
 * `incoming` is the same request's `headers()`.
 */
export function noteSessionWritten(jar: object, incoming: object, sealed: string | null): void {
  writtenThisRequest.set(jar, sealed);
  wroteSession.add(incoming);
}
