/**
 * The reference's composable proxy helpers on the kit's hand-over: pure header handling with
 * constructed requests, then a custom proxy built on `authkit()` against the emulator, checked
 * from the render's side (the forwarded values still verify, planted ones never arrive).
 */
import { NextRequest, NextResponse } from 'next/server';
import { afterEach, describe, expect, it, vi } from 'vitest';
vi.mock('next/headers', async () => (await import('../../testing/next-headers.js')).nextHeadersMock);
import { mockRequest } from '../../testing/next-headers.js';
import { withAuth } from '../auth/with-auth.js';
import { readForwardedContext } from '../session/forwarded.js';
import { emulatorSuite } from '../../../test/support/emulator-suite.js';
import { forwardedHeaders, TestBrowser } from '../../../test/support/http.js';
import { mintSession } from '../../../test/support/sessions.js';
import {
  AUTHKIT_REQUEST_HEADERS, applyResponseHeaders, handleAuthkitHeaders, handleAuthkitProxy, isAuthkitRequestHeader, partitionAuthkitHeaders,
} from './authkit-headers.js';
import { authkit } from './authkit.js';
import { sessionRoot } from '../root/current-root.js';

const suite = emulatorSuite();
afterEach(() => vi.useRealTimers());

const ORIGIN = 'http://localhost:3000';
const request = (path = '/', init: { method?: string; headers?: Record<string, string> } = {}) =>
  new NextRequest(new URL(path, ORIGIN), { method: init.method ?? 'GET', headers: { accept: 'text/html', ...init.headers } });

describe('the request-header names', () => {
  it('lists the signed hand-over headers and recognises every reserved prefix, in any case', () => {
    expect(AUTHKIT_REQUEST_HEADERS).toEqual(['x-authkit-url', 'x-authkit-redirect-uri', 'x-authkit-sign-up-paths', 'x-authkit-signature']);
    for (const name of [...AUTHKIT_REQUEST_HEADERS, 'x-authkit-session', 'X-AuthKit-Anything', 'x-workos-session', 'X-WorkOS-Middleware']) expect(isAuthkitRequestHeader(name)).toBe(true);
    for (const name of ['x-url', 'cookie', 'authorization', 'x-authkits']) expect(isAuthkitRequestHeader(name)).toBe(false);
  });
});

describe('partitionAuthkitHeaders / applyResponseHeaders (constructed headers)', () => {
  it('without a hand-over, the render gets the request headers minus planted reserved ones', () => {
    const planted = request('/', { headers: { 'x-authkit-session': 'planted', 'x-workos-session': 'planted', 'x-trace': '1' } });
    const { requestHeaders } = partitionAuthkitHeaders(planted, new Headers());
    expect([...requestHeaders.keys()].sort()).toEqual(['accept', 'x-trace']);
  });

  it('passes only allow-listed response headers, appending Set-Cookie and adding no-store with cookies', () => {
    const headers = new Headers([
      ['set-cookie', 'a=1; Path=/'], ['set-cookie', 'b=2; Path=/'], ['vary', 'Cookie'], ['x-middleware-request-x-authkit-session', 'sealed'],
      ['x-authkit-session', 'sealed'], ['x-powered-by', 'me'], ['link', '</a>; rel=preload'], ['www-authenticate', 'Bearer'],
    ]);
    const { responseHeaders } = partitionAuthkitHeaders(request(), headers);
    expect(responseHeaders.getSetCookie()).toEqual(['a=1; Path=/', 'b=2; Path=/']);
    expect([...new Set(responseHeaders.keys())].sort()).toEqual(['cache-control', 'link', 'set-cookie', 'vary', 'www-authenticate']);
    expect(responseHeaders.get('cache-control')).toBe('no-store');
  });

  it('applyResponseHeaders merges Vary, appends cookies and returns the same response', () => {
    const response = NextResponse.next({ headers: { vary: 'Accept-Encoding, Cookie', 'set-cookie': 'own=1' } });
    const result = applyResponseHeaders(response, new Headers([['vary', 'Cookie, Authorization'], ['set-cookie', 'wos-session=x'], ['cache-control', 'private, no-store']]));
    expect(result).toBe(response);
    expect(response.headers.get('vary')).toBe('Accept-Encoding, Cookie, Authorization');
    expect(response.headers.getSetCookie()).toEqual(['own=1', 'wos-session=x']);
    expect(response.headers.get('cache-control')).toBe('private, no-store');
  });
});

