/**
 * The server API used from server actions and route handlers: signOut, refreshSession,
 * switchToOrganization, saveSession, getTokenClaims, checkRecentAuth, listOrganizationMemberships.
 */
import { describe, expect, it, vi } from 'vitest';
vi.mock('next/headers', async () => (await import('../../testing/next-headers.js')).nextHeadersMock);
vi.mock('next/cache', () => ({ revalidatePath: vi.fn(), revalidateTag: vi.fn() }));
import { revalidatePath, revalidateTag } from 'next/cache';
import { mockRequest } from '../../testing/next-headers.js';
import { TokenRefreshError } from '../../shared/errors.js';
import { readSession } from '../session/read-session.js';
import { emulatorSuite } from '../../../test/support/emulator-suite.js';
import { authkitProxy } from '../proxy/authkit-proxy.js';
import { redirectOf, TestBrowser } from '../../../test/support/http.js';
import { afterProxy, withoutProxy } from '../../../test/support/render.js';
import { mintSession } from '../../../test/support/sessions.js';
import { sessionFromAuthenticateResponse } from '../../testing/test-session.js';
import { listOrganizationMemberships } from './memberships.js';
import { refreshSession } from './refresh-session.js';
import { saveSession } from './save-session.js';
import { signOut } from './sign-out.js';
import { switchToOrganization } from './switch-organization.js';
import { checkRecentAuth, getTokenClaims } from './token-claims.js';
import { withAuth } from './with-auth.js';
import { sessionRoot } from '../root/current-root.js';

const suite = emulatorSuite();

async function actionRequest(input = {}, path = '/settings', otherCookies: Record<string, string> = {}) {
  const browser = new TestBrowser();
  const { sealed } = await mintSession(suite.emulator, input);
  browser.jar.set('wos-session', sealed);
  for (const [name, value] of Object.entries(otherCookies)) browser.jar.set(name, value);
  await afterProxy(browser, path, { headers: { 'next-action': 'x', accept: 'text/x-component' } });
  return { browser, sealed };
}

describe('signOut', () => {
  it('clears the session, its chunks and flow cookies, then goes to the WorkOS logout URL with the sid', async () => {
    const { sealed } = await actionRequest({}, '/settings', { 'wos-session.0': 'stale', 'wos-auth-verifier-1234abcd': 'pending' });
    const sid = (await withAuth()).sessionId;
    const { url } = await redirectOf(() => signOut({ returnTo: 'https://your-app.com/signed-out' }));
    const logout = new URL(url);
    expect(logout.origin + logout.pathname).toBe(`${suite.emulator.url}/user_management/sessions/logout`);
    expect(Object.fromEntries(logout.searchParams)).toEqual({ session_id: sid, return_to: 'https://your-app.com/signed-out' });
    expect(Object.keys(mockRequest.cookieJar())).toEqual([]);
    expect(mockRequest.writesTo('wos-session').at(-1)).toMatchObject({ value: '', options: { maxAge: 0 } });
    expect(url).not.toContain(sealed.slice(0, 30));
  });

  it('revokes the session at WorkOS first: a copied cookie reads signed out here and cannot refresh anywhere', async () => {
    const { sealed } = await actionRequest({ expires_in: 300 });
    await redirectOf(() => signOut());
    // This process saw the sign-out: the copy (its token still verifies) reads as signed out at once.
    expect(await readSession(sessionRoot(), sealed)).toEqual({ status: 'signed-out', reason: 'session-ended' });
    // Another process (a new configuration: no shared memory) once the copy's token has expired:
    // the refresh is refused by WorkOS, so the copy is signed out and cleared there too.
    process.env.WORKOS_COOKIE_NAME = 'copied-session';
    try {
      vi.useFakeTimers({ toFake: ['Date'] });
      vi.setSystemTime(Date.now() + 360_000);
      const thief = new TestBrowser();
      thief.jar.set('copied-session', sealed);
      const response = thief.receive(await authkitProxy()(thief.request('/dashboard')));
      expect(response.status).toBe(200);
      expect(thief.jar.has('copied-session')).toBe(false);
      expect(suite.emulator.control.counters()['POST /user_management/sessions/revoke']).toBe(1);
    } finally {
      delete process.env.WORKOS_COOKIE_NAME;
    }
  });

  it('makes a same-origin returnTo absolute for WorkOS, whose logout accepts only absolute URLs', async () => {
    await actionRequest();
    const { url } = await redirectOf(() => signOut({ returnTo: '/signed-out?from=menu' }));
    expect(new URL(url).searchParams.get('return_to')).toBe('http://localhost:3000/signed-out?from=menu');
  });

  it("redirects to returnTo (or '/') when there is no session, only on the app's own origin", async () => {
    withoutProxy(new TestBrowser());
    expect((await redirectOf(() => signOut())).url).toBe('/');
    expect((await redirectOf(() => signOut({ returnTo: '/bye' }))).url).toBe('/bye');
    expect((await redirectOf(() => signOut({ returnTo: 'http://localhost:3000/bye?x=1' }))).url).toBe('/bye?x=1');
    for (const returnTo of ['https://evil.com/', '//evil.com', '/\\evil.com', 'javascript:alert(1)']) {
      expect((await redirectOf(() => signOut({ returnTo }))).url, returnTo).toBe('/');
    }
  });
});

