/**
 * The auth route end to end: start sign-in (PKCE + flow cookie) → the emulator's hosted page →
 * callback (state check, code exchange through the SDK) → session cookie → redirect. Real
 * NextRequest/Response objects, a tiny cookie-jar "browser", no mocks.
 */
import { redirect } from 'next/navigation';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { CallbackError } from '../../shared/errors.js';
import type { HandleAuthSuccessData } from '../../shared/types.js';
import { emulatorSuite } from '../../../test/support/emulator-suite.js';
import { signInThroughHostedPage } from '../../../test/support/hosted-sign-in.js';
import { readSession } from '../session/read-session.js';
import { getWorkOS } from '../auth/get-workos.js';
import { TestBrowser } from '../../../test/support/http.js';
import { sealCustomState } from './custom-state.js';
import { handleAuth } from './handle-auth.js';
import type { HandleAuthOptions } from './options.js';
import { sessionRoot } from '../root/current-root.js';

const suite = emulatorSuite();
beforeEach(() => {
  vi.spyOn(console, 'warn').mockImplementation(() => {});
});
afterEach(() => {
  vi.restoreAllMocks();
});

const flowCookies = (browser: TestBrowser) => [...browser.jar.keys()].filter((name) => name.startsWith('wos-auth-verifier-'));

/** Starts at `startPath`, signs in as `email` on the hosted page, returns the callback response. */
async function signIn(GET: ReturnType<typeof handleAuth>, startPath = '/callback', email = 'alice@example.com', browser = new TestBrowser()) {
  const start = browser.receive(await GET(browser.request(startPath)));
  expect(start.status).toBe(302);
  const back = await signInThroughHostedPage(start.headers.get('location')!, email);
  const done = browser.receive(await GET(browser.request(`${back.pathname}${back.search}`)));
  return { start, back, done, browser };
}

describe('handleAuth: start sign-in', () => {
  it('sets a per-flow cookie and redirects to AuthKit with PKCE and the auth route as redirect URI', async () => {
    const GET = handleAuth();
    const browser = new TestBrowser();
    const response = browser.receive(await GET(browser.request('/callback?screen_hint=sign-up&login_hint=a%40example.com&organization_id=org_acme&prompt=login&max_age=60')));
    const location = new URL(response.headers.get('location')!);
    expect(location.origin).toBe(suite.emulator.url);
    expect(location.pathname).toBe('/user_management/authorize');
    expect(Object.fromEntries(location.searchParams)).toMatchObject({
      client_id: suite.emulator.clientId,
      redirect_uri: 'http://localhost:3000/callback',
      provider: 'authkit',
      code_challenge_method: 'S256',
      screen_hint: 'sign-up',
      login_hint: 'a@example.com',
      organization_id: 'org_acme',
      prompt: 'login',
      max_age: '60',
    });
    expect(location.searchParams.get('state')).toMatch(/^[\w-]{32}$/);
    const setCookie = response.headers.getSetCookie().join('\n');
    expect(setCookie).toMatch(/wos-auth-verifier-[0-9a-f]{8}=Fe26.+; Path=\/; Expires=.+; Max-Age=600; HttpOnly; SameSite=lax/);
    expect(response.headers.get('cache-control')).toBe('private, no-store');
    expect(flowCookies(browser)).toHaveLength(1);
  });

  it('purges older flow cookies when too many are pending', async () => {
    const GET = handleAuth();
    const browser = new TestBrowser();
    for (let i = 0; i < 5; i += 1) browser.receive(await GET(browser.request('/callback')));
    expect(flowCookies(browser)).toHaveLength(5);
    browser.receive(await GET(browser.request('/callback')));
    expect(flowCookies(browser)).toHaveLength(1);
  });

  it('validates baseURL when the route is created', () => {
    expect(() => handleAuth({ baseURL: 'not a url' })).toThrow(/baseURL: Invalid baseURL/);
    expect(() => handleAuth({ baseURL: 'ftp://example.com' })).toThrow(AuthKitConfigErrorLike());
  });
});

function AuthKitConfigErrorLike() {
  return expect.objectContaining({ code: 'config_invalid', variable: 'baseURL' });
}

describe('handleAuth: accepting an invitation', () => {
  it('passes invitation_token to AuthKit; the hosted page accepts it and the session starts in that organization', async () => {
    const invitation = await getWorkOS().userManagement.sendInvitation({ email: 'erin@example.com', organizationId: 'org_acme', roleSlug: 'admin' });
    const GET = handleAuth();
    const browser = new TestBrowser();
    const start = browser.receive(await GET(browser.request(`/callback?screen_hint=sign-up&invitation_token=${invitation.token}`)));
    expect(new URL(start.headers.get('location')!).searchParams.get('invitation_token')).toBe(invitation.token);
    const back = await signInThroughHostedPage(start.headers.get('location')!, 'erin@example.com');
    browser.receive(await GET(browser.request(`${back.pathname}${back.search}`)));
    const state = await readSession(sessionRoot(), browser.jar.get('wos-session'));
    expect(state.status === 'signed-in' && [state.info.user.email, state.info.organizationId, state.info.role]).toEqual(['erin@example.com', 'org_acme', 'admin']);
  });
});

