/**
 * Property: planted and oversized request headers change nothing. Whatever a client sends
 * (`x-authkit-*` / `x-workos-*` hand-over headers with forged or replayed signatures, Next's
 * `x-middleware-*` internals, forwarding headers, request-kind headers, huge cookies and values),
 * the proxy answers cleanly (never a 5xx), hands the render only the session of the cookie and its
 * own signed values, and a render without the proxy reads only the cookie (a genuine hand-over
 * replayed from another request included).
 */
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
vi.mock('next/headers', async () => (await import('../../src/testing/next-headers.js')).nextHeadersMock);
import { mockRequest } from '../../src/testing/next-headers.js';
import { getSignInUrl } from '../../src/server/auth/sign-in-url.js';
import { withAuth } from '../../src/server/auth/with-auth.js';
import { authkitProxy } from '../../src/server/proxy/authkit-proxy.js';
import { readForwardedContext, SIGNATURE_HEADER } from '../../src/server/session/forwarded.js';
import { emulatorSuite } from '../support/emulator-suite.js';
import { forwardedHeaders, TestBrowser } from '../support/http.js';
import { mintSession } from '../support/sessions.js';
import { FORWARDED_HEADERS } from '../../src/shared/constants.js';
import { headerText, hostilePath, outcomes, runs } from './support/hostile.js';
import { sessionRoot } from '../../src/server/root/current-root.js';

const ORIGIN = 'http://localhost:3000';
const suite = emulatorSuite();
const seen = outcomes('headers');
afterAll(() => seen.report());

let aliceSeal: string;
let bobSeal: string;
/** A genuine signed hand-over made by the proxy for bob's request, to replay on other requests. */
let bobHandOver: Headers;

beforeAll(async () => {
  aliceSeal = (await mintSession(suite.emulator, { email: 'alice@example.com', expires_in: 3600 })).sealed;
  bobSeal = (await mintSession(suite.emulator, { email: 'bob@example.com', expires_in: 3600 })).sealed;
  const browser = new TestBrowser();
  browser.jar.set('wos-session', bobSeal);
  bobHandOver = forwardedHeaders(await authkitProxy({ redirectUri: 'http://localhost:3000/callback', signUpPaths: ['/join'] })(browser.request('/bob-only?x=1')));
});

/** A header can carry Latin-1 without control characters; a client can send nothing else. */
// eslint-disable-next-line no-control-regex -- control characters are what must go
const headerSafe = (value: string) => value.replace(/[\u0000-\u001f\u007f]/g, '').replace(/[^\u0000-\u00ff]/g, '?');

const planted = fc.record(
  {
    'x-authkit-session': fc.constantFrom('bob', 'alice', 'garbage', ''),
    'x-authkit-url': hostilePath.map(headerSafe),
    'x-authkit-redirect-uri': fc.constantFrom('https://evil.com/callback', 'javascript:alert(1)', '//evil.com'),
    'x-authkit-sign-up-paths': fc.constantFrom('["/(.*)"]', '[', '{"a":1}', '[1,2]'),
    'x-authkit-signature': fc.constantFrom('forged', 'replayed', '', 'zz'),
    'x-workos-session': fc.constantFrom('bob'),
    'x-forwarded-host': fc.constantFrom('evil.com', 'localhost:3000', 'a b'),
    'x-forwarded-proto': fc.constantFrom('https', 'javascript', ''),
    forwarded: fc.constantFrom('host=evil.com;proto=https', 'for=1.2.3.4'),
    'x-middleware-subrequest': fc.constantFrom('middleware:middleware:middleware:middleware:middleware', 'proxy'),
    'x-middleware-override-headers': fc.constantFrom('x-authkit-session,cookie', ''),
    'x-middleware-request-x-authkit-session': fc.constantFrom('bob'),
    'x-middleware-request-cookie': fc.constantFrom('bob'),
    rsc: fc.constantFrom('1', 'maybe'),
    'next-action': headerText(20),
    'next-router-prefetch': fc.constant('1'),
    'next-router-state-tree': headerText(40),
    'sec-fetch-dest': fc.constantFrom('document', 'empty', 'iframe', 'x'),
    purpose: fc.constantFrom('prefetch'),
    accept: fc.constantFrom('text/html', 'application/json', '*/*', ''),
    authorization: fc.constantFrom('Bearer x', 'Basic YTpi'),
    'x-huge': fc.integer({ min: 1, max: 48_000 }).map((n) => 'h'.repeat(n)),
  },
  { requiredKeys: [] },
);
type Planted = typeof planted extends fc.Arbitrary<infer T> ? T : never;

