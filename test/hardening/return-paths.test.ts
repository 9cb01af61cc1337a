/**
 * Property: whatever a user or a link puts in a return path (`return_to`, `returnTo`,
 * `returnPathname`, a custom state, the request's own path), every redirect the kit sends stays
 * on the app's origin. Checked on the pure validator and on the actual `Location` of the auth
 * route (start → hosted page → callback, refresh mode) and the proxy's sign-in redirect.
 */
import fc from 'fast-check';
import { beforeEach, describe, expect, it, vi } from 'vitest';
vi.mock('next/headers', async () => (await import('../../src/testing/next-headers.js')).nextHeadersMock);
import { mockRequest } from '../../src/testing/next-headers.js';
import { signInThroughHostedPage } from '../support/hosted-sign-in.js';
import { getSignInUrl } from '../../src/server/auth/sign-in-url.js';
import { sealCustomState } from '../../src/server/callback/custom-state.js';
import { handleAuth } from '../../src/server/callback/handle-auth.js';
import { authkitProxy } from '../../src/server/proxy/authkit-proxy.js';
import { emulatorSuite } from '../support/emulator-suite.js';
import { TestBrowser } from '../support/http.js';
import { isSafeReturnPath, safeReturnPath } from '../../src/shared/return-to.js';
import { anyText, hostilePath, isSameOriginPath, runs } from './support/hostile.js';
import { sessionRoot } from '../../src/server/root/current-root.js';

const ORIGIN = 'http://localhost:3000';
emulatorSuite();
beforeEach(() => {
  vi.spyOn(console, 'warn').mockImplementation(() => {});
});

/** The query value as a browser might send it: encoded, or raw (the URL parser escapes what it must). */
const asQueryValue = (value: string, raw: boolean) => (raw ? value.replace(/[#&]/g, encodeURIComponent) : new URLSearchParams({ v: value }).toString().slice(2));

function expectSameOrigin(location: string | null, origin = ORIGIN): URL {
  expect(location).not.toBeNull();
  const url = new URL(location!, origin);
  expect(url.origin).toBe(origin);
  expect(isSameOriginPath(`${url.pathname}${url.search}${url.hash}`)).toBe(true);
  return url;
}

describe('return paths (property)', () => {
  it('safeReturnPath yields the fallback or a same-origin path that is already normal', () => {
    fc.assert(
      fc.property(anyText, (value) => {
        const result = safeReturnPath(value, '/fallback');
        if (result === '/fallback') return;
        expect(isSameOriginPath(result)).toBe(true);
        expect(safeReturnPath(result, '/fallback')).toBe(result);
        expect(isSafeReturnPath(value)).toBe(true);
      }),
      { numRuns: runs(20_000) },
    );
  });

  it('the refresh mode redirects only within the origin, whatever return_to says', async () => {
    const GET = handleAuth();
    await fc.assert(
      fc.asyncProperty(anyText, fc.boolean(), async (value, raw) => {
        const response = await GET(new TestBrowser().request(`/callback?refresh=1&return_to=${asQueryValue(value, raw)}`));
        expect(response.status).toBe(307);
        expectSameOrigin(response.headers.get('location'));
      }),
      { numRuns: runs(1_500) },
    );
  });

  it("the proxy's sign-in redirect carries only a same-origin return path, whatever the request path", async () => {
    const proxy = authkitProxy({ middlewareAuth: { enabled: true, unauthenticatedPaths: [] } });
    await fc.assert(
      fc.asyncProperty(hostilePath, async (path) => {
        let url: URL;
        try {
          url = new URL(`/${path}`, ORIGIN);
        } catch {
          return; // not a URL a request could have
        }
        if (url.origin !== ORIGIN) return;
        const response = await proxy(new TestBrowser().request(url.href));
        expect(response.status).toBe(307);
        const target = expectSameOrigin(response.headers.get('location'));
        const returnTo = target.searchParams.get('return_to');
        if (returnTo !== null) expect(isSameOriginPath(returnTo)).toBe(true);
      }),
      { numRuns: runs(1_500) },
    );
  });

  it('getSignInUrl({ returnTo, state }) puts only a same-origin return path on the auth route', async () => {
    await fc.assert(
      fc.asyncProperty(anyText, fc.option(anyText), async (returnTo, state) => {
        mockRequest.reset({ readOnly: true });
        const url = new URL(await getSignInUrl({ returnTo, state: state ?? undefined }));
        expect(url.origin).toBe(ORIGIN);
        expect(url.pathname).toBe('/callback');
        const param = url.searchParams.get('return_to');
        if (param !== null) expect(isSameOriginPath(param)).toBe(true);
      }),
      { numRuns: runs(1_500) },
    );
  });

  it('a full sign-in returns to a same-origin path: return_to, returnPathname and custom state in any combination', async () => {
    await fc.assert(
      fc.asyncProperty(
        anyText,
        fc.boolean(),
        fc.option(anyText),
        fc.oneof(fc.constant(undefined), anyText.map((text) => ({ forged: text })), anyText.map((text) => ({ sealed: text }))),
        async (returnTo, raw, returnPathname, customState) => {
          const seen: (string | undefined)[] = [];
          const GET = handleAuth({ returnPathname: returnPathname ?? undefined, onSuccess: ({ state }) => void seen.push(state) });
          const browser = new TestBrowser();
          let start = `/callback?return_to=${asQueryValue(returnTo, raw)}`;
          if (customState) {
            const value = 'sealed' in customState ? await sealCustomState(sessionRoot(), customState.sealed) : customState.forged;
            start += `&custom_state=${encodeURIComponent(value)}`;
          }
          const started = browser.receive(await GET(browser.request(start)));
          expect(started.status).toBe(302);
          const back = await signInThroughHostedPage(started.headers.get('location')!, 'bob@example.com');
          const done = browser.receive(await GET(browser.request(`${back.pathname}${back.search}`)));
          expect(done.status).toBe(307);
          const landed = expectSameOrigin(done.headers.get('location'));
          // Where it should land: the flow's return path when it was safe, else returnPathname, else '/'.
          const sentReturnTo = new URL(start, ORIGIN).searchParams.get('return_to');
          const expected = isSafeReturnPath(sentReturnTo) ? safeReturnPath(sentReturnTo) : safeReturnPath(returnPathname, '/');
          expect(`${landed.pathname}${landed.search}${landed.hash}`).toBe(new URL(expected, ORIGIN).href.slice(ORIGIN.length));
          // onSuccess only ever sees state this app sealed.
          expect(seen).toEqual([customState && 'sealed' in customState ? customState.sealed : undefined]);
        },
      ),
      { numRuns: runs(120) },
    );
  });
});
