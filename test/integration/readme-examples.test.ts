/**
 * The reference README's server-side examples, as written (./readme/*), with only the import path
 * changed to `authkit-rsc`, run against the emulator. `authkit-rsc` is mapped to the source here
 * so the suite needs no build.
 */
import { isValidElement, type ReactElement, type ReactNode } from 'react';
import { describe, expect, it, vi } from 'vitest';
vi.mock('authkit-rsc', () => import('../../src/server/index.js'));
vi.mock('next/headers', () => import('../support/next-headers.js'));
import { nextRequest } from '../support/next-headers.js';
import { signInThroughHostedPage } from '../support/hosted-sign-in.js';
import { readSession } from '../../src/server/session/read-session.js';
import { emulatorSuite } from '../../src/server/test-support/emulator-suite.js';
import { forwardedHeaders, redirectOf, TestBrowser } from '../../src/server/test-support/http.js';
import { afterProxy } from '../../src/server/test-support/render.js';
import { mintSession } from '../../src/server/test-support/sessions.js';
import HomePage, { AccountPage, TokenPage } from './readme/home-page.js';
import middleware, * as examples from './readme/middleware.js';

const suite = emulatorSuite();

type Props = { href?: string; children?: ReactNode; action?: () => Promise<void> };
const childrenOf = (element: ReactElement<Props>) => [element.props.children].flat() as ReactElement<Props>[];

async function signedIn(path = '/', input = {}) {
  const browser = new TestBrowser();
  browser.jar.set('wos-session', (await mintSession(suite.emulator, input)).sealed);
  await afterProxy(browser, path, { readOnly: true });
  return browser;
}

describe('README: server components', () => {
  it('HomePage shows sign-in and sign-up links when signed out, without writing cookies', async () => {
    await afterProxy(new TestBrowser(), '/', { readOnly: true });
    const links = childrenOf((await HomePage()) as ReactElement<Props>);
    expect(links.map((link) => new URL(link.props.href!).searchParams.get('screen_hint'))).toEqual(['sign-in', 'sign-up']);
    expect(links.map((link) => link.props.children)).toEqual(['Log in', 'Sign Up']);
    expect(nextRequest.cookieWrites).toEqual([]);
  });

  it('HomePage greets a signed-in user, and its sign-out form action signs out', async () => {
    await signedIn();
    const form = (await HomePage()) as ReactElement<Props>;
    const [greeting] = childrenOf(form);
    expect(isValidElement(greeting) && [greeting.props.children].flat().join('')).toBe('Welcome back , Alice');
    nextRequest.readOnly = false; // the action runs as a server action
    const { url } = await redirectOf(() => form.props.action!());
    expect(url).toContain('/user_management/sessions/logout?session_id=session_');
    expect(nextRequest.cookie('wos-session')).toBeUndefined();
  });

  it('withAuth({ ensureSignedIn: true }) redirects a signed-out visitor, in a render', async () => {
    await afterProxy(new TestBrowser(), '/account', { readOnly: true });
    expect((await redirectOf(() => AccountPage())).url).toBe('http://localhost:3000/callback?return_to=%2Faccount');
  });

  it('withAuth() gives the access token', async () => {
    await signedIn();
    const element = (await TokenPage()) as ReactElement<Props>;
    expect(element.props.children).toBeGreaterThan(100);
  });
});

describe('README: callback route', () => {
  async function complete(GET: (request: never) => Promise<Response>) {
    const browser = new TestBrowser();
    const start = browser.receive(await GET(browser.request('/callback') as never));
    const back = await signInThroughHostedPage(start.headers.get('location')!, 'alice@example.com');
    const done = browser.receive(await GET(browser.request(`${back.pathname}${back.search}`) as never));
    expect((await readSession(browser.jar.get('wos-session'))).status).toBe('signed-in');
    return done.headers.get('location');
  }

  it('handleAuth(), handleAuth({ returnPathname }), handleAuth({ onSuccess })', async () => {
    expect(await complete(examples.callbackDefault)).toBe('http://localhost:3000/');
    expect(await complete(examples.callbackDashboard)).toBe('http://localhost:3000/dashboard');
    await complete(examples.callbackOnSuccess);
    expect(examples.savedTokens).toHaveLength(1);
  });
});

describe('README: middleware', () => {
  it('every documented configuration runs', async () => {
    vi.spyOn(console, 'log').mockImplementation(() => {});
    const browser = new TestBrowser();
    for (const proxy of [examples.basic, examples.signUpPaths, examples.debug, examples.dynamicRedirect]) {
      expect((await proxy(browser.request('/'))).headers.get('x-middleware-next')).toBe('1');
    }
    expect((await examples.middlewareAuth(browser.request('/about'))).headers.get('x-middleware-next')).toBe('1');
    expect((await examples.middlewareAuth(browser.request('/admin'))).status).toBe(307);
  });

  it('the custom middleware with authkit() redirects signed-out /account and forwards the session elsewhere', async () => {
    vi.spyOn(console, 'log').mockImplementation(() => {});
    const anonymous = new TestBrowser();
    const redirect = await middleware(anonymous.request('/account'));
    expect(redirect.status).toBe(307);
    expect(redirect.headers.get('location')).toBe('http://localhost:3000/callback?return_to=%2Faccount');

    const browser = await signedIn();
    const response = await middleware(browser.request('/account'));
    expect(response.headers.get('x-middleware-next')).toBe('1');
    nextRequest.reset({ cookies: Object.fromEntries(browser.jar), headers: Object.fromEntries(forwardedHeaders(response)), readOnly: true });
    const auth = await (await import('authkit-rsc')).withAuth();
    expect(auth.user?.email).toBe('alice@example.com');
  });
});
