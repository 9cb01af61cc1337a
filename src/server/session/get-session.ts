import 'server-only';
/**
 * `getSession()`: the session of the current request, read once per request (React `cache`).
 * It prefers the proxy's signed hand-over (the current value, after any refresh) and otherwise
 * reads the cookie itself, so it works with or without the proxy. It never writes cookies and
 * never refreshes; it is what `withAuth()` and every gate build on.
 */
import { cache } from 'react';
import { readForwardedContext, type ForwardedContext } from './forwarded.js';
import { readSession, readSessionFromCookies } from './read-session.js';
import { requestCookies as cookies, requestHeaders as headers } from './request-data.js';
import { readSessionCookie } from './session-cookie.js';
import type { SessionState } from './state.js';

/** The proxy's forwarded values for this request, when the proxy ran (signature valid). */
export const getForwardedContext = cache(async (): Promise<ForwardedContext | undefined> => {
  return readForwardedContext(await headers());
});

// What this request wrote (saveSession, refreshSession, signOut), keyed by its cookie store (one
// per request in Next), so later reads in the same action or route handler see the new value.
const writtenThisRequest = new WeakMap<object, string | null>();

const readIncomingSession = cache(async (): Promise<SessionState> => {
  const forwarded = await getForwardedContext();
  const jar = await cookies();
  // The hand-over describes the request as the proxy left it (its Cookie header is rewritten to
  // match). A server action that wrote the session supersedes it: Next re-renders after the
  // action with the cookies the action set, while the forwarded header still holds the old value.
  if (forwarded && forwarded.session === (readSessionCookie(jar) ?? '')) return readSession(forwarded.session);
  return readSessionFromCookies(jar);
});

/**
 * The current request's `SessionState` (signed in, expired, or signed out with a reason).
 *
 * @example
 * const state = await getSession();
 * if (state.status === 'signed-in') return state.info.user.email;
 */
export async function getSession(): Promise<SessionState> {
  const jar = await cookies();
  if (writtenThisRequest.has(jar)) return readSession(writtenThisRequest.get(jar));
  return readIncomingSession();
}

/** Records the value a server action or route handler just wrote through `jar` (null: cleared). */
export function noteSessionWritten(jar: object, sealed: string | null): void {
  writtenThisRequest.set(jar, sealed);
}