describe('handleAuthkitProxy: redirects (constructed headers)', () => {
  const cookies = new Headers([['set-cookie', 'wos-session=; Max-Age=0'], ['x-middleware-request-x-authkit-session', 'sealed']]);

  it('resolves a relative path, 307 for GET and HEAD, 303 for other methods, or the given status', () => {
    const get = handleAuthkitProxy(request('/old-path'), cookies, { redirect: '/new-path' });
    expect([get.status, get.headers.get('location')]).toEqual([307, `${ORIGIN}/new-path`]);
    expect(handleAuthkitProxy(request('/', { method: 'HEAD' }), cookies, { redirect: '/x' }).status).toBe(307);
    expect(handleAuthkitProxy(request('/', { method: 'POST' }), cookies, { redirect: '/x' }).status).toBe(303);
    expect(handleAuthkitProxy(request('/'), cookies, { redirect: new URL('https://example.com/a'), redirectStatus: 302 }).status).toBe(302);
  });

  it('keeps the cookies and never sends the hand-over to the browser', () => {
    const response = handleAuthkitProxy(request('/'), cookies, { redirect: '/login' });
    expect(response.headers.getSetCookie()).toEqual(['wos-session=; Max-Age=0']);
    expect([...response.headers.keys()].filter((name) => name.includes('authkit'))).toEqual([]);
  });

  it('refuses an unparsable or non-http(s) redirect with a clear error', () => {
    expect(() => handleAuthkitProxy(request('/'), cookies, { redirect: 'http://[bad' })).toThrow(TypeError);
    expect(() => handleAuthkitProxy(request('/'), cookies, { redirect: 'http://[bad' })).toThrow('Invalid redirect URL: "http://[bad"');
    expect(() => handleAuthkitProxy(request('/'), cookies, { redirect: 'javascript:alert(1)' })).toThrow(/Only http\(s\) URLs/);
  });

  it('continues when redirect is empty, and handleAuthkitHeaders is the same function', () => {
    expect(handleAuthkitProxy(request('/'), cookies, { redirect: '' }).headers.get('x-middleware-next')).toBe('1');
    expect(handleAuthkitHeaders).toBe(handleAuthkitProxy);
  });
});

describe('a custom proxy on authkit() (emulator)', () => {
  async function signedIn(path: string, input = {}, headers: Record<string, string> = {}) {
    const { sealed } = await mintSession(suite.emulator, input);
    const browser = new TestBrowser();
    browser.jar.set('wos-session', sealed);
    return { sealed, browser, request: browser.request(path, { headers }) };
  }

  /** The render of the request `response` forwards, as Next would run it. */
  async function renderAfter(response: Response, browser: TestBrowser) {
    browser.receive(response);
    mockRequest.reset({ cookies: Object.fromEntries(browser.jar), headers: Object.fromEntries(forwardedHeaders(response)), readOnly: true });
    return withAuth();
  }

  it('hands the verified session to the render, and a planted x-authkit-session never arrives', async () => {
    const { sealed: bobs } = await mintSession(suite.emulator, { email: 'bob@example.com' });
    const { sealed, browser, request: incoming } = await signedIn('/app/settings?tab=1', {}, { 'x-authkit-session': bobs, 'x-workos-session': bobs });
    const { headers } = await authkit(incoming);
    const response = handleAuthkitHeaders(incoming, headers);
    const forwarded = forwardedHeaders(response);
    expect(await readForwardedContext(sessionRoot(), forwarded)).toMatchObject({ session: sealed, path: '/app/settings?tab=1' });
    expect(forwarded.get('x-workos-session')).toBeNull();
    expect(response.headers.get('vary')).toBe('Cookie');
    expect((await renderAfter(response, browser)).user?.email).toBe('alice@example.com');
  });

  it('forwards exactly what NextResponse.next({ headers }) forwards', async () => {
    const { request: incoming } = await signedIn('/app', {}, { 'x-trace': 'abc' });
    const { headers } = await authkit(incoming, { redirectUri: 'http://localhost:3000/callback', signUpPaths: ['/join'] });
    const viaHelper = forwardedHeaders(handleAuthkitProxy(incoming, headers));
    const viaNext = forwardedHeaders(NextResponse.next({ headers }));
    expect([...viaHelper].sort()).toEqual([...viaNext].sort());
    expect(viaHelper.get('x-trace')).toBe('abc');
  });

  it('after a refresh, sets the new cookie and hands the render the new session', async () => {
    vi.useFakeTimers({ toFake: ['Date'] });
    const { sealed, browser, request: incoming } = await signedIn('/app', { expires_in: 60 });
    vi.setSystemTime(Date.now() + 120_000);
    const { headers, session } = await authkit(incoming);
    const response = handleAuthkitHeaders(incoming, headers);
    const written = response.headers.getSetCookie().find((cookie) => cookie.startsWith('wos-session='));
    expect(written).toBeDefined();
    const current = (await readForwardedContext(sessionRoot(), forwardedHeaders(response)))?.session;
    expect(current).toBeTruthy();
    expect(current).not.toBe(sealed);
    expect(forwardedHeaders(response).get('cookie')).toContain(`wos-session=${encodeURIComponent(current!)}`);
    expect((await renderAfter(response, browser)).accessToken).toBe(session.accessToken);
  });

  it("the README's composable proxy: a signed-out /app goes to sign-in with this path to return to", async () => {
    const incoming = new TestBrowser().request('/app/reports');
    const { session, headers, authorizationUrl } = await authkit(incoming);
    expect(session.user).toBeNull();
    const response = handleAuthkitHeaders(incoming, headers, { redirect: authorizationUrl });
    expect(response.status).toBe(307);
    expect(response.headers.get('location')).toBe(`${ORIGIN}/callback?return_to=%2Fapp%2Freports`);
  });

  it('partition + rewrite keeps the hand-over for the rewritten render', async () => {
    const { sealed, browser, request: incoming } = await signedIn('/');
    const { headers } = await authkit(incoming);
    const { requestHeaders, responseHeaders } = partitionAuthkitHeaders(incoming, headers);
    const response = applyResponseHeaders(NextResponse.rewrite(new URL('/app/dashboard', incoming.url), { request: { headers: requestHeaders } }), responseHeaders);
    expect(response.headers.get('x-middleware-rewrite')).toBe(`${ORIGIN}/app/dashboard`);
    expect((await readForwardedContext(sessionRoot(), forwardedHeaders(response)))?.session).toBe(sealed);
    expect((await renderAfter(response, browser)).user?.email).toBe('alice@example.com');
  });
});
