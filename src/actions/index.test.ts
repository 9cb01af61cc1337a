/**
 * The actions against real sessions (emulator + the kit's session pipeline). An action is callable
 * by anyone with any arguments, so every test here is also an authorisation test: the caller's own
 * session decides, and no result carries a refresh token or another user's or organisation's data.
 */
import { describe, expect, it, vi } from 'vitest';
import { signedInRequest, signedOutRequest } from '../../test/support/components-request.js';
import { emulatorSuite } from '../../test/support/emulator-suite.js';
import { redirectOf } from '../../test/support/http.js';
import { mockRequest } from '../testing/next-headers.js';
import { listOrganizationMemberships } from '../server/index.js';
import { decodeJwtClaims } from '../shared/claims.js';
import {
  getAccessTokenAction, getAuthAction, getOrganizationsAction, refreshAuthAction, signOutAction, switchOrganizationAction,
} from './index.js';

vi.mock('next/headers', async () => (await import('../testing/next-headers.js')).nextHeadersMock);
// Actions revalidate after a switch; outside a Next server there is nothing to revalidate.
vi.mock('next/cache', () => ({ revalidatePath: vi.fn(), revalidateTag: vi.fn() }));

const suite = emulatorSuite();
const emulator = () => suite.emulator;
const AUTHENTICATE = 'POST /user_management/authenticate';
const action = { readOnly: false };
const alice = { user: 'alice@example.com', organizationId: 'org_acme' };

const authenticateCalls = () => emulator().control.counters()[AUTHENTICATE] ?? 0;
const sessionWrites = () => mockRequest.writesTo('wos-session');

/** No token, and no key that could hold one, anywhere in the result. */
function expectRedacted(result: unknown, ...secrets: string[]) {
  const json = JSON.stringify(result);
  expect(json).not.toMatch(/accessToken|refreshToken|access_token|refresh_token/);
  for (const secret of secrets) expect(json).not.toContain(secret);
}

function form(fields: Record<string, string>) {
  const data = new FormData();
  for (const [name, value] of Object.entries(fields)) data.set(name, value);
  return data;
}

