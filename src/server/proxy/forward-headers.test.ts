/**
 * The proxy writes Next's request-override encoding itself, in one pass (`writeRequestOverride`).
 * Whatever the request carries, the result must be what `NextResponse.next({ request: { headers } })`
 * encodes for the headers the render should see: the request's own minus reserved ones, the
 * cookie header with the response's cookie writes applied, and the signed hand-over.
 */
import fc from 'fast-check';
import { NextResponse } from 'next/server';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { readForwardedContext } from '../session/forwarded.js';
import { setTestEnv } from '../../../test/support/env.js';
import { forwardedHeaders } from '../../../test/support/http.js';
import { writeRequestOverride } from './forward-headers.js';
import { sessionRoot } from '../root/current-root.js';

let restore: () => void;
beforeEach(() => {
  restore = setTestEnv();
});
afterEach(() => restore());

const token = fc.stringMatching(/^[a-z0-9_.-]{1,12}$/);
const headerName = fc.oneof(
  fc.constantFrom('accept', 'cookie', 'user-agent', 'x-authkit-session', 'X-AuthKit-URL', 'x-authkit-signature', 'x-workos-session', 'authorization', 'next-url'),
  token,
);
const headerValue = fc.string({ unit: fc.constantFrom(...'abcXYZ019 =;,*~._-/"'.split('')), maxLength: 60 });
const cookieWrites = fc.dictionary(fc.constantFrom('wos-session', 'wos-session.0', 'wos-session.1', 'other'), fc.oneof(fc.constant(''), headerValue), { maxKeys: 3 });

/** The old pipeline, spelled out: strip, rewrite the cookie header, then let Next encode. */
function expected(request: Request, writes: Map<string, string>, context: Headers): Headers {
  const headers = new Headers();
  for (const [name, value] of request.headers) if (!/^x-(authkit|workos)-/.test(name)) headers.append(name, value);
  if (writes.size > 0) {
    const pairs = (headers.get('cookie') ?? '').split(';').map((pair) => pair.trim()).filter((pair) => pair && !writes.has(pair.split('=')[0]!));
    for (const [name, value] of writes) if (value) pairs.push(`${name}=${encodeURIComponent(value)}`);
    if (pairs.length > 0) headers.set('cookie', pairs.join('; '));
    else headers.delete('cookie');
  }
  for (const [name, value] of context) headers.set(name, value);
  return headers;
}

const sorted = (headers: Headers) => [...headers].sort(([a], [b]) => a.localeCompare(b));

describe('request-override encoding', () => {
  it('encodes what NextResponse.next({ request: { headers } }) would, for any request headers and cookie writes', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(fc.tuple(headerName, headerValue), { maxLength: 10 }), cookieWrites, fc.constantFrom('', 'Fe26.2*seal~2'), async (entries, writesObject, session) => {
        const request = new Request('http://localhost:3000/a?b=1', { headers: entries });
        // As the proxy does: the forwarded Cookie header holds the session it hands over.
        const writes = new Map([...Object.entries(writesObject), ['wos-session', session], ['wos-session.0', ''], ['wos-session.1', '']]);
        const response = new Headers({ 'set-cookie': 'wos-session=x; Path=/', vary: 'Cookie' });
        await writeRequestOverride(sessionRoot(), response, request, { session, path: '/a?b=1', cookieWrites: writes });

        const forwarded = forwardedHeaders(new Response(null, { headers: response }));
        expect(await readForwardedContext(sessionRoot(), forwarded)).toEqual({ session, path: '/a?b=1', redirectUri: undefined, signUpPaths: undefined });
        const context = new Headers([...forwarded].filter(([name]) => name.startsWith('x-authkit-')));
        const next = NextResponse.next({ request: { headers: expected(request, writes, context) } });
        expect(sorted(forwarded)).toEqual(sorted(forwardedHeaders(next)));
        expect(response.get('x-middleware-override-headers')!.split(',').sort()).toEqual(next.headers.get('x-middleware-override-headers')!.split(',').sort());
        // The response's own headers are kept.
        expect(response.getSetCookie()).toEqual(['wos-session=x; Path=/']);
        expect(response.get('vary')).toBe('Cookie');
      }),
      { numRuns: 200 },
    );
  });
});
