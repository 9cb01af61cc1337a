/**
 * A return path the kit itself may redirect to, from a value anyone can send (a form field, an
 * action's argument, a `Referer`): a same-origin path, or an absolute URL on the app's origin
 * reduced to its path. Pure, so sign-out and the organization forms share it.
 */
import { isSafeReturnPath, safeReturnPath } from './return-to.js';

/** The URL's own path (path + query + hash), when it is a plain same-origin path; else undefined. */
export function safePathOf(url: URL): string | undefined {
  const path = safeReturnPath(`${url.pathname}${url.search}${url.hash}`, '');
  return path === '' ? undefined : path;
}

/**
 * `returnTo` as a same-origin path, when it is one or an absolute URL on `appOrigin`; anything
 * else is undefined. The path of an absolute URL goes through the same check as a bare path:
 * `http://app//evil.example/x` has the path `//evil.example/x`, which a browser reads as another host.
 */
export function sameOriginReturnPath(returnTo: string | undefined, appOrigin: string): string | undefined {
  if (returnTo === undefined) return undefined;
  if (isSafeReturnPath(returnTo)) return safeReturnPath(returnTo);
  try {
    const url = new URL(returnTo);
    return url.origin === appOrigin ? safePathOf(url) : undefined;
  } catch {
    return undefined;
  }
}