describe('switchOrganizationAction', () => {
  it('switches to one of the caller’s organisations and returns the redacted session', async () => {
    const { session } = await signedInRequest(emulator(), alice, action);
    const result = await switchOrganizationAction('org_globex');
    expect(result).toMatchObject({ user: { email: 'alice@example.com' }, organizationId: 'org_globex', role: 'member' });
    expectRedacted(result, session.accessToken, session.refreshToken);
    expect(sessionWrites()).toHaveLength(1);
  });

  it('refuses an organisation the caller is not a member of, without asking WorkOS to switch', async () => {
    await signedInRequest(emulator(), alice, action);
    emulator().control.resetCounters();
    expect(await switchOrganizationAction('org_umbrella')).toEqual({ error: 'Not a member of this organization' });
    expect(authenticateCalls()).toBe(0);
    expect(sessionWrites()).toHaveLength(0);
  });

  it('refuses a pending membership (only active ones count)', async () => {
    await signedInRequest(emulator(), { user: 'bob@example.com', organizationId: 'org_acme' }, action);
    expect(await switchOrganizationAction('org_globex')).toEqual({ error: 'Not a member of this organization' });
  });

  it('refuses a signed-out caller and malformed ids', async () => {
    await signedOutRequest(action);
    expect(await switchOrganizationAction('org_acme')).toEqual({ error: 'Not signed in' });
    await signedInRequest(emulator(), alice, action);
    for (const bad of ['', 42, null, { id: 'org_globex' }, ['org_globex']]) {
      expect(await switchOrganizationAction(bad as never)).toEqual({ error: 'An organization id is required' });
    }
    expect(await switchOrganizationAction(form({}))).toEqual({ error: 'An organization id is required' });
  });

  it('as a form action, switches and redirects back to the return path', async () => {
    await signedInRequest(emulator(), alice, { ...action, path: '/settings' });
    const { url } = await redirectOf(() => switchOrganizationAction(form({ organizationId: 'org_globex', returnTo: '/projects' })));
    expect(url).toBe('/projects');
    expect(sessionWrites()).toHaveLength(1);
  });

  it('as a form action without returnTo, redirects to the current page', async () => {
    await signedInRequest(emulator(), alice, { ...action, path: '/settings?tab=org' });
    expect((await redirectOf(() => switchOrganizationAction(form({ organizationId: 'org_globex' })))).url).toBe('/settings?tab=org');
  });

  it('never redirects off-site', async () => {
    await signedInRequest(emulator(), alice, action);
    expect((await redirectOf(() => switchOrganizationAction('org_globex', { returnTo: 'https://evil.example/' }))).url).toBe('/');
  });

  it("takes the reference client's options: revalidationStrategy 'none' with returnTo returns the session, 'tag' revalidates the tags and redirects", async () => {
    const { revalidateTag } = await import('next/cache');
    await signedInRequest(emulator(), alice, action);
    const result = await switchOrganizationAction('org_globex', { returnTo: '/projects', revalidationStrategy: 'none' });
    expect(result).toMatchObject({ organizationId: 'org_globex' });
    vi.mocked(revalidateTag).mockClear();
    const { url } = await redirectOf(() => switchOrganizationAction('org_acme', { returnTo: '/projects', revalidationStrategy: 'tag', revalidationTags: ['orgs', 'nav'] }));
    expect(url).toBe('/projects');
    // The kit's own per-user tag first (a switch is never served from the old organisation's cache), then the app's.
    expect(vi.mocked(revalidateTag).mock.calls).toEqual([['authkit:user:user_alice', { expire: 0 }], ['orgs', 'max'], ['nav', 'max']]);
  });

  it('refuses an unknown revalidation strategy and unbounded or malformed tags before switching', async () => {
    await signedInRequest(emulator(), alice, action);
    emulator().control.resetCounters();
    expect(await switchOrganizationAction('org_globex', { revalidationStrategy: 'everything' as never })).toEqual({ error: "revalidationStrategy must be 'none', 'path' or 'tag'" });
    for (const revalidationTags of [Array.from({ length: 65 }, (_, i) => `t${i}`), ['x'.repeat(257)], [''], [42], 'orgs']) {
      expect(await switchOrganizationAction('org_globex', { revalidationStrategy: 'tag', revalidationTags: revalidationTags as never })).toEqual({
        error: 'revalidationTags must be at most 64 strings of 1 to 256 characters',
      });
    }
    expect(authenticateCalls()).toBe(0);
    expect(sessionWrites()).toHaveLength(0);
  });

  it.each([
    ['SSO', 'org_initech'],
    ['MFA enrolment', 'org_umbrella'],
  ])('sends a switch that needs %s to sign in for that organisation (WorkOS’s authkit_redirect_url), keeping the session', async (_why, organizationId) => {
    await signedInRequest(emulator(), { user: 'dave@example.com', organizationId: 'org_globex' }, { ...action, path: '/home' });
    const { url } = await redirectOf(() => switchOrganizationAction(organizationId));
    expect(url.startsWith(`${emulator().url}/_emulator/step-up/`)).toBe(true);
    expect(sessionWrites()).toHaveLength(0);
  });

  it.each([
    ['SSO', 'org_initech'],
    ['MFA enrolment', 'org_umbrella'],
  ])('sends a switch that needs %s to the kit’s own sign-in for that organisation when WorkOS names no page, keeping the session', async (_why, organizationId) => {
    // WorkOS does not promise authkit_redirect_url; without it the kit starts the sign-in itself.
    emulator().control.setConfig({ step_up_redirect: false });
    await signedInRequest(emulator(), { user: 'dave@example.com', organizationId: 'org_globex' }, { ...action, path: '/home' });
    const { url } = await redirectOf(() => switchOrganizationAction(organizationId));
    const target = new URL(url);
    expect(target.origin + target.pathname).toBe('http://localhost:3000/callback');
    expect(target.searchParams.get('organization_id')).toBe(organizationId);
    expect(sessionWrites()).toHaveLength(0);
  });

  it('reports a WorkOS outage as { error } and keeps the session', async () => {
    await signedInRequest(emulator(), alice, action);
    emulator().control.injectFault({ endpoint: AUTHENTICATE, status: 503, times: 10 });
    expect(await switchOrganizationAction('org_globex')).toEqual({ error: 'Could not switch organization' });
    expect(sessionWrites()).toHaveLength(0);
  });
});

