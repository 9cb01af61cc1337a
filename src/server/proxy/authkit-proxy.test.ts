/**
 * The proxy against the emulator with real NextRequest/NextResponse objects: forwarding, cache
 * headers, protected-by-default mode, refresh (proactive, single-flight, outage, rejection) and
 * hostile input.
 */
import { sealData } from 'iron-session';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { TEST_COOKIE_PASSWORD } from '../../../test/support/env.js';
import { FORWARDED_HEADERS } from '../../shared/constants.js';
import { readForwardedContext } from '../session/forwarded.js';
import { readSession } from '../session/read-session.js';
import { emulatorSuite } from '../../../test/support/emulator-suite.js';
import { forwardedHeaders, TestBrowser } from '../../../test/support/http.js';
import { mintSession } from '../../../test/support/sessions.js';
import { authkitMiddleware, authkitProxy } from './authkit-proxy.js';
import { sessionRoot } from '../root/current-root.js';

const AUTHENTICATE = 'POST /user_management/authenticate';
const suite = emulatorSuite();
afterEach(() => vi.restoreAllMocks());

async function signedInBrowser(input = {}): Promise<{ browser: TestBrowser; sealed: string }> {
  const { sealed } = await mintSession(suite.emulator, input);
  const browser = new TestBrowser();
  browser.jar.set('wos-session', sealed);
  return { browser, sealed };
}

async function expiredBrowser(input = {}) {
  vi.useFakeTimers({ toFake: ['Date'] });
  const result = await signedInBrowser({ expires_in: 60, ...input });
  vi.setSystemTime(Date.now() + 120_000);
  return result;
}

describe('authkitProxy: forwarding', () => {
  it('forwards a signed-in session to the render, signed, with private cache headers (README: authkitMiddleware())', async () => {
    const { browser, sealed } = await signedInBrowser();
    const response = await authkitMiddleware()(browser.request('/dashboard?tab=1'));
    expect(response.headers.get('x-middleware-next')).toBe('1');
    const forwarded = forwardedHeaders(response);
    expect(await readForwardedContext(sessionRoot(), forwarded)).toMatchObject({ session: sealed, path: '/dashboard?tab=1' });
    expect(response.headers.get('vary')).toBe('Cookie');
    expect(response.headers.get('cache-control')).toBe('private, no-store');
    expect(response.headers.getSetCookie()).toEqual([]);
  });

  it('hands over an empty session when signed out, and leaves caching alone', async () => {
    const response = await authkitProxy()(new TestBrowser().request('/'));
    expect(await readForwardedContext(sessionRoot(), forwardedHeaders(response))).toMatchObject({ session: '', path: '/' });
    expect(response.headers.get('cache-control')).toBeNull();
  });

  it('strips spoofed x-authkit-* and x-workos-* headers, so a planted session or URL never reaches the render', async () => {
    const { sealed: victim } = await mintSession(suite.emulator, { email: 'bob@example.com' });
    const request = new TestBrowser().request('/', {
      headers: {
        'x-authkit-session': victim,
        'x-authkit-url': '//evil.com',
        'x-authkit-redirect-uri': 'https://evil.com/callback',
        'x-authkit-signature': 'f'.repeat(64),
        'x-workos-session': victim,
        'x-workos-middleware': 'true',
      },
    });
    const forwarded = forwardedHeaders(await authkitProxy()(request));
    expect(forwarded.get('x-workos-session')).toBeNull();
    expect(forwarded.get('x-workos-middleware')).toBeNull();
    expect(forwarded.get(FORWARDED_HEADERS.redirectUri)).toBeNull();
    expect(await readForwardedContext(sessionRoot(), forwarded)).toEqual({ session: '', path: '/', redirectUri: undefined, signUpPaths: undefined });
  });

  it('forwards redirectUri and signUpPaths when configured, and uses the sign-up screen on those paths', async () => {
    const proxy = authkitProxy({
      redirectUri: 'http://localhost:3000/auth/callback',
      signUpPaths: ['/join/:path*'],
      middlewareAuth: { enabled: true, unauthenticatedPaths: [] },
    });
    const response = await proxy(new TestBrowser().request('/join/team'));
    const location = new URL(response.headers.get('location')!);
    expect(location.pathname).toBe('/auth/callback');
    expect(Object.fromEntries(location.searchParams)).toEqual({ screen_hint: 'sign-up', return_to: '/join/team' });
  });
});

