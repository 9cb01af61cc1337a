/**
 * The missing-auth-route hint: when the proxy passes a sign-in start or callback to the auth route
 * and nothing there answers (no `app/callback/route.ts`), the browser's next request makes the
 * proxy log one clear warning; with the route in place, nothing is logged.
 */
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { handleAuth } from '../callback/handle-auth.js';
import { setTestEnv } from '../../../test/support/env.js';
import { TestBrowser } from '../../../test/support/http.js';
import { authkitProxy } from './authkit-proxy.js';

// No WorkOS call happens here (a sign-in start only builds AuthKit's URL): the configuration is enough.
let restoreEnv: () => void;
beforeAll(() => {
  restoreEnv = setTestEnv();
});
afterAll(() => restoreEnv());
afterEach(() => vi.restoreAllMocks());

function warnings(): string[] {
  const lines: string[] = [];
  vi.spyOn(console, 'warn').mockImplementation((...args: unknown[]) => void lines.push(args.join(' ')));
  return lines;
}

describe('the missing auth route hint', () => {
  it('no route answered the sign-in start: the next request logs one warning naming the file to add', async () => {
    const logged = warnings();
    const proxy = authkitProxy();
    const browser = new TestBrowser();
    const passed = browser.receive(await proxy(browser.request('/callback?screen_hint=sign-in&return_to=%2F')));
    expect(passed.headers.get('x-middleware-next')).toBe('1'); // handed to the app, which has no route: Next's 404
    expect(logged).toEqual([]);
    const next = browser.receive(await proxy(browser.request('/')));
    expect(logged).toHaveLength(1);
    expect(logged[0]).toMatch(/Sign-in went to \/callback, but nothing there answered it.*app\/callback\/route\.ts.*handleAuth\(\)/);
    expect(next.headers.getSetCookie().some((line) => /^wos-auth-route-check=;.*Max-Age=0/.test(line))).toBe(true);
    expect(browser.jar.has('wos-auth-route-check')).toBe(false);
  });

  it('with the route in place (start, then callback), nothing is logged', async () => {
    const logged = warnings();
    const proxy = authkitProxy();
    const GET = handleAuth();
    const browser = new TestBrowser();
    const start = browser.request('/callback?return_to=%2F');
    browser.receive(await proxy(start));
    browser.receive(await GET(start)); // the app's route answers the same request
    browser.receive(await proxy(browser.request('/about')));
    browser.receive(await proxy(browser.request('/')));
    expect(logged.filter((line) => /nothing there answered/.test(line))).toEqual([]);
    expect(browser.jar.has('wos-auth-route-check')).toBe(false);
  });
});