describe('handleAuth: callback', () => {
  it('signs in as in the README (handleAuth()), returning to /', async () => {
    const { done, browser } = await signIn(handleAuth());
    expect(done.status).toBe(307);
    expect(done.headers.get('location')).toBe('http://localhost:3000/');
    const state = await readSession(sessionRoot(), browser.jar.get('wos-session'));
    expect(state.status === 'signed-in' && state.info.user.email).toBe('alice@example.com');
    expect(flowCookies(browser)).toEqual([]);
    expect(done.headers.get('cache-control')).toBe('private, no-store');
    expect(done.headers.getSetCookie().join('\n')).toMatch(/wos-session=Fe26\.2\*1\*.*; Path=\/; Expires=.+; Max-Age=34560000; HttpOnly; SameSite=lax/);
  });

  it("uses returnPathname (the README's handleAuth({ returnPathname: '/dashboard' }))", async () => {
    const { done } = await signIn(handleAuth({ returnPathname: '/dashboard' }));
    expect(done.headers.get('location')).toBe('http://localhost:3000/dashboard');
  });

  it('prefers the return path the flow started with, query included', async () => {
    const { done } = await signIn(handleAuth({ returnPathname: '/dashboard' }), '/callback?return_to=%2Faccount%3Ftab%3D2');
    expect(done.headers.get('location')).toBe('http://localhost:3000/account?tab=2');
  });

  it.each(['//evil.com', 'https://evil.com', '/\\evil.com', '%2F%2Fevil.com', '/%2F%2Fevil.com', '/%5Cevil.com', '%252F%252Fevil.com', 'javascript:alert(1)'])(
    'refuses the open redirect return_to=%s',
    async (returnTo) => {
      const { done } = await signIn(handleAuth({ returnPathname: '/home' }), `/callback?return_to=${encodeURIComponent(returnTo)}`);
      expect(done.headers.get('location')).toBe('http://localhost:3000/home');
    },
  );

  it("passes the reference's data to onSuccess (the README's oauthTokens example), after saving the session", async () => {
    const saveTokens = vi.fn();
    let data: HandleAuthSuccessData | undefined;
    const GET = handleAuth({
      onSuccess: async (received) => {
        data = received;
        await saveTokens(received.oauthTokens);
      },
    });
    const customState = encodeURIComponent(await sealCustomState(sessionRoot(), 'invite=42'));
    const { done } = await signIn(GET, `/callback?custom_state=${customState}`);
    expect(done.status).toBe(307);
    expect(saveTokens).toHaveBeenCalledTimes(1);
    expect(data).toMatchObject({
      accessToken: expect.any(String),
      refreshToken: expect.any(String),
      user: { id: 'user_alice' },
      organizationId: 'org_acme',
      authenticationMethod: 'Password',
      state: 'invite=42',
    });
    expect(Object.keys(data!)).toEqual(expect.arrayContaining(['oauthTokens', 'impersonator']));
  });

  it('ignores a custom_state this app did not seal', async () => {
    let state: string | undefined = 'unset';
    await signIn(handleAuth({ onSuccess: (data) => void (state = data.state) }), '/callback?custom_state=forged');
    expect(state).toBeUndefined();
  });

  it('honours a redirect() thrown by onSuccess and still saves the session', async () => {
    const { done, browser } = await signIn(handleAuth({ onSuccess: () => redirect('/welcome') }));
    expect(done.headers.get('location')).toBe('http://localhost:3000/welcome');
    expect((await readSession(sessionRoot(), browser.jar.get('wos-session'))).status).toBe('signed-in');
  });

  it('clears the session and calls onError when onSuccess throws', async () => {
    const onError = vi.fn(() => new Response('custom', { status: 418 }));
    const failure = new Error('database down');
    const { done, browser } = await signIn(handleAuth({ onSuccess: () => { throw failure; }, onError }));
    expect(done.status).toBe(418);
    expect(onError).toHaveBeenCalledWith({ error: failure, request: expect.any(Request) });
    expect(browser.jar.has('wos-session')).toBe(false);
    expect(flowCookies(browser)).toEqual([]);
  });

  it('lets parallel sign-ins in two tabs both complete, in either order', async () => {
    const GET = handleAuth();
    const browser = new TestBrowser();
    const first = browser.receive(await GET(browser.request('/callback?return_to=/one')));
    const second = browser.receive(await GET(browser.request('/callback?return_to=/two')));
    const backTwo = await signInThroughHostedPage(second.headers.get('location')!, 'bob@example.com');
    const backOne = await signInThroughHostedPage(first.headers.get('location')!, 'alice@example.com');
    const doneTwo = browser.receive(await GET(browser.request(`${backTwo.pathname}${backTwo.search}`)));
    const doneOne = browser.receive(await GET(browser.request(`${backOne.pathname}${backOne.search}`)));
    expect([doneTwo.headers.get('location'), doneOne.headers.get('location')]).toEqual(['http://localhost:3000/two', 'http://localhost:3000/one']);
  });

  it('returns to the baseURL origin', async () => {
    const { start, done } = await signIn(handleAuth({ baseURL: 'http://127.0.0.1:3000' }));
    expect(new URL(start.headers.get('location')!).searchParams.get('redirect_uri')).toBe('http://127.0.0.1:3000/callback');
    expect(done.headers.get('location')).toBe('http://127.0.0.1:3000/');
  });
});