describe('authkitProxy: middlewareAuth', () => {
  const paths = Object.freeze(['/', '/about', '/blog/:path*']);
  const proxy = authkitProxy({ middlewareAuth: { enabled: true, unauthenticatedPaths: paths as string[] } });

  it('redirects a signed-out document request to the auth route with return_to', async () => {
    const response = await proxy(new TestBrowser().request('/admin/users?page=2'));
    expect(response.status).toBe(307);
    expect(response.headers.get('location')).toBe('http://localhost:3000/callback?return_to=%2Fadmin%2Fusers%3Fpage%3D2');
  });

  it('redirects a form posted without JavaScript with 303, so the browser follows with a GET', async () => {
    const response = await proxy(new TestBrowser().request('/admin', { method: 'POST', headers: { 'content-type': 'multipart/form-data; boundary=x' } }));
    expect(response.status).toBe(303);
  });

  it.each(['/', '/about', '/blog', '/blog/2024/hello', '/callback'])('lets %s through signed out', async (path) => {
    const response = await proxy(new TestBrowser().request(path));
    expect(response.headers.get('x-middleware-next')).toBe('1');
  });

  it.each([
    ['a Server Action', { method: 'POST', headers: { 'next-action': 'abc123', accept: 'text/x-component', 'sec-fetch-dest': 'empty' } }],
    ['an RSC request', { headers: { rsc: '1', accept: 'text/x-component', 'sec-fetch-dest': 'empty' } }],
    ['a prefetch', { headers: { 'next-router-prefetch': '1', rsc: '1', 'sec-fetch-dest': 'empty' } }],
    ['a POST', { method: 'POST', headers: { accept: 'application/json', 'sec-fetch-dest': 'empty' } }],
    ['an API fetch', { headers: { accept: 'application/json', 'sec-fetch-dest': 'empty' } }],
  ])('answers %s signed out with 401 JSON instead of a cross-origin redirect', async (_label, init) => {
    const response = await proxy(new TestBrowser().request('/admin?_rsc=x1', init));
    expect(response.status).toBe(401);
    expect(await response.json()).toEqual({ error: 'unauthorized', signInUrl: 'http://localhost:3000/callback?return_to=%2Fadmin' });
    expect(response.headers.get('cache-control')).toBe('private, no-store');
  });

  it('lets a signed-in user through', async () => {
    const { browser } = await signedInBrowser();
    expect((await proxy(browser.request('/admin'))).headers.get('x-middleware-next')).toBe('1');
  });

  it('never mutates the configuration', () => {
    const config = { enabled: true, unauthenticatedPaths: ['/'] };
    authkitProxy({ middlewareAuth: config });
    expect(config).toEqual({ enabled: true, unauthenticatedPaths: ['/'] });
  });

  it('rejects an invalid pattern when the proxy is created, naming the option', () => {
    expect(() => authkitProxy({ middlewareAuth: { enabled: true, unauthenticatedPaths: ['/blog/(unclosed'] } })).toThrow(
      /middlewareAuth\.unauthenticatedPaths: "\/blog\/\(unclosed" is not a valid Next\.js matcher/,
    );
    expect(() => authkitProxy({ signUpPaths: ['no-slash'] })).toThrow(/signUpPaths/);
  });
});

