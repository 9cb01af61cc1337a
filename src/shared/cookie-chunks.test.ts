/** The session cookie's chunk plan and chunk reading, pure. */
import fc from 'fast-check';
import { NextRequest } from 'next/server';
import { describe, expect, it } from 'vitest';
import { COOKIE_CHUNK_SIZE, MAX_COOKIE_CHUNKS } from './constants.js';
import { chunkName, cookieHeaderReader, planChunkedCookie, readChunkedCookie, sessionCookieNames, type CookieReader } from './cookie-chunks.js';

const jarOf = (cookies: Record<string, string>): CookieReader => ({
  getAll: () => Object.entries(cookies).map(([name, value]) => ({ name, value })),
});

describe('planChunkedCookie', () => {
  it('writes a value that fits under the base name and deletes every chunk', () => {
    expect(planChunkedCookie('s', 'abc', ['s.0', 's.1'])).toEqual({ writes: [{ name: 's', value: 'abc' }], deletions: ['s.0', 's.1'] });
  });

  it('splits a large value into consecutive chunks of at most COOKIE_CHUNK_SIZE, deleting the base and stale chunks', () => {
    const value = 'x'.repeat(COOKIE_CHUNK_SIZE * 2 + 1);
    const { writes, deletions } = planChunkedCookie('s', value, ['s', 's.0', 's.3']);
    expect(writes.map((write) => [write.name, write.value.length])).toEqual([['s.0', COOKIE_CHUNK_SIZE], ['s.1', COOKIE_CHUNK_SIZE], ['s.2', 1]]);
    expect(writes.map((write) => write.value).join('')).toBe(value);
    expect(deletions).toEqual(['s', 's.3']);
  });

  it('clears: no write, every existing name deleted', () => {
    expect(planChunkedCookie('s', null, ['s', 's.0'])).toEqual({ writes: [], deletions: ['s', 's.0'] });
  });
});

describe('readChunkedCookie', () => {
  it('prefers the base cookie, else joins the chunks from .0', () => {
    expect(readChunkedCookie(jarOf({ s: 'whole', 's.0': 'a' }), 's')).toBe('whole');
    expect(readChunkedCookie(jarOf({ 's.1': 'b', 's.0': 'a', other: 'x' }), 's')).toBe('ab');
  });

  it('reads no cookie as undefined, and gaps or too many chunks as not ours (null)', () => {
    expect(readChunkedCookie(jarOf({}), 's')).toBeUndefined();
    expect(readChunkedCookie(jarOf({ 'other.0': 'x' }), 's')).toBeUndefined();
    expect(readChunkedCookie(jarOf({ 's.1': 'x' }), 's')).toBeNull();
    const many = Object.fromEntries(Array.from({ length: MAX_COOKIE_CHUNKS + 1 }, (_, i) => [chunkName('s', i), 'x']));
    expect(readChunkedCookie(jarOf(many), 's')).toBeNull();
  });

  it('ignores names that only look like chunks', () => {
    expect(readChunkedCookie(jarOf({ 's.x': 'a', 's.0.1': 'b', s2: 'c', 's.1234': 'd' }), 's')).toBeUndefined();
    expect(sessionCookieNames(jarOf({ s: '1', 's.0': '2', 's.x': '3', s2: '4' }), 's')).toEqual(['s', 's.0']);
  });
});

describe('cookieHeaderReader', () => {
  // What the render reads the handed-over session from must be what the proxy read through Next.
  const pair = fc.tuple(
    fc.constantFrom('wos-session', 'wos-session.0', 'wos-session.1', 'theme', 'a b'),
    fc.string({ unit: fc.constantFrom(...'aZ09*~_-.=%2C;"\\ '.split('')), maxLength: 12 }),
  );
  const header = fc.tuple(fc.array(pair, { maxLength: 6 }), fc.constantFrom('; ', ';', ';  ')).map(([pairs, separator]) => pairs.map(([name, value]) => `${name}=${value}`).join(separator));

  it('reads the same cookies as Next does, for any header', () => {
    fc.assert(
      fc.property(header, (value) => {
        const headers = new Headers({ cookie: value }); // both read the header as Headers carries it (trimmed)
        const next = new NextRequest('http://localhost/', { headers }).cookies;
        const byNext = next.getAll().filter(({ name }) => name !== '').map(({ name, value }) => [name, value]);
        const ours = cookieHeaderReader(headers.get('cookie'));
        expect(ours.getAll().map(({ name, value }) => [name, value])).toEqual(byNext);
        expect(readChunkedCookie(ours, 'wos-session')).toBe(readChunkedCookie(next, 'wos-session'));
      }),
      { numRuns: 500 },
    );
  });

  it('reads nothing from no header', () => {
    expect(cookieHeaderReader(null).getAll()).toEqual([]);
  });
});