/** Half the time only the hand-over and forwarding headers, so page loads (redirects) are covered too. */
const plantedMix: fc.Arbitrary<Planted> = fc.tuple(planted, fc.boolean()).map(([plant, handOverOnly]) =>
  handOverOnly ? (Object.fromEntries(Object.entries(plant).filter(([name]) => /^(x-authkit-|x-workos-|x-forwarded-|forwarded|x-huge)/.test(name))) as Planted) : plant,
);

function headersFor(plant: Planted): Record<string, string> {
  const values: Record<string, string> = {};
  const seals: Record<string, string> = { bob: bobSeal, alice: aliceSeal, garbage: 'Fe26.2*x', '': '' };
  for (const [name, value] of Object.entries(plant) as [string, string][]) {
    if (name === 'x-authkit-session' || name === 'x-workos-session' || name.startsWith('x-middleware-request-')) values[name] = seals[value] ?? value;
    else if (name === SIGNATURE_HEADER) values[name] = value === 'forged' ? 'a'.repeat(64) : value === 'replayed' ? bobHandOver.get(SIGNATURE_HEADER)! : value;
    else values[name] = value;
  }
  if (plant['x-authkit-signature'] === 'replayed') {
    // The whole genuine hand-over of another request, replayed.
    for (const [name, value] of bobHandOver) if (name.startsWith('x-authkit-')) values[name] = value;
  }
  return values;
}

const cookieChoice = fc.record({
  session: fc.constantFrom<'alice' | 'none' | 'junk'>('alice', 'alice', 'none', 'junk'),
  padding: fc.oneof(fc.constant(0), fc.integer({ min: 1, max: 60_000 })),
});

describe('request headers (property)', () => {
  it('the proxy ignores planted hand-over headers and survives oversized ones, never a 5xx', async () => {
    const proxy = authkitProxy({ middlewareAuth: { enabled: true, unauthenticatedPaths: ['/', '/public/:path*'] } });
    await fc.assert(
      fc.asyncProperty(plantedMix, cookieChoice, fc.constantFrom('/', '/account', '/public/x', '/callback', '/api/data'), async (plant, cookie, path) => {
        const browser = new TestBrowser();
        if (cookie.session === 'alice') browser.jar.set('wos-session', aliceSeal);
        if (cookie.session === 'junk') browser.jar.set('wos-session', 'Fe26.2*junk');
        if (cookie.padding) browser.jar.set('padding', 'p'.repeat(cookie.padding));
        const response = await proxy(browser.request(path, { headers: headersFor(plant) }));
        seen.count(`proxy ${response.status}`);
        expect([200, 303, 307, 401]).toContain(response.status);

        const forwarded = forwardedHeaders(response);
        for (const name of forwarded.keys()) expect(name.startsWith('x-workos-')).toBe(false);
        if (path === '/callback') {
          // The auth route: planted hand-over headers are stripped, nothing of ours is added.
          for (const name of forwarded.keys()) expect(name.startsWith('x-authkit-')).toBe(false);
          return;
        }
        if (response.status !== 200) {
          const location = response.headers.get('location');
          if (location) expect(new URL(location).origin).toBe(ORIGIN);
          return;
        }
        const context = await readForwardedContext(sessionRoot(), forwarded);
        expect(context).toBeDefined();
        expect(context!.session).toBe(cookie.session === 'alice' ? aliceSeal : '');
        expect(context!.path).toBe(path);
        expect(context!.redirectUri).toBeUndefined();
        expect(context!.signUpPaths).toBeUndefined();
      }),
      { numRuns: runs(800) },
    );
  });

  it('a render without the proxy reads only the cookie, whatever hand-over headers arrive', async () => {
    await fc.assert(
      fc.asyncProperty(plantedMix, fc.constantFrom<'alice' | 'none'>('alice', 'none'), async (plant, cookie) => {
        const values = headersFor(plant);
        mockRequest.reset({ cookies: cookie === 'alice' ? { 'wos-session': aliceSeal } : {}, headers: values, readOnly: true });
        const { user } = await withAuth();
        // Even a genuine hand-over replayed from another request (bob's) is ignored: it must
        // describe this request's own cookie.
        seen.count(`render ${plant['x-authkit-signature'] === 'replayed' ? 'replayed hand-over' : 'planted'}`);
        expect(user?.email ?? null).toBe(cookie === 'alice' ? 'alice@example.com' : null);
        const signIn = new URL(await getSignInUrl());
        expect(signIn.origin).toBe(ORIGIN);
      }),
      { numRuns: runs(800) },
    );
  });
});

describe('forwarded header names', () => {
  it('are the documented ones', () => {
    expect(Object.values(FORWARDED_HEADERS)).toEqual(['x-authkit-url', 'x-authkit-redirect-uri', 'x-authkit-sign-up-paths']);
  });
});
