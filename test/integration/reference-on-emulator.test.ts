/**
 * The reference package itself (`@workos-inc/authkit-nextjs` 4.3.2, unmodified, with its own
 * `@workos-inc/node` 10.14), driven against this kit's emulator the way a Next app drives it: its
 * initiate-login route (`getSignInUrl`), the emulator's hosted page, its callback (`handleAuth`),
 * its middleware (`authkitMiddleware`) and `withAuth` in the render, and its server-action
 * functions (`switchToOrganization`, `refreshSession`, `signOut`), and its API-key and
 * feature-flag helpers. `next/headers` is the suites' stand-in (a cookie jar and headers per
 * "request"), as the bench gives it one; Vite loads the package (vitest.config.ts inlines it), as
 * Next's bundler does.
 */
import { NextRequest } from 'next/server';
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
vi.mock('next/headers', async () => (await import('../../src/testing/next-headers.js')).nextHeadersMock);
// The reference revalidates after a switch; outside a Next server there is nothing to revalidate.
vi.mock('next/cache', () => ({ revalidatePath: vi.fn(), revalidateTag: vi.fn() }));
import { mockRequest } from '../../src/testing/next-headers.js';
import { parseForms, signInThroughHostedPage, submitForm } from '../support/hosted-sign-in.js';
import { emulatorSuite } from '../support/emulator-suite.js';
import { forwardedHeaders, redirectOf } from '../support/http.js';
import { mintSession } from '../support/sessions.js';
import { handleAuth } from '../../src/server/index.js';
import { readSession } from '../../src/server/session/read-session.js';
import { referenceRoot } from '../contract/reference-readme.js';
import type * as ReferencePackage from '../../bench/node_modules/@workos-inc/authkit-nextjs/dist/esm/types/index.js';
import { sessionRoot } from '../../src/server/root/current-root.js';

const ORIGIN = 'http://localhost:3000';
const AUTHENTICATE = 'POST /user_management/authenticate';
const suite = emulatorSuite();
let reference: typeof ReferencePackage;

beforeAll(async () => {
  // The reference reads its environment when it loads: after the suite has pointed it at the emulator.
  reference = (await import(/* @vite-ignore */ `${referenceRoot}dist/esm/index.js`)) as typeof ReferencePackage;
});
afterEach(() => vi.restoreAllMocks());

/** A browser request to the app carrying `cookies`. */
function appRequest(path: string, cookies: Record<string, string> = {}): NextRequest {
  const cookie = Object.entries(cookies).map(([name, value]) => `${name}=${encodeURIComponent(value)}`).join('; ');
  return new NextRequest(new URL(path, ORIGIN), { headers: { accept: 'text/html', ...(cookie ? { cookie } : {}) } });
}

/** The reference's middleware on `path`, then the request its render (or action) sees. */
async function throughMiddleware(path: string, cookies: Record<string, string>, options: { readOnly?: boolean } = {}) {
  const response = await reference.authkitMiddleware()(appRequest(path, cookies), undefined as never);
  const setCookies = response!.headers.getSetCookie();
  const jar = { ...cookies };
  for (const header of setCookies) {
    const [pair] = header.split(';');
    const [name, ...value] = pair!.split('=');
    jar[name!] = decodeURIComponent(value.join('='));
  }
  mockRequest.reset({ cookies: jar, headers: Object.fromEntries(forwardedHeaders(response!)), readOnly: options.readOnly ?? true });
  return { response: response!, jar };
}

/** Its initiate-login route, the hosted page (as `email`), then its callback: the session cookie. */
async function signInWithReference(email: string, hosted: { organizationId?: string; emulatorCookie?: string } = {}) {
  mockRequest.reset();
  const signInUrl = await reference.getSignInUrl();
  const [pkce] = mockRequest.cookieWrites.filter((write) => write.name.startsWith('wos-auth-verifier'));
  const back = hosted.emulatorCookie
    ? new URL((await fetch(signInUrl, { redirect: 'manual', headers: { cookie: hosted.emulatorCookie } })).headers.get('location')!)
    : await signInThroughHostedPage(signInUrl, email, { organizationId: hosted.organizationId });
  const callback = appRequest(`${back.pathname}${back.search}`, { [pkce!.name]: pkce!.value });
  mockRequest.reset({ cookies: { [pkce!.name]: pkce!.value } });
  const response = await reference.handleAuth()(callback);
  return { response, sealed: mockRequest.cookie('wos-session')!, signInUrl };
}