describe('authkitProxy: refresh', () => {
  it('refreshes an expired token, writes the cookie and forwards the new session', async () => {
    const { browser, sealed } = await expiredBrowser();
    const onSessionRefreshSuccess = vi.fn(async () => {});
    const response = browser.receive(await authkitProxy({ onSessionRefreshSuccess })(browser.request('/dashboard')));
    const fresh = browser.jar.get('wos-session')!;
    expect(fresh).not.toBe(sealed);
    expect((await readForwardedContext(sessionRoot(), forwardedHeaders(response)))?.session).toBe(fresh);
    expect(forwardedHeaders(response).get('cookie')).toContain('wos-session=');
    expect(onSessionRefreshSuccess).toHaveBeenCalledWith(expect.objectContaining({ user: expect.objectContaining({ id: 'user_alice' }), accessToken: expect.any(String) }));
    expect(response.headers.get('cache-control')).toBe('private, no-store');
  });

  it('sends 20 concurrent requests carrying one expired session to WorkOS once, and all get the new cookie', async () => {
    const { browser } = await expiredBrowser();
    suite.emulator.control.resetCounters();
    const proxy = authkitProxy();
    const responses = await Promise.all(Array.from({ length: 20 }, (_, i) => proxy(browser.request(`/page/${i}`))));
    expect(suite.emulator.control.counters()[AUTHENTICATE]).toBe(1);
    const cookies = new Set(responses.map((response) => response.headers.getSetCookie().find((c) => c.startsWith('wos-session='))));
    expect(cookies.size).toBe(1);
    expect([...cookies][0]).toMatch(/^wos-session=Fe26/);
  });

  it('refreshes proactively inside the buffer, and not when refreshBufferSeconds is 0', async () => {
    vi.useFakeTimers({ toFake: ['Date'] });
    const { browser, sealed } = await signedInBrowser({ expires_in: 300 });
    vi.setSystemTime(Date.now() + 280_000); // 20 s left: inside the 30 s default for 5-minute tokens
    expect((await authkitProxy({ refreshBufferSeconds: 0 })(browser.request('/'))).headers.getSetCookie()).toEqual([]);
    browser.receive(await authkitProxy()(browser.request('/')));
    expect(browser.jar.get('wos-session')).not.toBe(sealed);
    expect(suite.emulator.control.counters()[AUTHENTICATE]).toBe(1);
  });

  it('keeps the user signed in through an emulator outage: served stale, cookie kept, a retry marker set, refreshed once WorkOS is back', async () => {
    const { browser, sealed } = await expiredBrowser();
    suite.emulator.control.injectFault({ endpoint: AUTHENTICATE, status: 503, retry_after: 0, times: 4 });
    const onSessionRefreshError = vi.fn();
    const proxy = authkitProxy({ onSessionRefreshError, middlewareAuth: { enabled: true, unauthenticatedPaths: [] } });
    const response = browser.receive(await proxy(browser.request('/dashboard')));
    expect(response.status).toBe(200);
    expect(browser.jar.get('wos-session')).toBe(sealed);
    expect(browser.jar.has('wos-session-retry')).toBe(true);
    expect((await readForwardedContext(sessionRoot(), forwardedHeaders(response)))?.session).toBe(sealed); // the render serves it stale
    expect(onSessionRefreshError).toHaveBeenCalledWith(expect.objectContaining({ isTransient: true, request: expect.any(Request) }));
    // WorkOS is back; after the 5 s backoff the next request refreshes: the user was never signed out.
    vi.setSystemTime(Date.now() + 6_000);
    browser.jar.delete('wos-session-retry'); // its Max-Age has passed
    browser.receive(await proxy(browser.request('/dashboard')));
    expect((await readSession(sessionRoot(), browser.jar.get('wos-session'))).status).toBe('signed-in');
  });

  it('past the outage grace period: a protected page gets 503 + Retry-After, a fetch 503 JSON, a public page and an app without middlewareAuth go on', async () => {
    process.env.WORKOS_OUTAGE_GRACE_SECONDS = '30'; // the token expired 60 s ago
    try {
      const { browser } = await expiredBrowser();
      suite.emulator.control.injectFault({ endpoint: AUTHENTICATE, status: 429, retry_after: 0, times: 1000 });
      const protect = authkitProxy({ middlewareAuth: { enabled: true, unauthenticatedPaths: ['/'] } });
      const page = browser.receive(await protect(browser.request('/dashboard')));
      expect(page.status).toBe(503);
      expect(page.headers.get('retry-after')).toBe('5');
      const fetched = await protect(browser.request('/api/data', { headers: { accept: 'application/json', 'sec-fetch-dest': 'empty' } }));
      expect(fetched.status).toBe(503);
      expect(await fetched.json()).toMatchObject({ error: 'session_unavailable' });
      expect((await protect(browser.request('/'))).status).toBe(200);
      expect((await authkitProxy()(browser.request('/dashboard'))).status).toBe(200);
    } finally {
      delete process.env.WORKOS_OUTAGE_GRACE_SECONDS;
    }
  });

  it('clears the cookie and signs out when WorkOS rejects the refresh', async () => {
    const { browser } = await expiredBrowser();
    suite.emulator.control.reset(); // the session is gone at WorkOS: invalid_grant
    const onSessionRefreshError = vi.fn();
    const response = browser.receive(await authkitProxy({ onSessionRefreshError, middlewareAuth: { enabled: true, unauthenticatedPaths: [] } })(browser.request('/dashboard')));
    expect(response.status).toBe(307);
    expect(browser.jar.has('wos-session')).toBe(false);
    expect(onSessionRefreshError).toHaveBeenCalledWith(expect.objectContaining({ isTransient: false }));
  });

  it('logs and survives callbacks that throw', async () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    const { browser } = await expiredBrowser();
    const proxy = authkitProxy({ onSessionRefreshSuccess: () => { throw new Error('hook failed'); } });
    const response = await proxy(browser.request('/'));
    expect(response.headers.get('x-middleware-next')).toBe('1');
    expect(warn).toHaveBeenCalledWith(expect.stringContaining('onSessionRefreshSuccess threw'));
  });
});