describe('handleAuth: callback errors', () => {
  async function failure(path: string, options: HandleAuthOptions = {}, browser = new TestBrowser()) {
    const response = await handleAuth(options)(browser.request(path));
    return { response, body: (await response.clone().json().catch(() => null)) as { error: { code: string; message: string } } | null };
  }

  it('answers missing parameters with 400 missing_auth_params', async () => {
    const { response, body } = await failure('/callback?code=abc');
    expect(response.status).toBe(400);
    expect(body?.error).toMatchObject({ code: 'missing_auth_params', message: 'Something went wrong' });
  });

  it('refuses a callback without this browser\'s flow cookie (login CSRF)', async () => {
    const GET = handleAuth();
    const victim = new TestBrowser();
    const attacker = new TestBrowser();
    const start = attacker.receive(await GET(attacker.request('/callback')));
    const back = await signInThroughHostedPage(start.headers.get('location')!, 'bob@example.com');
    const response = await GET(victim.request(`${back.pathname}${back.search}`));
    expect(response.status).toBe(400);
    expect(((await response.json()) as { error: { code: string } }).error.code).toBe('missing_pkce_cookie');
    expect(response.headers.getSetCookie().join('\n')).not.toMatch(/wos-session=Fe26/);
  });

  it('refuses a flow cookie that does not match the state', async () => {
    const GET = handleAuth();
    const browser = new TestBrowser();
    const start = browser.receive(await GET(browser.request('/callback')));
    const back = await signInThroughHostedPage(start.headers.get('location')!, 'alice@example.com');
    const [name] = flowCookies(browser);
    browser.jar.set(name!, 'tampered');
    const response = await GET(browser.request(`${back.pathname}${back.search}`));
    expect(((await response.json()) as { error: { code: string } }).error.code).toBe('oauth_state_mismatch');
  });

  it('reports a rejected code as authentication_failed (500) to onError, without secrets', async () => {
    const GET = handleAuth({ onError: ({ error }) => Response.json({ seen: error instanceof CallbackError ? error.code : 'other', message: (error as Error).message }, { status: 502 }) });
    const browser = new TestBrowser();
    const start = browser.receive(await GET(browser.request('/callback')));
    const state = new URL(start.headers.get('location')!).searchParams.get('state')!;
    const response = await GET(browser.request(`/callback?code=bogus-code-value&state=${state}`));
    expect(response.status).toBe(502);
    const body = (await response.json()) as { seen: string; message: string };
    expect(body.seen).toBe('authentication_failed');
    expect(body.message).not.toContain('bogus-code-value');
    browser.receive(response);
    expect(flowCookies(browser)).toEqual([]);
  });

  it('accepts an immutable Response from onError', async () => {
    const { response } = await failure('/callback?code=abc', { onError: () => Response.redirect('http://localhost:3000/sign-in-failed', 302) });
    expect(response.status).toBe(302);
    expect(response.headers.get('cache-control')).toBe('private, no-store');
  });

  it('reports an error sent back by AuthKit as authorization_error', async () => {
    const { response, body } = await failure('/callback?error=access_denied&error_description=nope&state=x');
    expect(response.status).toBe(400);
    expect(body?.error.code).toBe('authorization_error');
  });

  it('never throws on garbage input', async () => {
    const browser = new TestBrowser();
    browser.jar.set('wos-session', 'garbage');
    browser.jar.set('wos-auth-verifier-00000000', '%%%');
    for (const path of ['/callback?code=%00&state=%FF', '/callback?state=' + 'x'.repeat(5000), '/callback?refresh=1&return_to=%E0%A4%A']) {
      const response = await handleAuth()(browser.request(path));
      expect(response.status).toBeLessThan(500);
    }
  });
});
