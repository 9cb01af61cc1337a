/**
 * The auth route's refresh mode, where a render that found an expired token sends the browser
 * so the rotated cookie can be written.
 */
import { describe, expect, it, vi } from 'vitest';
import { emulatorSuite } from '../../../test/support/emulator-suite.js';
import { readSession } from '../session/read-session.js';
import { TestBrowser } from '../../../test/support/http.js';
import { mintSession } from '../../../test/support/sessions.js';
import { handleAuth } from './handle-auth.js';
import { sessionRoot } from '../root/current-root.js';

const AUTHENTICATE = 'POST /user_management/authenticate';
const suite = emulatorSuite();

async function browserWithExpiredSession(): Promise<{ browser: TestBrowser; sealed: string }> {
  vi.useFakeTimers({ toFake: ['Date'] });
  const { sealed } = await mintSession(suite.emulator, { expires_in: 60 });
  vi.setSystemTime(Date.now() + 120_000);
  const browser = new TestBrowser();
  browser.jar.set('wos-session', sealed);
  return { browser, sealed };
}

describe('handleAuth: refresh mode', () => {
  it('refreshes an expired session, writes the cookie and returns', async () => {
    const { browser, sealed } = await browserWithExpiredSession();
    const response = browser.receive(await handleAuth()(browser.request('/callback?refresh=1&return_to=%2Freports%3Fy%3D2')));
    expect(response.status).toBe(307);
    expect(response.headers.get('location')).toBe('http://localhost:3000/reports?y=2');
    expect(browser.jar.get('wos-session')).not.toBe(sealed);
    expect((await readSession(sessionRoot(), browser.jar.get('wos-session'))).status).toBe('signed-in');
    expect(suite.emulator.control.counters()[AUTHENTICATE]).toBe(1);
  });

  it('while WorkOS is unreachable: keeps the cookie, sets a retry marker and goes back (the page serves the session stale)', async () => {
    const { browser, sealed } = await browserWithExpiredSession();
    suite.emulator.control.injectFault({ endpoint: AUTHENTICATE, status: 503, retry_after: 0, times: 4 });
    const response = browser.receive(await handleAuth()(browser.request('/callback?refresh=1&return_to=/reports')));
    expect(response.status).toBe(307);
    expect(response.headers.get('location')).toBe('http://localhost:3000/reports');
    expect(browser.jar.get('wos-session')).toBe(sealed);
    expect(browser.jar.has('wos-session-retry')).toBe(true);
  });

  it('past the outage grace period: a 503 "try again" page with Retry-After, the cookie kept, no new call while backing off', async () => {
    process.env.WORKOS_OUTAGE_GRACE_SECONDS = '0';
    try {
      const { browser, sealed } = await browserWithExpiredSession();
      suite.emulator.control.injectFault({ endpoint: AUTHENTICATE, status: 503, retry_after: 0, times: 1000 });
      const GET = handleAuth();
      const response = browser.receive(await GET(browser.request('/callback?refresh=1&return_to=/reports')));
      expect(response.status).toBe(503);
      expect(response.headers.get('retry-after')).toBe('5');
      expect(response.headers.get('content-type')).toContain('text/html');
      expect(browser.jar.get('wos-session')).toBe(sealed);
      const calls = suite.emulator.control.counters()[AUTHENTICATE];
      expect((await GET(browser.request('/callback?refresh=1&return_to=/reports'))).status).toBe(503);
      expect(suite.emulator.control.counters()[AUTHENTICATE]).toBe(calls);
    } finally {
      delete process.env.WORKOS_OUTAGE_GRACE_SECONDS;
    }
  });

  it('clears the cookie when WorkOS rejects the session, and goes back', async () => {
    const { browser } = await browserWithExpiredSession();
    suite.emulator.control.reset(); // the session no longer exists at WorkOS
    const response = browser.receive(await handleAuth()(browser.request('/callback?refresh=1&return_to=/reports')));
    expect(response.headers.get('location')).toBe('http://localhost:3000/reports');
    expect(browser.jar.has('wos-session')).toBe(false);
  });

  it('does nothing for a session that is still fresh', async () => {
    const { sealed } = await mintSession(suite.emulator);
    const browser = new TestBrowser();
    browser.jar.set('wos-session', sealed);
    const response = browser.receive(await handleAuth()(browser.request('/callback?refresh=1&return_to=/x')));
    expect(response.headers.get('location')).toBe('http://localhost:3000/x');
    expect(browser.jar.get('wos-session')).toBe(sealed);
    expect(suite.emulator.control.counters()[AUTHENTICATE]).toBeUndefined();
  });

  it('refuses to return anywhere but this origin', async () => {
    const { browser } = await browserWithExpiredSession();
    // '/.//evil.com' and '/%2e//' normalise to a leading '//' (an open redirect, or a 500 for '//').
    for (const target of ['//evil.com', 'https://evil.com/x', '/\\evil.com', '/.//evil.com', '/a/..//evil.com', '/%2e//']) {
      const response = await handleAuth()(browser.request(`/callback?refresh=1&return_to=${encodeURIComponent(target)}`));
      expect(response.headers.get('location')).toBe('http://localhost:3000/');
    }
  });

  it('clears a tampered cookie instead of failing', async () => {
    const browser = new TestBrowser();
    browser.jar.set('wos-session', 'Fe26.2*1*tampered');
    const response = browser.receive(await handleAuth()(browser.request('/callback?refresh=1')));
    expect(response.status).toBe(307);
    expect(browser.jar.has('wos-session')).toBe(false);
  });
});