describe('@workos-inc/authkit-nextjs 4.3.2 against the emulator', () => {
  it('signs in: initiate-login URL, hosted page, callback with PKCE; its middleware and withAuth read the session', async () => {
    const { response, sealed, signInUrl } = await signInWithReference('alice@example.com', { organizationId: 'org_acme' });
    expect(new URL(signInUrl).origin).toBe(suite.emulator.url);
    expect(response.status).toBe(307);
    expect(response.headers.get('location')).toBe(`${ORIGIN}/`);
    expect(sealed).toMatch(/^Fe26\.2\*/);
    await throughMiddleware('/account', { 'wos-session': sealed });
    const auth = await reference.withAuth({ ensureSignedIn: true });
    expect([auth.user.email, auth.organizationId, auth.role]).toEqual(['alice@example.com', 'org_acme', 'admin']);
  });

  it('refreshes an expiring session in its middleware (one WorkOS call), and the render sees the new token', async () => {
    vi.useFakeTimers({ toFake: ['Date'] });
    const { session, sealed } = await mintSession(suite.emulator, { email: 'alice@example.com', organization_id: 'org_acme', expires_in: 60 });
    vi.setSystemTime(Date.now() + 45_000); // inside the 30 s buffer of a 60 s token
    suite.emulator.control.resetCounters();
    const { response, jar } = await throughMiddleware('/account', { 'wos-session': sealed });
    expect(suite.emulator.control.counters()[AUTHENTICATE]).toBe(1);
    expect(jar['wos-session']).not.toBe(sealed);
    expect(response.headers.get('x-middleware-request-x-workos-session')).toBe(jar['wos-session']);
    const auth = await reference.withAuth();
    expect(auth.accessToken).toBeDefined();
    expect(auth.accessToken).not.toBe(session.accessToken);
    expect(auth.user?.email).toBe('alice@example.com');
  });

  it('switches organisation in a server action: the cookie moves to the new organisation and it redirects back', async () => {
    const { sealed } = await mintSession(suite.emulator, { email: 'alice@example.com', organization_id: 'org_acme' });
    await throughMiddleware('/projects', { 'wos-session': sealed }, { readOnly: false });
    const { url } = await redirectOf(() => reference.switchToOrganization('org_globex'));
    expect(url).toBe(`${ORIGIN}/projects`); // the reference redirects to its x-url, a full URL
    await throughMiddleware('/projects', { 'wos-session': mockRequest.cookie('wos-session')! });
    expect((await reference.withAuth()).organizationId).toBe('org_globex');
  });

  it.each([
    ['SSO', 'org_initech', /Initech requires single sign-on/],
    ['MFA', 'org_umbrella', /Umbrella requires multi-factor authentication/],
  ])('a switch into an organisation that requires %s sends the browser to sign in for it (no 500), keeping the session', async (_why, organizationId, notice) => {
    const { sealed } = await mintSession(suite.emulator, { email: 'dave@example.com', organization_id: 'org_globex' });
    await throughMiddleware('/projects', { 'wos-session': sealed }, { readOnly: false });
    const { url } = await redirectOf(() => reference.switchToOrganization(organizationId));
    expect(url.startsWith(`${suite.emulator.url}/_emulator/step-up/`)).toBe(true);
    expect(mockRequest.writesTo('wos-session')).toEqual([]);
    // The page signs the person in for that organisation and sends them back; the same switch then works.
    const page = await fetch(url);
    expect(await page.text()).toMatch(notice);
    expect((await signInThroughHostedPage(url, 'dave@example.com')).toString()).toBe(`${ORIGIN}/`);
    await throughMiddleware('/projects', { 'wos-session': sealed }, { readOnly: false });
    await redirectOf(() => reference.switchToOrganization(organizationId));
    await throughMiddleware('/projects', { 'wos-session': mockRequest.cookie('wos-session')! });
    expect((await reference.withAuth()).organizationId).toBe(organizationId);
  });

  it('impersonation from the emulator admin page: its initiate-login route signs in as the user, with the impersonator', async () => {
    const adminPage = `${suite.emulator.url}/_emulator/impersonate`;
    const [form] = parseForms(await (await fetch(adminPage)).text());
    const started = await submitForm(adminPage, form!, { name: '', value: '' }, {
      impersonator_email: 'support@example.com', user_id: 'user_alice', organization_id: 'org_globex', reason: 'Ticket #42',
    });
    expect(started.headers.get('location')).toBe(`${ORIGIN}/callback`);
    const emulatorCookie = started.headers.get('set-cookie')!.split(';')[0]!;
    const { response, sealed } = await signInWithReference('alice@example.com', { emulatorCookie });
    expect(response.status).toBe(307);
    await throughMiddleware('/', { 'wos-session': sealed });
    const auth = await reference.withAuth();
    expect(auth.impersonator).toEqual({ email: 'support@example.com', reason: 'Ticket #42' });
    expect([auth.user?.email, auth.organizationId]).toEqual(['alice@example.com', 'org_globex']);
  });

  it('signs out: the cookie is deleted, WorkOS ends the session, and its refresh token is refused', async () => {
    const { sealed } = await mintSession(suite.emulator, { email: 'alice@example.com', organization_id: 'org_acme' });
    await throughMiddleware('/', { 'wos-session': sealed }, { readOnly: false });
    const { url } = await redirectOf(() => reference.signOut({ returnTo: `${ORIGIN}/signed-out` }));
    expect(mockRequest.cookie('wos-session')).toBeUndefined();
    const logout = new URL(url);
    expect(`${logout.origin}${logout.pathname}`).toBe(`${suite.emulator.url}/user_management/sessions/logout`);
    const ended = await fetch(url, { redirect: 'manual' });
    expect(ended.headers.get('location')).toBe(`${ORIGIN}/signed-out`);
    mockRequest.reset({ cookies: { 'wos-session': sealed } });
    const refused = await reference.refreshSession().catch((error: unknown) => error);
    expect(refused).toBeInstanceOf(reference.TokenRefreshError);
    expect(refused).toMatchObject({ isTransient: false });
  });
});

