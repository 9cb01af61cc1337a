/**
 * withAuth / has / getSignInUrl in a render, with and without the proxy: one read per request,
 * no cookie writes, redirects to the auth route (never a sign-out), spoofed headers ignored.
 */
import { describe, expect, it, vi } from 'vitest';
vi.mock('next/headers', async () => (await import('../../testing/next-headers.js')).nextHeadersMock);
import { mockRequest } from '../../testing/next-headers.js';
import { emulatorSuite } from '../../../test/support/emulator-suite.js';
import { redirectOf, TestBrowser } from '../../../test/support/http.js';
import { afterProxy, withoutProxy } from '../../../test/support/render.js';
import { mintSession } from '../../../test/support/sessions.js';
import { getSignInUrl, getSignUpUrl } from './sign-in-url.js';
import { has, withAuth } from './with-auth.js';

const suite = emulatorSuite();

async function browserWith(input = {}): Promise<TestBrowser> {
  const browser = new TestBrowser();
  browser.jar.set('wos-session', (await mintSession(suite.emulator, input)).sealed);
  return browser;
}

describe('withAuth', () => {
  it('returns the UserInfo after the proxy, without writing cookies', async () => {
    await afterProxy(await browserWith({ organization_id: 'org_acme' }), '/dashboard', { readOnly: true });
    const auth = await withAuth();
    expect(auth).toMatchObject({ user: { email: 'alice@example.com' }, organizationId: 'org_acme', role: 'admin' });
    expect(await withAuth({ ensureSignedIn: true })).toEqual(auth);
    expect(mockRequest.cookieWrites).toEqual([]);
  });

  it('works without the proxy by reading the cookie itself', async () => {
    withoutProxy(await browserWith({ email: 'bob@example.com' }), { readOnly: true });
    expect((await withAuth()).user?.email).toBe('bob@example.com');
  });

  it('returns { user: null } when signed out', async () => {
    withoutProxy(new TestBrowser(), { readOnly: true });
    expect(await withAuth()).toEqual({ user: null });
  });

  it('redirects ensureSignedIn to the auth route with the current path, in a render', async () => {
    await afterProxy(new TestBrowser(), '/account/billing?x=1', { readOnly: true });
    const { url } = await redirectOf(() => withAuth({ ensureSignedIn: true }));
    expect(url).toBe('http://localhost:3000/callback?return_to=%2Faccount%2Fbilling%3Fx%3D1');
    expect(mockRequest.cookieWrites).toEqual([]);
  });

  it('uses the sign-up screen on the proxy\'s signUpPaths', async () => {
    await afterProxy(new TestBrowser(), '/join', { readOnly: true, proxy: { signUpPaths: ['/join'] } });
    const { url } = await redirectOf(() => withAuth({ ensureSignedIn: true }));
    expect(new URL(url).searchParams.get('screen_hint')).toBe('sign-up');
  });

  it('sends an expired session without a proxy to the refresh route, never to sign-out', async () => {
    vi.useFakeTimers({ toFake: ['Date'] });
    const browser = await browserWith({ expires_in: 60 });
    vi.setSystemTime(Date.now() + 120_000);
    withoutProxy(browser, { readOnly: true });
    const { url } = await redirectOf(() => withAuth());
    expect(url).toBe('http://localhost:3000/callback?refresh=1&return_to=%2F');
  });

  it('serves an expired session stale while WorkOS cannot refresh it; past the grace period, signed out or "try again"', async () => {
    vi.useFakeTimers({ toFake: ['Date'] });
    const browser = await browserWith({ expires_in: 60 });
    vi.setSystemTime(Date.now() + 120_000);
    suite.emulator.control.injectFault({ endpoint: 'POST /user_management/authenticate', status: 503, retry_after: 0, times: 1000 });
    await afterProxy(browser, '/reports', { readOnly: true }); // the proxy tried, failed, left a retry marker
    const stale = await withAuth({ ensureSignedIn: true });
    expect(stale).toMatchObject({ user: { email: 'alice@example.com' }, stale: true });
    expect(mockRequest.cookieWrites).toEqual([]);
    withoutProxy(browser, { readOnly: true }); // the marker works without the proxy too (set by the refresh route)
    expect((await withAuth()).stale).toBe(true);
    process.env.WORKOS_OUTAGE_GRACE_SECONDS = '30';
    try {
      expect(await withAuth()).toEqual({ user: null });
      expect((await redirectOf(() => withAuth({ ensureSignedIn: true }))).url).toBe('http://localhost:3000/callback?refresh=1&return_to=%2F');
    } finally {
      delete process.env.WORKOS_OUTAGE_GRACE_SECONDS;
    }
    // No marker (nothing tried yet, or the backoff has passed): the refresh route tries.
    browser.jar.delete('wos-session-retry');
    withoutProxy(browser, { readOnly: true });
    expect((await redirectOf(() => withAuth())).url).toMatch(/refresh=1/);
  });

  it('ignores spoofed forwarding headers without a valid signature', async () => {
    const victim = (await mintSession(suite.emulator, { email: 'bob@example.com' })).sealed;
    withoutProxy(new TestBrowser(), {
      readOnly: true,
      headers: { 'x-authkit-session': victim, 'x-authkit-url': '/x', 'x-authkit-redirect-uri': 'https://evil.com/cb', 'x-authkit-signature': '0'.repeat(64) },
    });
    expect(await withAuth()).toEqual({ user: null });
    const { url } = await redirectOf(() => withAuth({ ensureSignedIn: true }));
    expect(url).toBe('http://localhost:3000/callback?return_to=%2F');
  });

  it('verifies the session once, however often it is asked', async () => {
    await afterProxy(await browserWith(), '/', { readOnly: true });
    suite.emulator.control.resetCounters();
    await Promise.all(Array.from({ length: 50 }, () => withAuth()));
    expect(suite.emulator.control.counters()).toEqual({});
  });
});