describe('refreshSession', () => {
  it('refreshes, stores the new cookie and returns fresh claims; later reads in the request see it', async () => {
    const { sealed } = await actionRequest({ organization_id: 'org_acme' });
    const info = await refreshSession();
    expect(info).toMatchObject({ user: { id: 'user_alice' }, organizationId: 'org_acme' });
    const stored = mockRequest.cookie('wos-session')!;
    expect(stored).not.toBe(sealed);
    expect((await readSession(sessionRoot(), stored)).status).toBe('signed-in');
    expect((await withAuth()).accessToken).toBe(info.accessToken);
  });

  it('switches organisation (README: refreshSession({ organizationId }))', async () => {
    await actionRequest({ organization_id: 'org_acme' });
    expect(await refreshSession({ organizationId: 'org_globex' })).toMatchObject({ organizationId: 'org_globex', role: 'member' });
  });

  it('returns { user: null } signed out, or redirects to sign-in with ensureSignedIn', async () => {
    withoutProxy(new TestBrowser());
    expect(await refreshSession()).toEqual({ user: null });
    expect((await redirectOf(() => refreshSession({ ensureSignedIn: true }))).url).toMatch(/^http:\/\/localhost:3000\/callback\?/);
  });

  it('keeps the session on a transient failure and throws TokenRefreshError', async () => {
    const { sealed } = await actionRequest();
    suite.emulator.control.injectFault({ endpoint: 'POST /user_management/authenticate', status: 502, retry_after: 0, times: 4 });
    const error = await refreshSession().catch((e: unknown) => e);
    expect(error).toBeInstanceOf(TokenRefreshError);
    expect((error as TokenRefreshError).isTransient).toBe(true);
    expect(mockRequest.cookie('wos-session')).toBe(sealed);
  });

  it('never clears the session when an organisation switch is refused', async () => {
    const { sealed } = await actionRequest({ organization_id: 'org_acme' });
    const error = await refreshSession({ organizationId: 'org_not_mine' }).catch((e: unknown) => e);
    expect((error as TokenRefreshError).isTransient).toBe(false);
    expect(mockRequest.cookie('wos-session')).toBe(sealed);
  });
});

describe('switchToOrganization', () => {
  it('switches, revalidates the path and redirects back', async () => {
    await actionRequest({ organization_id: 'org_acme' }, '/projects');
    const { url } = await redirectOf(() => switchToOrganization('org_globex'));
    expect(url).toBe('/projects');
    expect(revalidatePath).toHaveBeenCalledWith('/projects');
    expect((await readSession(sessionRoot(), mockRequest.cookie('wos-session'))).status).toBe('signed-in');
  });

  it("returns the new info with revalidationStrategy 'none', and revalidates tags with 'tag'", async () => {
    await actionRequest({ organization_id: 'org_acme' });
    expect(await switchToOrganization('org_globex', { revalidationStrategy: 'none' })).toMatchObject({ organizationId: 'org_globex' });
    await redirectOf(() => switchToOrganization('org_acme', { revalidationStrategy: 'tag', revalidationTags: ['orgs'], returnTo: '//evil.com' }));
    expect(revalidateTag).toHaveBeenCalledWith('orgs', 'max');
  });

  // WorkOS names the page where the browser completes the step (authkit_redirect_url), as the
  // emulator does; the kit follows it, as the reference does.
  it('sends the user to sign in for an organisation that requires SSO (WorkOS’s authkit_redirect_url), keeping the session', async () => {
    const { sealed } = await actionRequest({ email: 'dave@example.com', organization_id: 'org_globex' });
    const { url } = await redirectOf(() => switchToOrganization('org_initech', { returnTo: '/home' }));
    expect(url.startsWith(`${suite.emulator.url}/_emulator/step-up/`)).toBe(true);
    expect(await (await fetch(url)).text()).toMatch(/Initech requires single sign-on/);
    expect(mockRequest.cookie('wos-session')).toBe(sealed);
  });

  it('does the same for MFA enrolment', async () => {
    const { sealed } = await actionRequest({ email: 'dave@example.com', organization_id: 'org_globex' });
    const { url } = await redirectOf(() => switchToOrganization('org_umbrella'));
    expect(await (await fetch(url)).text()).toMatch(/Umbrella requires multi-factor authentication/);
    expect(mockRequest.cookie('wos-session')).toBe(sealed);
  });

  it('starts the sign-in for that organisation itself when WorkOS names no page (SSO and MFA), keeping the session', async () => {
    // WorkOS does not promise authkit_redirect_url in a step-up answer; without it the kit sends the
    // browser through its own sign-in for the organisation.
    suite.emulator.control.setConfig({ step_up_redirect: false });
    const { sealed } = await actionRequest({ email: 'dave@example.com', organization_id: 'org_globex' });
    const { url } = await redirectOf(() => switchToOrganization('org_initech', { returnTo: '/home' }));
    expect(url).toBe('http://localhost:3000/callback?return_to=%2Fhome&organization_id=org_initech');
    const mfa = await redirectOf(() => switchToOrganization('org_umbrella'));
    expect(new URL(mfa.url).searchParams.get('organization_id')).toBe('org_umbrella');
    expect(mockRequest.cookie('wos-session')).toBe(sealed);
  });
});