describe('authorisation never trusts the memberships cache', () => {
  const LISTING = 'GET /user_management/organization_memberships';
  const listingCalls = () => emulator().control.counters()[LISTING] ?? 0;

  /** A page view listing the memberships for display (the layout's switcher); cached per process. */
  async function displayed(sealed: string): Promise<string[]> {
    mockRequest.reset({ cookies: { 'wos-session': sealed }, readOnly: true });
    return (await listOrganizationMemberships()).map((org) => org.id);
  }

  it('the switch and refresh actions list at WorkOS on every call, even right after a page view cached the list', async () => {
    const { sealed } = await signedInRequest(emulator(), alice);
    await displayed(sealed);
    const before = listingCalls();
    await displayed(sealed);
    expect(listingCalls()).toBe(before); // display: from the cache
    for (const organizationId of ['org_umbrella', 'org_globex']) {
      mockRequest.reset({ cookies: { 'wos-session': sealed } });
      await switchOrganizationAction(organizationId);
    }
    mockRequest.reset({ cookies: { 'wos-session': sealed } });
    await refreshAuthAction({ organizationId: 'org_acme' });
    expect(listingCalls()).toBe(before + 3);
  });

  it('refuses a membership removed at WorkOS while the display cache still lists it', async () => {
    vi.useFakeTimers({ toFake: ['Date'] });
    try {
      const { sealed } = await signedInRequest(emulator(), alice);
      vi.setSystemTime(Date.now() + 31_000); // whatever an earlier test cached has expired
      expect(await displayed(sealed)).toEqual(['org_acme', 'org_globex']);
      emulator().control.removeMembership('om_alice_globex');
      expect(await displayed(sealed)).toEqual(['org_acme', 'org_globex']); // up to 30 s stale, by design
      mockRequest.reset({ cookies: { 'wos-session': sealed } });
      emulator().control.resetCounters();
      expect(await switchOrganizationAction('org_globex')).toEqual({ error: 'Not a member of this organization' });
      expect(await refreshAuthAction({ organizationId: 'org_globex' })).toEqual({ error: 'Not a member of this organization' });
      expect(authenticateCalls()).toBe(0);
      expect(sessionWrites()).toHaveLength(0);
      expect(await displayed(sealed)).toEqual(['org_acme']); // what the check learnt now serves display too
    } finally {
      vi.useRealTimers();
    }
  });
});

describe('refreshAuthAction', () => {
  it('refreshes the caller’s session and returns it redacted', async () => {
    const { session } = await signedInRequest(emulator(), alice, action);
    const result = await refreshAuthAction();
    expect(result).toMatchObject({ user: { id: 'user_alice' }, organizationId: 'org_acme' });
    expectRedacted(result, session.accessToken, session.refreshToken);
    expect(sessionWrites()).toHaveLength(1);
  });

  it('moves to another organisation only when the caller is a member of it', async () => {
    await signedInRequest(emulator(), alice, action);
    expect(await refreshAuthAction({ organizationId: 'org_initech' })).toEqual({ error: 'Not a member of this organization' });
    expect(await refreshAuthAction({ organizationId: 42 as never })).toEqual({ error: 'An organization id is required' });
    expect(await refreshAuthAction({ organizationId: 'org_globex' })).toMatchObject({ organizationId: 'org_globex' });
  });

  it('answers a signed-out caller with { user: null }', async () => {
    await signedOutRequest(action);
    expect(await refreshAuthAction({ ensureSignedIn: true })).toEqual({ user: null });
  });
});

