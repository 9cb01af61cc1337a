import 'server-only';
/**
 * Reading and writing *the* session cookie (name from config, chunked, default attributes) and
 * clearing the sign-in flow cookies.
 */
import { PKCE_COOKIE_PREFIX } from '../../shared/constants.js';
import { getConfig } from '../config.js';
import { readChunkedCookie, sessionCookieNames, type CookieReader } from '../../shared/cookie-chunks.js';
import { expiredAttributes, writeChunkedCookie, type CookieWriter } from './cookie-jar.js';
import { flowCookieAttributes, sessionCookieAttributes, type SchemeHints } from './cookie-options.js';

/** The sealed session value in a cookie jar (`null`: chunks we could not have written). */
export function readSessionCookie(jar: CookieReader): string | undefined | null {
  return readChunkedCookie(jar, getConfig().cookieName);
}

/**
 * Writes the sealed session (chunked when large) or, with `sealed: null`, clears it and every
 * chunk. `url` is the request URL (and any configured public URL); they decide `Secure`.
 */
export function writeSessionCookie(writer: CookieWriter, jar: CookieReader, sealed: string | null, url?: SchemeHints): void {
  const base = getConfig().cookieName;
  writeChunkedCookie(writer, {
    base,
    value: sealed,
    existing: sessionCookieNames(jar, base),
    attributes: sessionCookieAttributes(url),
  });
}

/** Deletes every sign-in flow cookie (`wos-auth-verifier*`). */
export function clearFlowCookies(writer: CookieWriter, jar: CookieReader, url?: SchemeHints): void {
  const attributes = expiredAttributes(flowCookieAttributes(url));
  for (const { name } of jar.getAll()) {
    if (name.startsWith(PKCE_COOKIE_PREFIX)) writer.set(name, '', attributes);
  }
}
