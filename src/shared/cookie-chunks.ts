/**
 * The session cookie's chunks, pure (docs/internals.md §2): a sealed value over 3,800 bytes is
 * written as `<name>.0`, `<name>.1`, … and the base cookie is deleted; a value that fits is written
 * under the base name and every chunk is deleted. Reading prefers the base cookie, then joins
 * consecutive chunks from `.0`. The server's cookie jar, the Edge refresh and the test kit all plan
 * and read with it.
 */
import { COOKIE_CHUNK_SIZE, MAX_COOKIE_CHUNKS } from './constants.js';

/** The smallest cookie store the kit reads: `request.cookies` and `cookies()` both fit. */
export interface CookieReader {
  getAll(): ReadonlyArray<{ name: string; value: string }>;
}

export interface CookieWrite {
  name: string;
  value: string;
}

/** The name of chunk `index` of the cookie `base`. */
export const chunkName = (base: string, index: number) => `${base}.${index}`;

/** The writes and deletions that store `value` (or clear the session when null). */
export function planChunkedCookie(base: string, value: string | null, existing: readonly string[]) {
  const writes: CookieWrite[] = [];
  if (value !== null && value.length <= COOKIE_CHUNK_SIZE) {
    writes.push({ name: base, value });
  } else if (value !== null) {
    for (let offset = 0, index = 0; offset < value.length; offset += COOKIE_CHUNK_SIZE, index += 1) {
      writes.push({ name: chunkName(base, index), value: value.slice(offset, offset + COOKIE_CHUNK_SIZE) });
    }
  }
  const written = new Set(writes.map((write) => write.name));
  const deletions = existing.filter((name) => !written.has(name));
  return { writes, deletions };
}

function isChunkOf(base: string, name: string): boolean {
  return name.startsWith(`${base}.`) && /^\d{1,3}$/.test(name.slice(base.length + 1));
}

/** The names of the base cookie and every chunk present, in any order. */
export function sessionCookieNames(jar: CookieReader, base: string): string[] {
  return jar.getAll().map((cookie) => cookie.name).filter((name) => name === base || isChunkOf(base, name));
}

/**
 * The sealed session value: the base cookie, else the joined chunks. `undefined` when there is
 * none; `null` when chunks are present but not a value we could have written (gaps, too many).
 * One pass over the jar, and nothing allocated when there is no session cookie at all (most
 * requests: anonymous visitors).
 */
export function readChunkedCookie(jar: CookieReader, base: string): string | undefined | null {
  let present = false;
  let chunks: Map<string, string> | undefined;
  for (const { name, value } of jar.getAll()) {
    if (name === base) {
      if (value) return value;
      present = true;
    } else if (isChunkOf(base, name)) (chunks ??= new Map()).set(name, value);
  }
  if (!chunks) return present ? null : undefined;
  const joined: string[] = [];
  for (let index = 0; chunks.has(chunkName(base, index)); index += 1) {
    if (index >= MAX_COOKIE_CHUNKS) return null;
    joined.push(chunks.get(chunkName(base, index))!);
  }
  return joined.length > 0 ? joined.join('') : null;
}

/**
 * The cookies in a `Cookie` request header, parsed as Next parses them for `request.cookies` and
 * `cookies()` (pairs split at `;`, the value URI-decoded, a pair that does not decode skipped, a
 * repeated name keeping its last value, a bare name read as `true`), so a value read here is the same string the proxy read.
 */
export function cookieHeaderReader(header: string | null): CookieReader {
  const cookies = new Map<string, string>();
  for (const pair of (header ?? '').split(/; */)) {
    const at = pair.indexOf('=');
    if (at === -1 && pair) cookies.set(pair, 'true'); // Next reads a bare name as set to "true"
    if (at <= 0) continue;
    try {
      cookies.set(pair.slice(0, at), decodeURIComponent(pair.slice(at + 1)));
    } catch {
      // Not URI-encoded text: Next drops it too.
    }
  }
  return { getAll: () => [...cookies].map(([name, value]) => ({ name, value })) };
}
