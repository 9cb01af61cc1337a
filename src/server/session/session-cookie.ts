import 'server-only';
/**
 * Reading and writing *the* session cookie (name from the configuration, chunked, default
 * attributes) and clearing the sign-in flow cookies.
 */
import { PKCE_COOKIE_PREFIX } from '../../shared/constants.js';
import { readChunkedCookie, sessionCookieNames, type CookieReader } from '../../shared/cookie-chunks.js';
import type { AuthKitConfig } from '../config.js';
import { expiredAttributes, writeChunkedCookie, type CookieWriter } from './cookie-jar.js';
import { flowCookieAttributes, sessionCookieAttributes, type SchemeHints } from './cookie-options.js';

/** The sealed session value in a cookie jar (`null`: chunks we could not have written). */
export function readSessionCookie(config: AuthKitConfig, jar: CookieReader): string | undefined | null {
  return readChunkedCookie(jar, config.cookieName);
}

/**
 * Writes the sealed session (chunked when large) or, with `sealed: null`, clears it and every
 * chunk. `url` is the request URL (and any configured public URL); they decide `Secure`.
 */
export function writeSessionCookie(config: AuthKitConfig, writer: CookieWriter, jar: CookieReader, sealed: string | null, url?: SchemeHints): void {
  writeChunkedCookie(writer, {
    base: config.cookieName,
    value: sealed,
    existing: sessionCookieNames(jar, config.cookieName),
    attributes: sessionCookieAttributes(config, url),
  });
}

/** Deletes every sign-in flow cookie (`wos-auth-verifier*`). */
export function clearFlowCookies(config: AuthKitConfig, writer: CookieWriter, jar: CookieReader, url?: SchemeHints): void {
  const attributes = expiredAttributes(flowCookieAttributes(config, url));
  for (const { name } of jar.getAll()) {
    if (name.startsWith(PKCE_COOKIE_PREFIX)) writer.set(name, '', attributes);
  }
}
