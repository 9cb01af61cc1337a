/**
 * The reference README's server-component examples, as written, with only the import path changed
 * to `authkit-rsc`, run against the emulator: its home page is the example app's `/reference` page
 * (one copy of the snippet), the two short ones live in ./readme/pages.tsx. `authkit-rsc` is mapped
 * to the source here so the suite needs no build. The README's proxy/middleware and callback
 * examples are the example app's `example/snippets/*`, run by readme-snippets.test.ts.
 */
import { isValidElement, type ReactElement, type ReactNode } from 'react';
import { describe, expect, it, vi } from 'vitest';
vi.mock('authkit-rsc', () => import('../../src/server/index.js'));
vi.mock('next/headers', async () => (await import('../../src/testing/next-headers.js')).nextHeadersMock);
import { mockRequest } from '../../src/testing/next-headers.js';
import { emulatorSuite } from '../support/emulator-suite.js';
import { redirectOf, TestBrowser } from '../support/http.js';
import { afterProxy } from '../support/render.js';
import { mintSession } from '../support/sessions.js';
import { AccountPage, TokenPage } from './readme/pages.js';

const suite = emulatorSuite();

// A template path: Vite resolves it at run time, and the repo's NodeNext type-check stays out of
// the example's files (the app's own build type-checks them).
const loadHomePage = async () => ((await import(`../../example/app/reference/${'page'}.tsx`)) as { default: () => Promise<ReactNode> }).default;

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
    const HomePage = await loadHomePage();
    const links = childrenOf((await HomePage()) as ReactElement<Props>);
    expect(links.map((link) => new URL(link.props.href!).searchParams.get('screen_hint'))).toEqual(['sign-in', 'sign-up']);
    expect(links.map((link) => link.props.children)).toEqual(['Log in', 'Sign Up']);
    expect(mockRequest.cookieWrites).toEqual([]);
  });

  it('HomePage greets a signed-in user, and its sign-out form action signs out', async () => {
    await signedIn();
    const HomePage = await loadHomePage();
    const form = (await HomePage()) as ReactElement<Props>;
    const [greeting] = childrenOf(form);
    expect(isValidElement(greeting) && [greeting.props.children].flat().join('')).toBe('Welcome back, Alice');
    mockRequest.readOnly = false; // the action runs as a server action
    const { url } = await redirectOf(() => form.props.action!());
    expect(url).toContain('/user_management/sessions/logout?session_id=session_');
    expect(mockRequest.cookie('wos-session')).toBeUndefined();
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
