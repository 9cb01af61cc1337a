/**
 * WorkOS misbehaving, through the emulator's fault injection (and its key rotation for a new
 * `kid`). For each fault: what the user sees (still signed in while the token is valid, a clear
 * 503 page or error otherwise), what is logged (never a token, cookie value or secret), and that
 * the session is never lost to a transient fault.
 */
import type { ReactNode } from 'react';
import { decodeProtectedHeader } from 'jose';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setTimeout as realSleep } from 'node:timers/promises';
import { afterAll, afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
vi.mock('next/headers', async () => (await import('../../src/testing/next-headers.js')).nextHeadersMock);
import { signInThroughHostedPage } from '../support/hosted-sign-in.js';
import { TEST_COOKIE_PASSWORD } from '../support/env.js';
import { startTestEmulator, pointEnvAtEmulator } from '../support/emulator.js';
import { mockRequest } from '../../src/testing/next-headers.js';
import { refreshSession } from '../../src/server/auth/refresh-session.js';
import { signOut } from '../../src/server/auth/sign-out.js';
import { withAuth } from '../../src/server/auth/with-auth.js';
import { handleAuth } from '../../src/server/callback/handle-auth.js';
import { authkitProxy } from '../../src/server/proxy/authkit-proxy.js';
import { readForwardedContext } from '../../src/server/session/forwarded.js';
import { readSession } from '../../src/server/session/read-session.js';
import { emulatorSuite } from '../support/emulator-suite.js';
import { forwardedHeaders, redirectOf, TestBrowser } from '../support/http.js';
import { mintSession } from '../support/sessions.js';
import { TokenRefreshError } from '../../src/shared/errors.js';
import type { Emulator, FaultInput } from '../../src/emulator/index.js';
import { assertNoSecrets, captureConsole, type ConsoleCapture } from './support/hostile.js';
import { sessionRoot } from '../../src/server/root/current-root.js';

const AUTHENTICATE = 'POST /user_management/authenticate';
const JWKS = 'GET /sso/jwks/:clientId';
const suite = emulatorSuite();

/** Every secret a case handled; none may appear in what was logged. */
let secrets: string[] = [];
let output: ConsoleCapture;
/** What each fault case logged, for the record (printed with HARDENING_STATS=1). */
const logged: Record<string, string[]> = {};

beforeEach(() => {
  secrets = [TEST_COOKIE_PASSWORD, suite.emulator.apiKey];
  output = captureConsole();
  // A simulated clock (dates and setTimeout) that `drive` moves on: the SDK's back-off sleeps,
  // Retry-After waits, timeouts and the kit's own deadline pass quickly and in order.
  vi.useFakeTimers({ toFake: ['Date', 'setTimeout', 'clearTimeout'] });
});

/**
 * Awaits `work`, moving the simulated clock on by half a second whenever nothing has settled for
 * 25 ms of real time (the emulator and the sockets run on real time). A request that is merely
 * slow is never timed out by this: the SDK's 60 s timeout needs seconds of real stall.
 */
async function drive<T>(work: Promise<T>): Promise<T> {
  let settled = false;
  const tracked = work.finally(() => {
    settled = true;
  });
  while (!settled) {
    await realSleep(25);
    if (!settled) await vi.advanceTimersByTimeAsync(500);
  }
  return tracked;
}

/** Lets `ms` of simulated time pass quickly, whatever runs meanwhile. */
async function elapse(ms: number): Promise<void> {
  for (let passed = 0; passed < ms; passed += 1000) {
    await vi.advanceTimersByTimeAsync(1000);
    await realSleep(2);
  }
}

afterEach(({ task }) => {
  output.restore();
  logged[task.name] = [...new Set(output.lines.map((line) => line.slice(0, 160)))];
  assertNoSecrets(output.text(), secrets);
  delete process.env.WORKOS_COOKIE_NAME;
});
afterAll(() => {
  if (process.env.HARDENING_STATS === '1') process.stdout.write(`[hardening] faults logged: ${JSON.stringify(logged, null, 1)}\n`);
});

const protect = { middlewareAuth: { enabled: true, unauthenticatedPaths: ['/'] } };
const fetchStyle = { headers: { accept: 'application/json', 'sec-fetch-dest': 'empty' } };

/** A fresh configuration: new JWKS cache, session caches and SDK client ("cold start"). */
function coldStart(name: string): void {
  process.env.WORKOS_COOKIE_NAME = name;
}

async function session(input: Record<string, unknown> = {}, name = 'wos-session', from: Emulator = suite.emulator) {
  const minted = await mintSession(from, { expires_in: 3600, ...input });
  secrets.push(minted.sealed, minted.session.accessToken, minted.session.refreshToken);
  const browser = new TestBrowser();
  browser.jar.set(name, minted.sealed);
  return { ...minted, browser };
}

/** A session whose 5-minute access token expired a minute ago. */
async function expiredSession(input: Record<string, unknown> = {}, name = 'wos-session') {
  const result = await session({ expires_in: 300, ...input }, name);
  vi.setSystemTime(Date.now() + 360_000);
  return result;
}

function fault(input: Omit<FaultInput, 'endpoint'> & { endpoint?: string }): void {
  suite.emulator.control.injectFault({ endpoint: AUTHENTICATE, ...input });
}

/** The session the proxy handed to the render, read back: the user still signed in, or not. */
async function renderSees(response: Response): Promise<string | null> {
  const context = await readForwardedContext(sessionRoot(), forwardedHeaders(response));
  if (!context?.session) return null;
  const state = await readSession(sessionRoot(), context.session);
  return state.status === 'signed-in' ? state.info.user.email : null;
}

function track(browser: TestBrowser): void {
  for (const value of browser.jar.values()) secrets.push(value);
}

describe('JWKS unavailable', () => {
  it('at cold start: a valid session stays signed in (trusted from its seal until exp), an expired one refreshes', async () => {
    coldStart('jwks-cold');
    suite.emulator.control.injectFault({ endpoint: JWKS, status: 503, times: 1000 });
    const { browser } = await session({}, 'jwks-cold');
    const response = await drive(authkitProxy(protect)(browser.request('/dashboard')));
    expect(response.status).toBe(200);
    expect(await renderSees(response)).toBe('alice@example.com');
    const expired = await expiredSession({ email: 'bob@example.com' }, 'jwks-cold');
    const refreshed = expired.browser.receive(await drive(authkitProxy(protect)(expired.browser.request('/dashboard'))));
    track(expired.browser);
    expect(refreshed.status).toBe(200);
    expect(await renderSees(refreshed)).toBe('bob@example.com');
    // Logged once per process, in plain words; never a token or cookie.
    expect(output.lines.filter((line) => /JWKS could not be fetched/.test(line)).length).toBeLessThanOrEqual(1);
  });

  it('after keys are cached: verification goes on with the last keys seen (503 and dropped connections)', async () => {
    coldStart('jwks-cached');
    const first = await session({}, 'jwks-cached');
    expect((await drive(authkitProxy(protect)(first.browser.request('/dashboard')))).status).toBe(200); // keys fetched
    vi.setSystemTime(Date.now() + 11 * 60_000); // past jose's 10-minute cache: it will try to re-fetch
    for (const broken of [{ status: 503 as const }, { drop: true }]) {
      suite.emulator.control.clearFaults();
      suite.emulator.control.injectFault({ endpoint: JWKS, times: 1000, ...broken });
      const fresh = await session({ email: 'bob@example.com' }, 'jwks-cached'); // never verified before
      const response = await drive(authkitProxy(protect)(fresh.browser.request('/dashboard')));
      expect(response.status).toBe(200);
      expect(await renderSees(response)).toBe('bob@example.com');
    }
  });
});

describe('key rotation (a new kid)', () => {
  it('new-key tokens are accepted (a refresh bridges the JWKS cooldown), old-key tokens after retirement refresh: nobody is signed out', async () => {
    // Rotation writes the emulator's key file: this one gets its own emulator and key, not the suites' shared key.
    const keys = mkdtempSync(join(tmpdir(), 'authkit-hardening-keys-'));
    const emulator = await startTestEmulator({ keyFile: join(keys, 'signing-key.json') });
    const restoreEnv = pointEnvAtEmulator(emulator); // a new API port: a cold start
    try {
      const proxy = authkitProxy(protect);
      const old = await session({}, 'wos-session', emulator);
      expect(await renderSees(await drive(proxy(old.browser.request('/'))))).toBe('alice@example.com'); // JWKS [old] cached
      const oldUnread = await session({ email: 'dave@example.com' }, 'wos-session', emulator); // old key, read only after retirement

      // WorkOS rotates: both keys published, new tokens signed with the new key.
      const { current_kid: rotatedKid } = emulator.control.rotateKey();
      const bob = await session({ email: 'bob@example.com' }, 'wos-session', emulator);
      // Within jose's 30 s cooldown the unknown kid reads as "refresh due": the proxy refreshes.
      const within = bob.browser.receive(await drive(proxy(bob.browser.request('/dashboard'))));
      track(bob.browser);
      expect(within.status).toBe(200);
      expect(await renderSees(within)).toBe('bob@example.com');
      // After the cooldown a new-key token is verified against the re-fetched JWKS, no refresh.
      vi.setSystemTime(Date.now() + 31_000);
      const carol = await session({ email: 'carol@example.com' }, 'wos-session', emulator);
      const refreshesBefore = emulator.control.counters()[AUTHENTICATE] ?? 0;
      expect(await renderSees(await drive(proxy(carol.browser.request('/dashboard'))))).toBe('carol@example.com');
      expect(emulator.control.counters()[AUTHENTICATE] ?? 0).toBe(refreshesBefore);
      expect(await renderSees(await drive(proxy(old.browser.request('/dashboard'))))).toBe('alice@example.com');

      // The old key is retired and the cached JWKS goes stale: an old-key token refreshes onto the new key.
      emulator.control.retireKeys();
      vi.setSystemTime(Date.now() + 11 * 60_000);
      const retired = oldUnread.browser.receive(await drive(proxy(oldUnread.browser.request('/dashboard'))));
      track(oldUnread.browser);
      expect(retired.status).toBe(200);
      expect(await renderSees(retired)).toBe('dave@example.com');
      const now = await readSession(sessionRoot(), oldUnread.browser.jar.get('wos-session'));
      expect(now.status === 'signed-in' && decodeProtectedHeader(now.session.accessToken).kid).toBe(rotatedKid);
    } finally {
      restoreEnv();
      await emulator.close();
      rmSync(keys, { recursive: true, force: true });
    }
  });
});

/**
 * What a render behind this proxy response sees through `withAuth()` (the forwarded headers and
 * the browser's cookies, the retry marker included): the user, stale or not, or nobody.
 */
async function renderedAuth(browser: TestBrowser, response: Response, ensureSignedIn = false): Promise<{ email: string | null; stale: boolean }> {
  mockRequest.reset({ cookies: Object.fromEntries(browser.jar), headers: Object.fromEntries(forwardedHeaders(response)), readOnly: true });
  const auth = await withAuth({ ensureSignedIn });
  return { email: auth.user?.email ?? null, stale: auth.stale === true };
}

const calls = () => suite.emulator.control.counters()[AUTHENTICATE] ?? 0;

describe('refresh faults in the proxy (token expired): served stale, never a page down', () => {
  it('a single 500 is retried by the SDK: the user never notices', async () => {
    const { browser } = await expiredSession();
    fault({ status: 500, times: 1 });
    const response = browser.receive(await drive(authkitProxy(protect)(browser.request('/dashboard'))));
    track(browser);
    expect(response.status).toBe(200);
    expect(await renderSees(response)).toBe('alice@example.com');
    expect(calls()).toBe(2);
  });

  it.each([
    ['503', { status: 503 as const, retry_after: 0 }],
    ['502', { status: 502 as const, retry_after: 0 }],
    ['504', { status: 504 as const, retry_after: 0 }],
    ['408', { status: 408 as const, retry_after: 0 }],
    ['500', { status: 500 as const, retry_after: 0 }],
    ['a dropped connection', { drop: true }],
  ])('%s on every attempt: pages and fetches are served, the session stale (stale: true), the cookie kept; refreshed once WorkOS is back', async (_label, broken) => {
    const { browser, sealed } = await expiredSession();
    fault({ times: 4, ...broken });
    const proxy = authkitProxy(protect);
    const page = browser.receive(await drive(proxy(browser.request('/dashboard'))));
    expect(page.status).toBe(200);
    expect(await renderedAuth(browser, page, true)).toEqual({ email: 'alice@example.com', stale: true });
    expect(browser.jar.get('wos-session')).toBe(sealed);
    const api = await drive(proxy(browser.request('/api/data', fetchStyle)));
    expect(api.status).toBe(200);
    expect(calls()).toBe(4); // the fetch came within the backoff: nothing sent to WorkOS
    // WorkOS is back and the backoff (5 s) has passed: the next request refreshes.
    vi.setSystemTime(Date.now() + 6_000);
    const back = browser.receive(await drive(proxy(browser.request('/dashboard'))));
    track(browser);
    expect(back.status).toBe(200);
    expect(await renderedAuth(browser, back)).toEqual({ email: 'alice@example.com', stale: false });
  });

  it('429 with Retry-After: 20: the page is served stale at once, the SDK waits as told, and the backoff lasts as long (no call meanwhile)', async () => {
    const { browser, sealed } = await expiredSession();
    fault({ status: 429, retry_after: 20, times: 1000 });
    const proxy = authkitProxy(protect);
    const page = browser.receive(await drive(proxy(browser.request('/dashboard'))));
    expect(page.status).toBe(200); // after 10 s at most, while the SDK's retries go on
    expect(browser.jar.get('wos-session')).toBe(sealed);
    await elapse(65_000); // the SDK's four attempts, 20 s apart, all answered 429
    expect(calls()).toBe(4);
    expect((await drive(proxy(browser.request('/dashboard')))).status).toBe(200);
    expect(calls()).toBe(4); // 20 s of backoff after the last 429, not 5
    suite.emulator.control.clearFaults();
    await elapse(20_000);
    const back = browser.receive(await drive(proxy(browser.request('/dashboard'))));
    track(browser);
    expect(calls()).toBe(5);
    expect(await renderSees(back)).toBe('alice@example.com');
  });

  it('a refresh WorkOS completed whose answer was lost once is replayed by Idempotency-Key: signed in', async () => {
    const { browser } = await expiredSession();
    fault({ drop: true, when: 'after', times: 1 });
    const response = browser.receive(await drive(authkitProxy(protect)(browser.request('/dashboard'))));
    track(browser);
    expect(response.status).toBe(200);
    expect(await renderSees(response)).toBe('alice@example.com');
  });

  it('a refresh whose every answer was lost: served stale, and the retry after the backoff gets the same successor (reuse grace window)', async () => {
    const { browser, sealed } = await expiredSession();
    fault({ drop: true, when: 'after', times: 4 });
    const proxy = authkitProxy(protect);
    expect((await drive(proxy(browser.request('/dashboard')))).status).toBe(200);
    expect(browser.jar.get('wos-session')).toBe(sealed);
    vi.setSystemTime(Date.now() + 6_000); // past the backoff, inside the 30 s reuse grace window
    const back = browser.receive(await drive(proxy(browser.request('/dashboard'))));
    track(browser);
    expect(back.status).toBe(200);
    expect(await renderSees(back)).toBe('alice@example.com');
  });

  it('latency beyond the SDK timeout: the page is served within seconds (not after four 60 s timeouts), stale; the cookie is kept', async () => {
    const { browser, sealed } = await expiredSession();
    // The emulator holds each attempt (real time) far longer than the test runs, then drops it.
    fault({ latency_ms: 120_000, drop: true, times: 4 });
    const proxy = authkitProxy(protect);
    const started = Date.now();
    const page = browser.receive(await drive(proxy(browser.request('/dashboard'))));
    const waitedMs = Date.now() - started;
    expect(page.status).toBe(200);
    expect((await renderedAuth(browser, page)).stale).toBe(true);
    expect(browser.jar.get('wos-session')).toBe(sealed);
    expect(waitedMs).toBeLessThan(60_000); // before even one SDK timeout (it used to be four: ~4 minutes)
    // The refresh goes on in the background; a second request starts nothing new.
    expect((await drive(proxy(browser.request('/dashboard')))).status).toBe(200);
    // Every attempt times out (60 s each in the SDK); then WorkOS is back.
    await elapse(300_000);
    expect(calls()).toBeLessThanOrEqual(4);
    suite.emulator.control.clearFaults();
    const back = browser.receive(await drive(proxy(browser.request('/dashboard'))));
    track(browser);
    expect(back.status).toBe(200);
    expect(await renderSees(back)).toBe('alice@example.com');
  });

  it('ten concurrent requests during an outage share one refresh and are all served; after the backoff one refresh serves all ten', async () => {
    const { browser, sealed } = await expiredSession();
    fault({ status: 503, retry_after: 0, times: 4 });
    const proxy = authkitProxy(protect);
    const responses = await drive(Promise.all(Array.from({ length: 10 }, () => proxy(browser.request('/dashboard')))));
    expect(responses.map((response) => response.status)).toEqual(Array(10).fill(200));
    expect(calls()).toBe(4); // one flight, its SDK retries
    for (const response of responses) expect(response.headers.getSetCookie().filter((line) => line.startsWith('wos-session='))).toEqual([]);
    vi.setSystemTime(Date.now() + 6_000);
    const back = await drive(Promise.all(Array.from({ length: 10 }, () => proxy(browser.request('/dashboard')))));
    expect(calls()).toBe(5);
    const cookies = new Set(back.map((response) => response.headers.getSetCookie().find((line) => line.startsWith('wos-session='))));
    expect(cookies.size).toBe(1); // everyone got the same new session
    browser.receive(back[0]!);
    track(browser);
    expect(browser.jar.get('wos-session')).not.toBe(sealed);
  });

  it('no retry storm: a two-minute outage, a request every second, costs one refresh per backoff step (5, 10, 20, 40 s)', async () => {
    const { browser } = await expiredSession();
    fault({ status: 503, retry_after: 0, times: 1000 });
    const proxy = authkitProxy(protect);
    const statuses = new Set<number>();
    for (let second = 0; second < 120; second += 1) {
      statuses.add((await drive(proxy(browser.request('/dashboard')))).status);
      vi.setSystemTime(Date.now() + 1_000);
    }
    expect([...statuses]).toEqual([200]);
    // 120 requests; refreshes at 0, ~5, ~15, ~35 and ~75 s, each with the SDK's four attempts.
    expect(calls()).toBeLessThanOrEqual(5 * 4);
    logged['no retry storm (refresh calls for 120 requests)'] = [String(calls())];
  });

  it('past the grace period: a protected page gets a "try again" page (JSON for fetches and RSC), public pages render signed out; the cookie stays and the first request after WorkOS is back refreshes it', async () => {
    const { browser, sealed } = await expiredSession();
    vi.setSystemTime(Date.now() + 15 * 60_000); // the token expired 16 minutes ago: past the 15-minute default
    fault({ status: 503, retry_after: 0, times: 1000 });
    const proxy = authkitProxy(protect);
    const page = browser.receive(await drive(proxy(browser.request('/dashboard'))));
    expect(page.status).toBe(503);
    expect(page.headers.get('retry-after')).toBe('5');
    expect(await page.text()).toMatch(/try again/i);
    const rsc = await drive(proxy(browser.request('/dashboard', { headers: { rsc: '1', accept: 'text/x-component', 'sec-fetch-dest': 'empty' } })));
    expect(rsc.status).toBe(503);
    expect(await rsc.json()).toEqual({ error: 'session_unavailable', retryAfter: expect.any(Number) });
    const home = await drive(proxy(browser.request('/')));
    expect(home.status).toBe(200);
    expect(await renderedAuth(browser, home)).toEqual({ email: null, stale: false });
    // Without middlewareAuth every page renders; one that needs a user goes to the refresh route, which says "try again".
    const open = await drive(authkitProxy()(browser.request('/account')));
    expect(open.status).toBe(200);
    const { url } = await redirectOf(() => renderedAuth(browser, open, true));
    const retry = await drive(handleAuth()(browser.request(url)));
    expect(retry.status).toBe(503);
    expect(browser.jar.get('wos-session')).toBe(sealed);
    // WorkOS is back.
    suite.emulator.control.clearFaults();
    vi.setSystemTime(Date.now() + 61_000);
    const back = browser.receive(await drive(proxy(browser.request('/dashboard'))));
    track(browser);
    expect(back.status).toBe(200);
    expect(await renderSees(back)).toBe('alice@example.com');
  });
});

describe('refresh faults while the token is still valid (proactive refresh)', () => {
  it('an outage inside the refresh buffer changes nothing for the user: the current session is served', async () => {
    const { browser, sealed } = await session({ expires_in: 300 });
    vi.setSystemTime(Date.now() + 280_000); // 20 s left: inside the 30 s buffer
    fault({ status: 503, retry_after: 0, times: 4 });
    const response = await drive(authkitProxy(protect)(browser.request('/dashboard')));
    expect(response.status).toBe(200);
    expect(response.headers.getSetCookie()).toEqual([]);
    expect(await renderSees(response)).toBe('alice@example.com');
    expect(browser.jar.get('wos-session')).toBe(sealed);
  });
});

describe('refresh faults elsewhere', () => {
  it('the auth route refresh mode keeps the cookie, leaves a retry marker and returns: the page serves the session stale', async () => {
    const { browser, sealed } = await expiredSession();
    fault({ status: 503, retry_after: 0, times: 4 });
    const response = browser.receive(await drive(handleAuth()(browser.request('/callback?refresh=1&return_to=%2Faccount'))));
    expect(response.status).toBe(307);
    expect(browser.jar.get('wos-session')).toBe(sealed);
    mockRequest.reset({ cookies: Object.fromEntries(browser.jar), readOnly: true });
    expect(await withAuth({ ensureSignedIn: true })).toMatchObject({ user: { email: 'alice@example.com' }, stale: true });
  });

  it('refreshSession() in a server action throws a transient TokenRefreshError and keeps the cookie', async () => {
    const { browser, sealed } = await expiredSession();
    fault({ status: 503, retry_after: 0, times: 4 });
    mockRequest.reset({ cookies: Object.fromEntries(browser.jar) });
    const error = await drive(refreshSession().catch((caught: unknown) => caught as Error));
    expect(error).toBeInstanceOf(TokenRefreshError);
    expect((error as TokenRefreshError).isTransient).toBe(true);
    expect((error as Error).message).not.toMatch(/Fe26|eyJ/);
    expect(mockRequest.cookie('wos-session')).toBe(sealed);
  });
});

describe('sign-out while WorkOS cannot revoke the session', () => {
  it.each([
    ['503 on every attempt', { status: 503 as const, retry_after: 0, times: 8 }],
    ['latency beyond the SDK timeout', { latency_ms: 120_000, drop: true, times: 8 }],
  ])('%s: the cookies are cleared and the logout redirect goes on within 3 s, logged without secrets', async (_label, broken) => {
    const { sealed } = await session({ expires_in: 300 });
    mockRequest.reset({ cookies: { 'wos-session': sealed } });
    suite.emulator.control.injectFault({ endpoint: 'POST /user_management/sessions/revoke', ...broken });
    const started = Date.now();
    const { url } = await drive(redirectOf(() => signOut({ returnTo: '/bye' })));
    expect(Date.now() - started).toBeLessThanOrEqual(3_500);
    expect(new URL(url).pathname).toBe('/user_management/sessions/logout');
    expect(new URL(url).searchParams.get('return_to')).toBe('http://localhost:3000/bye');
    expect(mockRequest.cookie('wos-session')).toBeUndefined();
    expect(output.text()).toMatch(/Sign-out: .*(could not be revoked|did not confirm)/);
    // This process still treats the copy as signed out.
    expect((await readSession(sessionRoot(), sealed)).status).toBe('signed-out');
  });
});

describe('code exchange faults (the callback)', () => {
  async function signIn(GET = handleAuth()) {
    const browser = new TestBrowser();
    const start = browser.receive(await drive(GET(browser.request('/callback?return_to=%2Faccount'))));
    const back = await drive(signInThroughHostedPage(start.headers.get('location')!, 'bob@example.com'));
    secrets.push(back.searchParams.get('code')!, ...browser.jar.values());
    return { browser, callback: `${back.pathname}${back.search}`, GET };
  }

  it('a 500 or a lost answer (the code already spent) is retried with the same Idempotency-Key: signed in', async () => {
    for (const broken of [{ status: 500 as const, retry_after: 0 }, { drop: true, when: 'after' as const }]) {
      const { browser, callback, GET } = await signIn();
      fault({ times: 1, ...broken });
      const done = browser.receive(await drive(GET(browser.request(callback))));
      track(browser);
      expect(done.status).toBe(307);
      expect(done.headers.get('location')).toBe('http://localhost:3000/account');
      expect((await readSession(sessionRoot(), browser.jar.get('wos-session'))).status).toBe('signed-in');
    }
  });

  it('WorkOS down for the whole exchange: a clear error, the flow cookie cleaned up, and signing in again works', async () => {
    const { browser, callback, GET } = await signIn();
    fault({ status: 503, retry_after: 0, times: 4 });
    const failed = browser.receive(await drive(GET(browser.request(callback))));
    expect(failed.status).toBe(500);
    expect(await failed.json()).toEqual({ error: { message: 'Something went wrong', description: expect.stringMatching(/Couldn't sign in/), code: 'authentication_failed' } });
    expect([...browser.jar.keys()].filter((name) => name.startsWith('wos-auth-verifier'))).toEqual([]);
    expect(output.text()).toMatch(/Sign-in callback failed \(authentication_failed, GenericServerException status 503/);
    const again = await signIn();
    const done = again.browser.receive(await drive(again.GET(again.browser.request(again.callback))));
    track(again.browser);
    expect(done.status).toBe(307);
  });
});

describe('WorkOS API faults during a render', () => {
  it("a memberships outage hides the org switcher instead of failing the page; the banner falls back to the org id", async () => {
    const { OrgSwitcher } = await import('../../src/components/server/org-switcher.js');
    const { Impersonation } = await import('../../src/components/server/impersonation.js');
    const { sealed } = await session({ email: 'alice@example.com', organization_id: 'org_acme', impersonator: { email: 'admin@example.com', reason: 'support' } });
    mockRequest.reset({ cookies: { 'wos-session': sealed }, readOnly: true });
    suite.emulator.control.injectFault({ endpoint: 'GET /user_management/organization_memberships', status: 503, retry_after: 0, times: 8 });
    const { renderToStaticMarkup } = await import('react-dom/server');
    const { createElement } = await import('react');
    const { resolveServerComponents } = await import('../../src/testing/server-tree.js');
    const render = async (component: (props: object) => ReactNode) => renderToStaticMarkup(await drive(resolveServerComponents(createElement(component, {}))));
    expect(await render(OrgSwitcher)).toBe('');
    expect(await render(Impersonation)).toMatch(/is impersonating <strong>alice@example.com<\/strong> in <strong>org_acme<\/strong>/);
    expect(output.text()).toMatch(/organizations could not be listed/);
  });

  it('a memberships outage in server actions: a switch or refresh answers { error } (no 500), the organization list is empty, the session stays', async () => {
    const { getOrganizationsAction, refreshAuthAction, switchOrganizationAction } = await import('../../src/actions/index.js');
    const { sealed } = await session({ email: 'alice@example.com', organization_id: 'org_acme' });
    suite.emulator.control.injectFault({ endpoint: 'GET /user_management/organization_memberships', status: 503, retry_after: 0, times: 100 });
    mockRequest.reset({ cookies: { 'wos-session': sealed } });
    const form = new FormData();
    form.set('organizationId', 'org_globex');
    expect(await drive(switchOrganizationAction(form))).toEqual({ error: expect.stringMatching(/organizations/i) });
    expect(await drive(refreshAuthAction({ organizationId: 'org_globex' }))).toEqual({ error: expect.stringMatching(/organizations/i) });
    expect(await drive(getOrganizationsAction())).toEqual([]);
    expect(mockRequest.cookie('wos-session')).toBe(sealed);
    expect(mockRequest.cookieWrites).toEqual([]);
  });
});
