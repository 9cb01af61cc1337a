/**
 * The example app's copies of the reference README's proxy/middleware and callback variants
 * (`example/snippets/*`: an app has one live proxy and one callback route, so the others live
 * there), imported the way the app imports them, through the package name and its built `dist`,
 * and each run with a real `NextRequest` against the emulator. What every option means is tested
 * in depth by readme-examples.test.ts and the server suites; this proves the example's own files
 * are wired to the package and behave as their README section says.
 */
import { NextRequest } from 'next/server';
import { describe, expect, it, vi } from 'vitest';
// validateApiKey reads the request's headers through next/headers.
vi.mock('next/headers', async () => (await import('../../src/testing/next-headers.js')).nextHeadersMock);
import { mockRequest } from '../../src/testing/next-headers.js';
import { emulatorSuite } from '../support/emulator-suite.js';
import { signInThroughHostedPage } from '../support/hosted-sign-in.js';

const ORIGIN = 'http://localhost:3000';
type Proxy = (request: NextRequest) => Promise<Response>;
type Snippet = { default: Proxy; config?: { matcher: string[] } };

emulatorSuite();

/** A document navigation, as a browser sends it. */
function navigation(path: string, cookie?: string): NextRequest {
  const headers = new Headers({ accept: 'text/html', 'sec-fetch-dest': 'document' });
  if (cookie) headers.set('cookie', cookie);
  return new NextRequest(new URL(path, ORIGIN), { headers });
}

/** The request headers a `NextResponse.next(...)` hands to the render. */
function forwarded(response: Response, name: string): string | null {
  return response.headers.get(`x-middleware-request-${name}`);
}

// A template path: Vite resolves it at run time, and the repo's NodeNext type-check stays out of
// the example's files (they are type-checked by the app's own build, with the bundler's resolution).
const load = <T = Snippet>(name: string) => import(`../../example/snippets/${name}.ts`) as Promise<T>;
const quietly = () => vi.spyOn(console, 'log').mockImplementation(() => {});

describe('example/snippets: proxy and middleware variants', () => {
  it.each([
    ['middleware-basic', ['/', '/admin']],
    ['middleware-redirect-uri', ['/', '/admin']],
    ['middleware-auth', ['/', '/admin/:path*', '/about']],
    ['custom-middleware', ['/', '/account/:path*']],
    ['composable-proxy', ['/', '/app/:path*']],
  ])('%s exports its matcher', async (name, matcher) => {
    expect((await load(name)).config?.matcher).toEqual(matcher);
  });

  it('authkitMiddleware() passes a signed-out visitor through with the session hand-over', async () => {
    const response = await (await load('middleware-basic')).default(navigation('/admin'));
    expect(response.headers.get('x-middleware-next')).toBe('1');
    expect(forwarded(response, 'x-authkit-url')).toBe('/admin');
  });

  it('redirectUri is handed to the render, so sign-in URLs use it', async () => {
    const response = await (await load('middleware-redirect-uri')).default(navigation('/'));
    expect(forwarded(response, 'x-authkit-redirect-uri')).toBe('https://foo.example.com/callback');
  });

  it('middlewareAuth keeps / and /about public and sends /admin to sign in', async () => {
    const proxy = (await load('middleware-auth')).default;
    expect((await proxy(navigation('/about'))).headers.get('x-middleware-next')).toBe('1');
    const redirect = await proxy(navigation('/admin'));
    expect(redirect.status).toBe(307);
    expect(redirect.headers.get('location')).toBe(`${ORIGIN}/callback?return_to=%2Fadmin`);
  });

  it('signUpPaths is handed to the render (its sign-in redirects use the sign-up screen)', async () => {
    const response = await (await load('middleware-sign-up-paths')).default(navigation('/dashboard/reports'));
    expect(JSON.parse(forwarded(response, 'x-authkit-sign-up-paths')!)).toEqual(['/account/sign-up', '/dashboard/:path*']);
  });

  it('debug: true logs the decisions', async () => {
    const log = quietly();
    await (await load('middleware-debug')).default(navigation('/'));
    expect(log.mock.calls.flat().join('\n')).toMatch(/\[authkit-rsc\] .*signed out/);
    log.mockRestore();
  });

  it('the custom authkit() middleware redirects a signed-out /account and lets / through', async () => {
    const log = quietly();
    const middleware = (await load('custom-middleware')).default;
    const redirect = await middleware(navigation('/account/settings'));
    expect(redirect.status).toBe(307);
    expect(redirect.headers.get('location')).toBe(`${ORIGIN}/callback?return_to=%2Faccount%2Fsettings`);
    expect(log).toHaveBeenCalledWith('No session on protected path');
    expect((await middleware(navigation('/'))).headers.get('x-middleware-next')).toBe('1');
    log.mockRestore();
  });
});