describe('@workos-inc/authkit-nextjs 4.3.2: API keys and feature flags against the emulator', () => {
  it('validateApiKey validates the seeded key and refuses an unknown one', async () => {
    mockRequest.reset({ headers: { authorization: 'Bearer sk_acme_emulator' } });
    expect((await reference.validateApiKey()).apiKey).toMatchObject({ id: 'api_key_acme', owner: { id: 'org_acme' } });
    mockRequest.reset({ headers: { authorization: 'Bearer sk_unknown' } });
    expect(await reference.validateApiKey()).toEqual({ apiKey: null });
  });

  it('its feature-flags runtime client reads the seeded flags', async () => {
    const client = reference.getFeatureFlagsRuntimeClient();
    try {
      await client.waitUntilReady({ timeoutMs: 5000 });
      expect(client.isEnabled('new-dashboard', { organizationId: 'org_acme' })).toBe(true);
      expect(client.isEnabled('new-dashboard', { organizationId: 'org_globex' })).toBe(false);
    } finally {
      client.close();
    }
  });
});

describe('moving an app from the reference to the kit (docs/migrating.md)', () => {
  it('keeps everyone signed in: the kit reads the cookie the reference wrote (and the reference reads the kit’s, above)', async () => {
    const { sealed } = await signInWithReference('alice@example.com', { organizationId: 'org_acme' });
    const state = await readSession(sessionRoot(), sealed);
    expect(state.status).toBe('signed-in');
    expect(state.status === 'signed-in' && [state.info.user.email, state.info.organizationId]).toEqual(['alice@example.com', 'org_acme']);
  });

  it('a sign-in the reference started before the deploy fails once on the kit’s callback, with a clear code', async () => {
    mockRequest.reset();
    const signInUrl = await reference.getSignInUrl();
    const [pkce] = mockRequest.cookieWrites.filter((write) => write.name.startsWith('wos-auth-verifier'));
    const back = await signInThroughHostedPage(signInUrl, 'alice@example.com', { organizationId: 'org_acme' });
    vi.spyOn(console, 'warn').mockImplementation(() => {}); // the kit reports the refused callback
    vi.spyOn(console, 'error').mockImplementation(() => {});
    const response = await handleAuth()(appRequest(`${back.pathname}${back.search}`, { [pkce!.name]: pkce!.value }));
    expect(response.status).toBe(400);
    expect(await response.json()).toMatchObject({ error: { code: 'oauth_state_mismatch' } });
    expect(response.headers.getSetCookie().some((cookie) => cookie.startsWith('wos-session='))).toBe(false);
  });
});
