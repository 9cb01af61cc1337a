/**
 * Two app instances behind the same cookie, in one test process: each instance is a separate load
 * of the kit's modules (its own single-flight map, outcome cache, JWKS and SDK client), against one
 * emulator, with the same cookie password. How the in-process single flight and WorkOS's reuse
 * grace window combine (the README's "Reliability" section; `soak.mjs` checks the same with two
 * real `next start` processes).
 */
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { AuthkitProxy } from '../../src/server/proxy/authkit-proxy.js';
import { readSession } from '../../src/server/session/read-session.js';
import { unsealSession } from '../../src/server/session/session-seal.js';
import { emulatorSuite } from '../support/emulator-suite.js';
import { TestBrowser } from '../support/http.js';
import { mintSession } from '../support/sessions.js';
import { sessionRoot } from '../../src/server/root/current-root.js';

const AUTHENTICATE = 'POST /user_management/authenticate';
const suite = emulatorSuite();
afterEach(() => vi.restoreAllMocks());

/** A fresh copy of the kit, as another server process would have. */
async function instance(): Promise<AuthkitProxy> {
  vi.resetModules();
  const { authkitProxy } = await import('../../src/server/proxy/authkit-proxy.js');
  return authkitProxy({ middlewareAuth: { enabled: true, unauthenticatedPaths: ['/'] } });
}

async function expiredBrowser() {
  vi.useFakeTimers({ toFake: ['Date'] });
  const { sealed } = await mintSession(suite.emulator, { expires_in: 300 });
  vi.setSystemTime(Date.now() + 360_000);
  const browser = new TestBrowser();
  browser.jar.set('wos-session', sealed);
  return { browser, sealed };
}

const sessionCookie = (response: Response) =>
  response.headers.getSetCookie().find((line) => line.startsWith('wos-session='))?.split(';')[0]!.slice('wos-session='.length);

describe('two instances, one cookie', () => {
  it('concurrent requests with the same expired cookie on both: one refresh per instance, the same new tokens, signed in everywhere', async () => {
    const [a, b] = [await instance(), await instance()];
    const { browser } = await expiredBrowser();
    const responses = await Promise.all(Array.from({ length: 12 }, (_, i) => (i % 2 ? a : b)(browser.request('/dashboard'))));
    expect(responses.map((response) => response.status)).toEqual(Array(12).fill(200));
    // Each instance refreshed once (single flight); WorkOS replayed the first rotation to the second.
    expect(suite.emulator.control.counters()[AUTHENTICATE]).toBe(2);
    const refreshTokens = new Set<string>();
    for (const response of responses) {
      const session = await unsealSession(sessionRoot(), decodeURIComponent(sessionCookie(response)!));
      refreshTokens.add(session!.refreshToken);
    }
    expect(refreshTokens.size).toBe(1);
    // Whichever cookie the browser keeps, both instances read it as signed in without refreshing again.
    browser.receive(responses[7]!);
    for (const proxy of [a, b, a, b]) expect((await proxy(browser.request('/dashboard'))).status).toBe(200);
    expect(suite.emulator.control.counters()[AUTHENTICATE]).toBe(2);
    expect((await readSession(sessionRoot(), browser.jar.get('wos-session'))).status).toBe('signed-in');
  });

  it('a request still carrying the old cookie reaches the other instance within the grace window: the same successor, signed in', async () => {
    const [a, b] = [await instance(), await instance()];
    const { browser, sealed } = await expiredBrowser();
    const first = await a(browser.request('/dashboard'));
    vi.setSystemTime(Date.now() + 20_000);
    const late = new TestBrowser();
    late.jar.set('wos-session', sealed);
    const second = await b(late.request('/dashboard'));
    expect(second.status).toBe(200);
    const [one, two] = await Promise.all([first, second].map((response) => unsealSession(sessionRoot(), decodeURIComponent(sessionCookie(response)!))));
    expect(two!.refreshToken).toBe(one!.refreshToken);
  });

  it('what to expect without a grace window (or past it): the instance that did not refresh signs that request out', async () => {
    suite.emulator.control.setConfig({ refresh_grace_seconds: 0 });
    vi.spyOn(console, 'warn').mockImplementation(() => {});
    const [a, b] = [await instance(), await instance()];
    const { browser } = await expiredBrowser();
    const fromA = await a(browser.request('/dashboard'));
    vi.setSystemTime(Date.now() + 1); // the old token is now past a zero-second grace window
    const fromB = await b(browser.request('/dashboard')); // a request that left before A's cookie arrived
    // A won the rotation; B got invalid_grant, cleared the cookie and sent the browser to sign in.
    // The same instance is covered by its single flight and 30 s outcome cache; across instances
    // only WorkOS's grace window (or sticky sessions) prevents this.
    expect([fromA.status, fromB.status]).toEqual([200, 307]);
    expect(fromB.headers.getSetCookie()).toContainEqual(expect.stringMatching(/^wos-session=; .*Max-Age=0/));
    // The same late request on A itself is answered from A's outcome cache: signed in.
    expect((await a(browser.request('/dashboard'))).status).toBe(200);
  });
});
