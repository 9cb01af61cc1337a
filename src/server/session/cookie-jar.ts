import 'server-only';
/**
 * The session cookie, possibly split into chunks (docs/internals.md §2).
 *
 * A sealed value over 3,800 bytes is written as `<name>.0`, `<name>.1`, … and the base cookie is
 * deleted; a value that fits is written under the base name and every chunk is deleted. Stale
 * chunks beyond the new count are always deleted. Reading prefers the base cookie, then joins
 * consecutive chunks from `.0`.
 *
 * The functions work on the smallest cookie interfaces Next offers, so the same code serves
 * `request.cookies` (proxy, route handlers), `cookies()` (actions) and Set-Cookie headers.
 */
import { planChunkedCookie } from '../../shared/cookie-chunks.js';
import type { CookieAttributes } from './cookie-options.js';

export interface CookieWriter {
  set(name: string, value: string, attributes: CookieAttributes): unknown;
}

/** Writes (or clears, with `value: null`) the session cookie and its chunks through `writer`. */
export function writeChunkedCookie(
  writer: CookieWriter,
  options: { base: string; value: string | null; existing: readonly string[]; attributes: CookieAttributes },
): void {
  const { writes, deletions } = planChunkedCookie(options.base, options.value, options.existing);
  for (const write of writes) writer.set(write.name, write.value, options.attributes);
  for (const name of deletions) writer.set(name, '', expiredAttributes(options.attributes));
  // Clearing with nothing present still sends one deletion, so a cookie the server cannot see
  // (another path, a stale browser) is removed too.
  if (options.value === null && deletions.length === 0) writer.set(options.base, '', expiredAttributes(options.attributes));
}

/** The same attributes, expired (a deletion must repeat the domain and path to match). */
export function expiredAttributes(attributes: CookieAttributes): CookieAttributes {
  return { ...attributes, maxAge: 0, expires: new Date(0) };
}
