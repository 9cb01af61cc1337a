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
import { MAX_COOKIE_CHUNKS } from '../../shared/constants.js';
import { chunkName, planChunkedCookie } from '../../shared/cookie-chunks.js';
import type { CookieAttributes } from './cookie-options.js';

export interface CookieReader {
  getAll(): ReadonlyArray<{ name: string; value: string }>;
}

export interface CookieWriter {
  set(name: string, value: string, attributes: CookieAttributes): unknown;
}

export { planChunkedCookie };
export type { CookieWrite } from '../../shared/cookie-chunks.js';

function chunkIndex(base: string, name: string): number | null {
  if (!name.startsWith(`${base}.`)) return null;
  const suffix = name.slice(base.length + 1);
  return /^\d{1,3}$/.test(suffix) ? Number(suffix) : null;
}

/** The names of the base cookie and every chunk present, in any order. */
export function sessionCookieNames(jar: CookieReader, base: string): string[] {
  return jar.getAll().map((cookie) => cookie.name).filter((name) => name === base || chunkIndex(base, name) !== null);
}

/**
 * The sealed session value: the base cookie, else the joined chunks. `undefined` when there is
 * none; `null` when chunks are present but not a value we could have written (gaps, too many).
 */
export function readChunkedCookie(jar: CookieReader, base: string): string | undefined | null {
  const byName = new Map(jar.getAll().map((cookie) => [cookie.name, cookie.value] as const));
  const whole = byName.get(base);
  if (whole) return whole;
  const chunks: string[] = [];
  for (let index = 0; byName.has(chunkName(base, index)); index += 1) {
    if (index >= MAX_COOKIE_CHUNKS) return null;
    chunks.push(byName.get(chunkName(base, index))!);
  }
  if (chunks.length > 0) return chunks.join('');
  return sessionCookieNames(jar, base).length > 0 ? null : undefined;
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
