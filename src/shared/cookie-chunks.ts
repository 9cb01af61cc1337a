/**
 * Chunk planning for the session cookie, pure (docs/internals.md §2): a sealed value over 3,800
 * bytes is written as `<name>.0`, `<name>.1`, … and the base cookie is deleted; a value that fits
 * is written under the base name and every chunk is deleted. The server's cookie jar and the test
 * kit both plan with it.
 */
import { COOKIE_CHUNK_SIZE } from './constants.js';

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