describe('getAuthAction', () => {
  it('returns the caller’s redacted session', async () => {
    const { session } = await signedInRequest(emulator(), alice, action);
    const result = await getAuthAction();
    expect(result).toMatchObject({ user: { email: 'alice@example.com' }, organizationId: 'org_acme', role: 'admin' });
    expectRedacted(result, session.accessToken, session.refreshToken);
    expect(sessionWrites()).toHaveLength(0);
  });

  it('signed out: { user: null }, plus where to sign in with ensureSignedIn', async () => {
    await signedOutRequest(action);
    expect(await getAuthAction()).toEqual({ user: null });
    const { signInUrl } = await getAuthAction({ ensureSignedIn: true });
    expect(signInUrl).toMatch(/^http:\/\/localhost:3000\/callback\?screen_hint=sign-in/);
  });

  it('refreshes an expired token here (an action may write the cookie) rather than reporting signed out', async () => {
    await signedInRequest(emulator(), { ...alice, expiresIn: 60 }, action);
    vi.useFakeTimers({ toFake: ['Date'], now: Date.now() + 120_000 });
    try {
      expect(await getAuthAction()).toMatchObject({ user: { id: 'user_alice' } });
      expect(sessionWrites()).toHaveLength(1);
    } finally {
      vi.useRealTimers();
    }
  });

  it('keeps an expired session signed in when WorkOS cannot be reached (transient)', async () => {
    await signedInRequest(emulator(), { ...alice, expiresIn: 60 }, action);
    emulator().control.injectFault({ endpoint: AUTHENTICATE, status: 503, times: 10 });
    vi.useFakeTimers({ toFake: ['Date'], now: Date.now() + 120_000 });
    try {
      expect(await getAuthAction()).toMatchObject({ user: { id: 'user_alice' }, organizationId: 'org_acme' });
    } finally {
      vi.useRealTimers();
    }
  });
});

describe('getAccessTokenAction', () => {
  it('returns the caller’s own current token, without refreshing a fresh one', async () => {
    const { session } = await signedInRequest(emulator(), alice, action);
    emulator().control.resetCounters();
    expect(await getAccessTokenAction()).toEqual({ accessToken: session.accessToken });
    expect(authenticateCalls()).toBe(0);
  });

  it('refreshes when forced, or when the token is inside the refresh buffer, and never returns the refresh token', async () => {
    const { session } = await signedInRequest(emulator(), alice, action);
    const forced = await getAccessTokenAction({ forceRefresh: true });
    expect(forced.accessToken).toMatch(/^ey/);
    expect(forced.accessToken).not.toBe(session.accessToken);
    expect(JSON.stringify(forced)).not.toContain(session.refreshToken);

    const { session: shortLived } = await signedInRequest(emulator(), { ...alice, expiresIn: 45 }, action);
    // A 45 s token has a 30 s buffer: fresh now, due 20 s later.
    const due = await getAccessTokenAction();
    expect(due.accessToken).toBe(shortLived.accessToken);
    vi.useFakeTimers({ toFake: ['Date'], now: Date.now() + 20_000 });
    try {
      const refreshed = await getAccessTokenAction();
      expect(refreshed.accessToken).not.toBe(shortLived.accessToken);
    } finally {
      vi.useRealTimers();
    }
  });

  it('signed out: no token, no error', async () => {
    await signedOutRequest(action);
    expect(await getAccessTokenAction({ forceRefresh: true })).toEqual({ accessToken: undefined });
  });

  it('never throws: a failed refresh comes back as { accessToken: undefined, error }', async () => {
    await signedInRequest(emulator(), alice, action);
    emulator().control.injectFault({ endpoint: AUTHENTICATE, status: 503, times: 10 });
    expect(await getAccessTokenAction({ forceRefresh: true })).toEqual({ accessToken: undefined, error: 'Failed to refresh access token' });
  });
});

