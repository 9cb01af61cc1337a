import { describe, expect, it } from 'vitest';
import { COOKIE_CHUNK_SIZE } from '../../shared/constants.js';
import { readChunkedCookie, sessionCookieNames, type CookieReader } from '../../shared/cookie-chunks.js';
import { writeChunkedCookie } from './cookie-jar.js';
import { serializeSetCookie, SetCookieHeaders } from './cookie-options.js';

const jarOf = (cookies: Record<string, string>): CookieReader => ({
  getAll: () => Object.entries(cookies).map(([name, value]) => ({ name, value })),
});

/** Applies a write plan to a browser-like jar. */
function apply(cookies: Record<string, string>, value: string | null): Record<string, string> {
  const writer = new SetCookieHeaders();
  writeChunkedCookie(writer, {
    base: 's',
    value,
    existing: sessionCookieNames(jarOf(cookies), 's'),
    attributes: { path: '/' },
  });
  const next = { ...cookies };
  for (const header of writer.headers.getSetCookie()) {
    const [pair] = header.split(';');
    const [name, encoded] = pair!.split('=') as [string, string];
    if (/Max-Age=0/.test(header)) delete next[name];
    else next[name] = decodeURIComponent(encoded);
  }
  return next;
}

describe('writing the chunked session cookie', () => {
  it('round-trips a large value through chunks and back to one cookie', () => {
    const large = 'x'.repeat(COOKIE_CHUNK_SIZE * 2 + 17);
    let jar = apply({}, large);
    expect(Object.keys(jar).sort()).toEqual(['s.0', 's.1', 's.2']);
    expect(readChunkedCookie(jarOf(jar), 's')).toBe(large);

    const medium = 'y'.repeat(COOKIE_CHUNK_SIZE + 1);
    jar = apply(jar, medium);
    expect(Object.keys(jar).sort()).toEqual(['s.0', 's.1']); // stale s.2 removed
    expect(readChunkedCookie(jarOf(jar), 's')).toBe(medium);

    jar = apply(jar, 'small');
    expect(jar).toEqual({ s: 'small' }); // every chunk removed
  });

  it('clears the base cookie and every chunk', () => {
    expect(apply({ s: 'a', 's.0': 'b', 's.1': 'c', other: 'keep' }, null)).toEqual({ other: 'keep' });
  });

  it('sends a deletion even when the server sees no cookie', () => {
    const writer = new SetCookieHeaders();
    writeChunkedCookie(writer, { base: 's', value: null, existing: [], attributes: { path: '/' } });
    expect(writer.headers.getSetCookie()).toEqual([expect.stringMatching(/^s=; Path=\/; Max-Age=0; Expires=Thu, 01 Jan 1970/)]);
  });

});

describe('serializeSetCookie', () => {
  it('writes every attribute in the standard form', () => {
    expect(
      serializeSetCookie('wos-session', 'a b', {
        path: '/', domain: 'example.com', maxAge: 60, httpOnly: true, secure: true, sameSite: 'lax',
      }),
    ).toBe('wos-session=a%20b; Path=/; Domain=example.com; Max-Age=60; HttpOnly; Secure; SameSite=Lax');
  });
});