describe('authkitProxy: cookie compatibility', () => {
  it('reads a cookie sealed the way @workos-inc/authkit-nextjs seals it', async () => {
    const { session } = await mintSession(suite.emulator);
    const browser = new TestBrowser();
    browser.jar.set('wos-session', await sealData({ ...session }, { password: TEST_COOKIE_PASSWORD, ttl: 0 }));
    const response = await authkitProxy()(browser.request('/'));
    expect((await readForwardedContext(sessionRoot(), forwardedHeaders(response)))?.session).toBe(browser.jar.get('wos-session'));
    expect(response.headers.get('vary')).toBe('Cookie');
  });

  it('still reads cookies sealed before a password rotation, and seals refreshed ones with the new password', async () => {
    vi.useFakeTimers({ toFake: ['Date'] });
    const { browser, sealed } = await signedInBrowser({ expires_in: 60 });
    const previous = process.env.WORKOS_COOKIE_PASSWORD!;
    process.env.WORKOS_COOKIE_PASSWORD = 'a-brand-new-cookie-password-0123456789abcdef';
    process.env.WORKOS_COOKIE_PASSWORD_PREVIOUS = previous;
    try {
      expect((await readSession(sessionRoot(), sealed)).status).toBe('signed-in');
      vi.setSystemTime(Date.now() + 120_000);
      browser.receive(await authkitProxy()(browser.request('/')));
      delete process.env.WORKOS_COOKIE_PASSWORD_PREVIOUS; // the old password retired
      expect((await readSession(sessionRoot(), browser.jar.get('wos-session'))).status).toBe('signed-in');
      expect((await readSession(sessionRoot(), sealed)).status).toBe('signed-out');
    } finally {
      process.env.WORKOS_COOKIE_PASSWORD = previous;
      delete process.env.WORKOS_COOKIE_PASSWORD_PREVIOUS;
    }
  });

  it('writes a large refreshed session as chunks and reads it back', async () => {
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.spyOn(console, 'warn').mockImplementation(() => {});
    const permissions = Array.from({ length: 250 }, (_, i) => `reports-${i}:export`);
    const { browser } = await signedInBrowser({ expires_in: 60, permissions });
    vi.setSystemTime(Date.now() + 120_000);
    const response = browser.receive(await authkitProxy()(browser.request('/')));
    const names = [...browser.jar.keys()].sort();
    expect(names.length).toBeGreaterThan(1);
    expect(names).toEqual(names.map((_, i) => `wos-session.${i}`)); // chunks only, no base cookie
    const forwarded = await readForwardedContext(sessionRoot(), forwardedHeaders(response));
    const state = await readSession(sessionRoot(), forwarded!.session);
    expect(state.status === 'signed-in' && state.info.permissions).toHaveLength(250);
    // The next request carries the chunks and reads as the same session, without another refresh.
    const next = await authkitProxy()(browser.request('/'));
    expect((await readForwardedContext(sessionRoot(), forwardedHeaders(next)))?.session).toBe(forwarded!.session);
    expect(next.headers.getSetCookie()).toEqual([]);
  });
});

