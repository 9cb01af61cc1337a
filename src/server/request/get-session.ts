import 'server-only';
/**
 * `getSession()`: the session of the current request, read once per request (React `cache`).
 * It prefers the proxy's signed hand-over (the current value, after any refresh) and otherwise
 * reads the cookie itself, so it works with or without the proxy. It never writes cookies and
 * never refreshes; it is what `withAuth()` and every gate build on. A request without a session
 * cookie is the cheapest path of all: nothing is verified, since no hand-over could say otherwise
 * (the proxy rewrites the render's cookie header to match what it forwards).
 */
import { cache } from 'react';
import type { CookieReader } from '../../shared/cookie-chunks.js';
import { sessionRoot } from '../root/current-root.js';
import { readForwardedContext, type ForwardedContext } from '../session/forwarded.js';
import { readSession, readSessionFromCookies } from '../session/read-session.js';
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

const NO_COOKIE = Object.freeze(signedOut('no-cookie'));

// The request's session cookie, read once per request (React `cache` keys it by the request's store).
const readIncomingSession = cache(async (jar: CookieReader, cookie: string | null): Promise<SessionState> => {
  const root = sessionRoot();
  const forwarded = await getForwardedContext();
  // The hand-over describes the request as the proxy left it (its Cookie header is rewritten to
  // match). A server action that wrote the session supersedes it: Next re-renders after the
  // action with the cookies the action set, while the forwarded header still holds the old value.
  if (forwarded && forwarded.session === (cookie ?? '')) return readSession(root, forwarded.session);
  return readSessionFromCookies(root, jar);
});

/**
 * The session in the request's cookie jar (`cookies()`): what this request wrote, else the
 * incoming session. A value, not a promise, when there is no session cookie, so `withAuth()` can
 * answer an anonymous visitor after awaiting `cookies()` alone.
 */
export function sessionInJar(jar: CookieReader): SessionState | Promise<SessionState> {
  const root = sessionRoot();
  if (writtenThisRequest.has(jar)) return readSession(root, writtenThisRequest.get(jar));
  const cookie = readSessionCookie(root.config, jar);
  // No session cookie: signed out, with no more asynchronous work (the anonymous visitor's path).
  return cookie === undefined ? NO_COOKIE : readIncomingSession(jar, cookie);
}

/**
 * The current request's `SessionState` (signed in, expired, or signed out with a reason).
 *
 * @example
 * const state = await getSession();
 * if (state.status === 'signed-in') return state.info.user.email;
 */
export async function getSession(): Promise<SessionState> {
  return sessionInJar(await requestCookies());
}

/** Records the value a server action or route handler just wrote through `jar` (null: cleared). */
export function noteSessionWritten(jar: object, sealed: string | null): void {
  writtenThisRequest.set(jar, sealed);
}