describe('has', () => {
  it('checks conditions against the signed-in session', async () => {
    await afterProxy(await browserWith({ organization_id: 'org_acme' }), '/', { readOnly: true });
    expect(await has({ role: 'admin' })).toBe(true);
    expect(await has({ permission: 'posts:write', organizationId: 'org_acme' })).toBe(true);
    expect(await has({ featureFlag: 'new-dashboard', entitlement: 'audit-logs' })).toBe(true);
    expect(await has({ role: 'member' })).toBe(false);
    expect(await has({ condition: (auth) => auth.user.email.endsWith('@example.com') })).toBe(true);
  });

  it('is false when signed out', async () => {
    withoutProxy(new TestBrowser(), { readOnly: true });
    expect(await has({})).toBe(false);
  });
});

describe('getSignInUrl / getSignUpUrl', () => {
  it('are pure URLs on the auth route, safe in a render', async () => {
    withoutProxy(new TestBrowser(), { readOnly: true });
    const signIn = new URL(await getSignInUrl({ returnTo: '/after', organizationId: 'org_acme', loginHint: 'a@example.com', prompt: 'consent', maxAge: 300 }));
    expect(signIn.origin + signIn.pathname).toBe('http://localhost:3000/callback');
    expect(Object.fromEntries(signIn.searchParams)).toEqual({
      screen_hint: 'sign-in', return_to: '/after', organization_id: 'org_acme', login_hint: 'a@example.com', prompt: 'consent', max_age: '300',
    });
    expect(new URL(await getSignUpUrl()).searchParams.get('screen_hint')).toBe('sign-up');
    expect(mockRequest.cookieWrites).toEqual([]);
  });

  it('carry an invitation token to the auth route', async () => {
    withoutProxy(new TestBrowser(), { readOnly: true });
    const url = new URL(await getSignUpUrl({ invitationToken: 'inv_token_123', returnTo: '/welcome' }));
    expect(Object.fromEntries(url.searchParams)).toEqual({ screen_hint: 'sign-up', return_to: '/welcome', invitation_token: 'inv_token_123' });
  });

  it('seals custom state and honours a redirectUri override and the proxy\'s', async () => {
    await afterProxy(new TestBrowser(), '/', { readOnly: true, proxy: { redirectUri: 'http://localhost:3000/auth/cb' } });
    expect(await getSignInUrl()).toMatch(/^http:\/\/localhost:3000\/auth\/cb\?/);
    const url = new URL(await getSignInUrl({ state: 'secret-plan', redirectUri: 'http://localhost:4000/callback' }));
    expect(url.origin).toBe('http://localhost:4000');
    expect(url.searchParams.get('custom_state')).toMatch(/^Fe26\.2\*/);
    expect(url.toString()).not.toContain('secret-plan');
  });

  it('drops an unsafe returnTo', async () => {
    withoutProxy(new TestBrowser());
    expect(new URL(await getSignInUrl({ returnTo: '//evil.com' })).searchParams.get('return_to')).toBe('/');
  });
});