describe('saveSession', () => {
  it('seals only the minimal payload and stores it (chunked when large)', async () => {
    withoutProxy(new TestBrowser());
    const wire = await suite.emulator.control.createSession({ email: 'bob@example.com', permissions: Array.from({ length: 300 }, (_, i) => `resource-${i}:read`) });
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    await saveSession({ ...sessionFromAuthenticateResponse(wire as never), organizationId: 'ignored' } as never, 'https://app.example.com/x');
    expect(mockRequest.cookie('wos-session')).toBeUndefined();
    expect(mockRequest.writesTo('wos-session.0')[0]?.options).toMatchObject({ httpOnly: true, secure: true, sameSite: 'lax', path: '/' });
    expect((await withAuth()).user?.email).toBe('bob@example.com');
    expect(warn).toHaveBeenCalledWith(expect.stringMatching(/split into \d cookies\. Largest parts: access token/));
  });

  it('refuses something that is not a session', async () => {
    withoutProxy(new TestBrowser());
    await expect(saveSession({} as never)).rejects.toThrow(TypeError);
  });
});

describe('claims and recent authentication', () => {
  it('decodes the session token, or a given one', async () => {
    await actionRequest({ organization_id: 'org_acme' });
    expect(await getTokenClaims()).toMatchObject({ sub: 'user_alice', org_id: 'org_acme' });
    expect(await getTokenClaims('not-a-jwt')).toEqual({});
  });

  it('reads auth_time and fails closed', async () => {
    vi.useFakeTimers({ toFake: ['Date'] });
    await actionRequest();
    expect(await checkRecentAuth({ maxAge: 60 })).toMatchObject({ isStale: false, authenticatedAt: expect.any(Date) });
    vi.setSystemTime(Date.now() + 61_000);
    expect((await checkRecentAuth({ maxAge: 60 })).isStale).toBe(true);
    withoutProxy(new TestBrowser());
    expect(await checkRecentAuth({ maxAge: 60 })).toEqual({ authenticatedAt: null, isStale: true });
    await expect(checkRecentAuth({ maxAge: -1 })).rejects.toThrow(TypeError);
  });
});

describe('listOrganizationMemberships', () => {
  it("lists the user's active memberships with names and the current one", async () => {
    await actionRequest({ email: 'dave@example.com', organization_id: 'org_globex' });
    expect(await listOrganizationMemberships()).toEqual([
      { id: 'org_globex', name: 'Globex', role: 'admin', current: true },
      { id: 'org_initech', name: 'Initech', role: 'member', current: false },
      { id: 'org_umbrella', name: 'Umbrella', role: 'member', current: false },
    ]);
  });

  it('leaves out pending memberships and is empty when signed out', async () => {
    await actionRequest({ email: 'bob@example.com' });
    expect((await listOrganizationMemberships()).map((org) => org.id)).toEqual(['org_acme']);
    withoutProxy(new TestBrowser());
    expect(await listOrganizationMemberships()).toEqual([]);
  });
});