describe('getOrganizationsAction', () => {
  it('lists the caller’s own active memberships, the current one marked, sorted by name', async () => {
    await signedInRequest(emulator(), { user: 'dave@example.com', organizationId: 'org_globex' }, action);
    expect(await getOrganizationsAction()).toEqual([
      { id: 'org_globex', name: 'Globex', role: 'admin', current: true },
      { id: 'org_initech', name: 'Initech', role: 'member', current: false },
      { id: 'org_umbrella', name: 'Umbrella', role: 'member', current: false },
    ]);
    expect(sessionWrites()).toHaveLength(0);
  });

  it('leaves out pending memberships, and ignores any argument: only ever the caller’s own', async () => {
    await signedInRequest(emulator(), { user: 'bob@example.com' }, action);
    const call = getOrganizationsAction as (...args: unknown[]) => ReturnType<typeof getOrganizationsAction>;
    expect(await call({ userId: 'user_dave' })).toEqual([{ id: 'org_acme', name: 'Acme', role: 'member', current: true }]);
    expect(await call('user_alice')).toEqual([{ id: 'org_acme', name: 'Acme', role: 'member', current: true }]);
  });

  it('signed out: []', async () => {
    await signedOutRequest(action);
    expect(await getOrganizationsAction()).toEqual([]);
  });

  it('refreshes an expired token here and lists the memberships of the refreshed session', async () => {
    await signedInRequest(emulator(), { ...alice, expiresIn: 60 }, action);
    vi.useFakeTimers({ toFake: ['Date'], now: Date.now() + 120_000 });
    try {
      expect((await getOrganizationsAction()).map((org) => [org.id, org.current])).toEqual([['org_acme', true], ['org_globex', false]]);
      expect(sessionWrites()).toHaveLength(1);
    } finally {
      vi.useRealTimers();
    }
  });

  it('a session that has ended (the refresh refused) lists nothing', async () => {
    const { session } = await signedInRequest(emulator(), { ...alice, expiresIn: 60 }, action);
    await fetch(`${emulator().url}/user_management/sessions/logout?session_id=${decodeJwtClaims<{ sid: string }>(session.accessToken)!.sid}`, { redirect: 'manual' });
    vi.useFakeTimers({ toFake: ['Date'], now: Date.now() + 120_000 });
    try {
      expect(await getOrganizationsAction()).toEqual([]);
    } finally {
      vi.useRealTimers();
    }
  });
});

describe('signOutAction', () => {
  it('clears the session and redirects to WorkOS’s logout for this session, then the return path', async () => {
    await signedInRequest(emulator(), alice, action);
    const { url } = await redirectOf(() => signOutAction(form({ returnTo: 'http://localhost:3000/bye' })));
    const target = new URL(url);
    expect(target.origin).toBe(emulator().url);
    expect(target.pathname).toBe('/user_management/sessions/logout');
    expect(target.searchParams.get('session_id')).toMatch(/^session_/);
    expect(target.searchParams.get('return_to')).toBe('http://localhost:3000/bye');
    expect(mockRequest.cookie('wos-session')).toBeUndefined();
  });

  it('takes options too, and ignores a returnTo that is not a string', async () => {
    await signedOutRequest(action);
    expect((await redirectOf(() => signOutAction({ returnTo: '/see-you' }))).url).toBe('/see-you');
    expect((await redirectOf(() => signOutAction({ returnTo: { evil: true } as never }))).url).toBe('/');
    expect((await redirectOf(() => signOutAction())).url).toBe('/');
  });

  it('honours only a return path on this app: another origin is dropped, for WorkOS and without a session', async () => {
    await signedInRequest(emulator(), alice, action);
    const { url } = await redirectOf(() => signOutAction(form({ returnTo: 'https://evil.com/phish' })));
    expect(new URL(url).searchParams.has('return_to')).toBe(false);
    await signedOutRequest(action);
    for (const returnTo of ['https://evil.com/', '//evil.com', '/%2F%2Fevil.com']) {
      expect((await redirectOf(() => signOutAction(form({ returnTo })))).url, returnTo).toBe('/');
    }
  });
});
