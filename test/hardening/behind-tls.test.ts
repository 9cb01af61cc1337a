/**
 * Behind a TLS terminator that sends no `X-Forwarded-Proto`, Next sees `http://app.example.com/…`
 * while the app is served (and registered at WorkOS) as https. Every cookie the kit writes must
 * still be `Secure` (session, sign-in flow, the eager access token), and sign-in must send the
 * configured `redirect_uri`, https, so WorkOS returns to the origin users see.
 */
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
vi.mock('next/headers', async () => (await import('../../src/testing/next-headers.js')).nextHeadersMock);
import { signInThroughHostedPage } from '../support/hosted-sign-in.js';
import { defaultSeed } from '../../src/emulator/seed-defaults.js';
import { handleAuth } from '../../src/server/callback/handle-auth.js';
import { authkitProxy } from '../../src/server/proxy/authkit-proxy.js';
import { emulatorSuite } from '../support/emulator-suite.js';
import { TestBrowser } from '../support/http.js';
import { mintSession } from '../support/sessions.js';

const PUBLIC = 'https://app.example.com';
const SEEN = 'http://app.example.com'; // what Next reconstructs without X-Forwarded-Proto
const suite = emulatorSuite({ data: { ...defaultSeed(), redirect_uris: [`${PUBLIC}/*`] } });

let previous: string | undefined;
beforeAll(() => {
  previous = process.env.NEXT_PUBLIC_WORKOS_REDIRECT_URI;
  process.env.NEXT_PUBLIC_WORKOS_REDIRECT_URI = `${PUBLIC}/callback`;
});
afterAll(() => {
  if (previous === undefined) delete process.env.NEXT_PUBLIC_WORKOS_REDIRECT_URI;
  else process.env.NEXT_PUBLIC_WORKOS_REDIRECT_URI = previous;
});

/** Every Set-Cookie that sets a value (not an expiry) carries Secure. */
function expectSecure(response: Response): void {
  const set = response.headers.getSetCookie().filter((line) => !/max-age=0/i.test(line));
  expect(set.length).toBeGreaterThan(0);
  for (const line of set) expect(line.split('; '), line.split('=')[0]).toContain('Secure');
}

describe('behind a TLS terminator that hides the scheme', () => {
  it('sign-in sends the configured https redirect_uri; the flow and session cookies are Secure; the user lands on https', async () => {
    const GET = handleAuth();
    const browser = new TestBrowser(SEEN);
    const start = browser.receive(await GET(browser.request('/callback?return_to=%2Faccount')));
    expect(new URL(start.headers.get('location')!).searchParams.get('redirect_uri')).toBe(`${PUBLIC}/callback`);
    expectSecure(start);
    const back = await signInThroughHostedPage(start.headers.get('location')!, 'bob@example.com');
    expect(back.origin).toBe(PUBLIC);
    const done = browser.receive(await GET(browser.request(`${back.pathname}${back.search}`)));
    expect(done.status).toBe(307);
    expect(done.headers.get('location')).toBe(`${PUBLIC}/account`);
    expectSecure(done);
  });

  it("the proxy's refreshed session cookie and the eager access-token cookie are Secure", async () => {
    const { sealed } = await mintSession(suite.emulator, { expires_in: 20 }); // inside the refresh buffer
    const browser = new TestBrowser(SEEN);
    browser.jar.set('wos-session', sealed);
    const response = await authkitProxy({ eagerAuth: true })(browser.request('/dashboard'));
    const names = response.headers.getSetCookie().map((line) => line.split('=')[0]);
    expect(names).toEqual(expect.arrayContaining(['wos-session', 'workos-access-token']));
    expectSecure(response);
  });

  it('the refresh mode writes a Secure cookie and returns to the https origin', async () => {
    const { sealed } = await mintSession(suite.emulator, { expires_in: 20 });
    const browser = new TestBrowser(SEEN);
    browser.jar.set('wos-session', sealed);
    const response = await handleAuth()(browser.request('/callback?refresh=1&return_to=%2Faccount'));
    expect(response.headers.get('location')).toBe(`${PUBLIC}/account`);
    expectSecure(response);
  });
});