describe('authkitProxy: hostile and odd input', () => {
  it.each([
    ['a tampered cookie', { 'wos-session': 'Fe26.2*1*abc*def*ghi*jkl*mno*pqr~2' }],
    ['garbage', { 'wos-session': '%%%%' }],
    ['orphan chunks', { 'wos-session.1': 'x', 'wos-session.7': 'y' }],
    ['too many chunks', Object.fromEntries(Array.from({ length: 20 }, (_, i) => [`wos-session.${i}`, 'x'.repeat(100)]))],
  ])('clears %s and treats the request as signed out', async (_label, cookies) => {
    const browser = new TestBrowser();
    for (const [name, value] of Object.entries(cookies)) browser.jar.set(name, value);
    const response = browser.receive(await authkitProxy()(browser.request('/')));
    // The forwarded Cookie header no longer holds it, and the signed hand-over agrees.
    expect(await readForwardedContext(sessionRoot(), forwardedHeaders(response))).toMatchObject({ session: '', path: '/' });
    expect([...browser.jar.keys()].filter((name) => name.startsWith('wos-session'))).toEqual([]);
  });

  it('survives an oversized cookie header and odd headers', async () => {
    const request = new TestBrowser().request('/', {
      headers: { cookie: `wos-session=${'A'.repeat(70_000)}`, 'x-authkit-session': '\u00ff'.repeat(10), rsc: 'maybe' },
    });
    const response = await authkitProxy()(request);
    expect(response.status).toBe(200);
  });

  it('logs decisions with debug: true, never a token or cookie value', async () => {
    const log = vi.spyOn(console, 'log').mockImplementation(() => {});
    const { browser, sealed } = await expiredBrowser();
    await authkitProxy({ debug: true })(browser.request('/'));
    const output = log.mock.calls.flat().join('\n');
    expect(output).toContain('refresh');
    expect(output).not.toContain(sealed.slice(10, 40));
    expect(output).not.toMatch(/eyJ[\w-]+\.[\w-]+/); // no JWT
  });

  it('hands the access token to the client on document requests with eagerAuth', async () => {
    const { browser } = await signedInBrowser();
    const response = await authkitProxy({ eagerAuth: true })(browser.request('/'));
    expect(response.headers.getSetCookie().join('\n')).toMatch(/^workos-access-token=eyJ.*; Path=\/; Max-Age=30; SameSite=Lax$/m);
    const rsc = await authkitProxy({ eagerAuth: true })(browser.request('/', { headers: { rsc: '1' } }));
    expect(rsc.headers.getSetCookie()).toEqual([]);
  });
});