describe('example/snippets: the composable proxy helpers (README 4.3.2)', () => {
  it('handleAuthkitHeaders: a signed-out /app goes to sign-in, /old-path to /new-path, the rest continues with the hand-over', async () => {
    const proxy = (await load('composable-proxy')).default;
    const protectedPage = await proxy(navigation('/app/reports'));
    expect([protectedPage.status, protectedPage.headers.get('location')]).toEqual([307, `${ORIGIN}/callback?return_to=%2Fapp%2Freports`]);
    const moved = await proxy(navigation('/old-path'));
    expect([moved.status, moved.headers.get('location')]).toEqual([307, `${ORIGIN}/new-path`]);
    const home = await proxy(navigation('/'));
    expect(home.headers.get('x-middleware-next')).toBe('1');
    expect(forwarded(home, 'x-authkit-url')).toBe('/');
    expect([...home.headers.keys()].filter((name) => name.startsWith('x-authkit'))).toEqual([]);
  });

  it('partitionAuthkitHeaders + applyResponseHeaders: the rewrite carries the hand-over to the rewritten page', async () => {
    const proxy = (await load('composable-proxy-rewrite')).default;
    const response = await proxy(navigation('/'));
    expect(response.headers.get('x-middleware-rewrite')).toBe(`${ORIGIN}/app/dashboard`);
    expect(forwarded(response, 'x-authkit-url')).toBe('/');
    expect(forwarded(response, 'x-authkit-signature')).toMatch(/^[0-9a-f]{64}$/);
    expect(forwarded(response, 'cookie')).toBeNull();
  });
});

describe('example/snippets: validateApiKey (README 4.3.2)', () => {
  it('the API route answers 200 for a live API key and 401 without one or for an unknown one', async () => {
    const { GET } = await load<{ GET: () => Promise<Response> }>('api-key-route');
    for (const [authorization, status] of [['Bearer sk_acme_emulator', 200], [undefined, 401], ['Bearer sk_unknown', 401]] as const) {
      mockRequest.reset({ headers: authorization ? { authorization } : {} });
      const response = await GET();
      expect(response.status, String(authorization)).toBe(status);
    }
  });
});

describe('example/snippets: callback variants', () => {
  /** Start sign-in on the route, pick alice on the hosted page, finish on the route: the final redirect. */
  async function signInThrough(GET: Proxy): Promise<Response> {
    const start = await GET(navigation('/callback'));
    const flowCookie = start.headers.getSetCookie().map((cookie) => cookie.split(';')[0]).join('; ');
    const back = await signInThroughHostedPage(start.headers.get('location')!, 'alice@example.com', { organizationId: 'org_acme' });
    return GET(navigation(`${back.pathname}${back.search}`, flowCookie));
  }

  it("handleAuth({ returnPathname: '/dashboard' }) lands on /dashboard", async () => {
    const { GET } = await load<{ GET: Proxy }>('callback-return-pathname');
    const done = await signInThrough(GET);
    expect(done.headers.get('location')).toBe(`${ORIGIN}/dashboard`);
    expect(done.headers.getSetCookie().some((cookie) => cookie.startsWith('wos-session='))).toBe(true);
  });

  it('handleAuth({ onSuccess }) hands the OAuth tokens to saveTokens', async () => {
    const snippet = await load<{ GET: Proxy; savedTokens: unknown[] }>('callback-on-success');
    const done = await signInThrough(snippet.GET);
    expect(done.headers.get('location')).toBe(`${ORIGIN}/`);
    expect(snippet.savedTokens).toHaveLength(1);
  });
});
