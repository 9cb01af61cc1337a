/**
 * The server gates against real sessions: minted by the emulator, sealed into the next/headers
 * stand-in, read through the kit's own session pipeline. Renders are read-only (a cookie write
 * would throw), which proves the gates never write cookies.
 */
import { render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { signedInRequest, signedOutRequest, serverRender } from '../../../test/support/components-request.js';
import { emulatorSuite } from '../../../test/support/emulator-suite.js';
import { redirectOf } from '../../../test/support/http.js';
import type { AuthConditions } from '../../shared/types.js';
import { RequireAuth, SignedIn, SignedOut } from './gates.js';

vi.mock('next/headers', async () => (await import('../../testing/next-headers.js')).nextHeadersMock);

const suite = emulatorSuite();
const emulator = () => suite.emulator;
afterEach(() => vi.useRealTimers());

const alice = { user: 'alice@example.com', organizationId: 'org_acme' };
const fallback = <p>fallback</p>;
const shown = (text: string) => screen.queryByText(text) !== null;

// Alice in Acme: admin, posts:* and members:manage, the audit-logs entitlement, the new-dashboard flag.
const CASES: Array<[string, AuthConditions, AuthConditions]> = [
  ['role', { role: 'admin' }, { role: 'owner' }],
  ['roles', { roles: ['owner', 'admin'] }, { roles: ['owner', 'member'] }],
  ['permission', { permission: 'posts:write' }, { permission: 'billing:write' }],
  ['entitlement', { entitlement: 'audit-logs' }, { entitlement: 'sso' }],
  ['featureFlag', { featureFlag: 'new-dashboard' }, { featureFlag: 'beta' }],
  ['organizationId', { organizationId: 'org_acme' }, { organizationId: 'org_globex' }],
  ['condition', { condition: (auth) => auth.user.email === 'alice@example.com' }, { condition: (auth) => auth.role === 'member' }],
];

describe('<SignedIn> (server)', () => {
  it('shows children signed in, the fallback (default nothing) signed out', async () => {
    await signedInRequest(emulator(), alice);
    render(await serverRender(SignedIn, { children: 'secret', fallback }));
    expect(shown('secret')).toBe(true);
    await signedOutRequest();
    const { container } = render(await serverRender(SignedIn, { children: 'secret' }));
    expect(container).toBeEmptyDOMElement();
    render(await serverRender(SignedIn, { children: 'secret', fallback }));
    expect(shown('fallback')).toBe(true);
  });

  it.each(CASES)('checks %s: children when met, fallback when unmet', async (_name, met, unmet) => {
    await signedInRequest(emulator(), alice);
    const view = render(await serverRender(SignedIn, { ...met, children: 'secret', fallback }));
    expect(shown('secret')).toBe(true);
    view.unmount();
    render(await serverRender(SignedIn, { ...unmet, children: 'secret', fallback }));
    expect(shown('secret')).toBe(false);
    expect(shown('fallback')).toBe(true);
  });

  it('gives a predicate the redacted session, never the access token', async () => {
    await signedInRequest(emulator(), alice);
    const seen: object[] = [];
    render(await serverRender(SignedIn, { condition: (auth) => (seen.push(auth), true), children: 'secret' }));
    expect(seen[0]).not.toHaveProperty('accessToken');
    expect(seen[0]).toMatchObject({ user: { email: 'alice@example.com' }, organizationId: 'org_acme' });
  });

  it('never signs out on an expired token: it sends the render through the refresh route', async () => {
    await signedInRequest(emulator(), { ...alice, expiresIn: 60 }, { path: '/reports?q=1' });
    vi.useFakeTimers({ toFake: ['Date'], now: Date.now() + 120_000 });
    const { url } = await redirectOf(() => serverRender(SignedIn, { children: 'secret' }));
    const target = new URL(url);
    expect(target.origin + target.pathname).toBe('http://localhost:3000/callback');
    expect(Object.fromEntries(target.searchParams)).toEqual({ refresh: '1', return_to: '/reports?q=1' });
  });
});

describe('<SignedOut> (server)', () => {
  it('shows children signed out and the fallback signed in', async () => {
    await signedOutRequest();
    render(await serverRender(SignedOut, { children: 'welcome', fallback }));
    expect(shown('welcome')).toBe(true);
    await signedInRequest(emulator(), alice);
    render(await serverRender(SignedOut, { children: 'hidden', fallback: <p>hello again</p> }));
    expect(shown('hidden')).toBe(false);
    expect(shown('hello again')).toBe(true);
  });

  it('reads a tampered cookie as signed out', async () => {
    const { sealed } = await signedInRequest(emulator(), alice);
    const { mockRequest } = await import('../../testing/next-headers.js');
    mockRequest.reset({ cookies: { 'wos-session': `${sealed.slice(0, -4)}AAAA` }, readOnly: true });
    render(await serverRender(SignedOut, { children: 'welcome' }));
    expect(shown('welcome')).toBe(true);
  });
});

describe('<RequireAuth> (server)', () => {
  it('shows children when signed in and every condition holds', async () => {
    await signedInRequest(emulator(), alice);
    render(await serverRender(RequireAuth, { role: 'admin', permission: 'members:manage', children: 'panel' }));
    expect(shown('panel')).toBe(true);
  });

  it.each(CASES)('signed in but %s unmet: the fallback, default nothing, never a redirect', async (_name, _met, unmet) => {
    await signedInRequest(emulator(), alice, { path: '/admin' });
    render(await serverRender(RequireAuth, { ...unmet, children: 'panel', fallback }));
    expect(shown('fallback')).toBe(true);
    const { container } = render(await serverRender(RequireAuth, { ...unmet, children: 'panel' }));
    expect(container).toBeEmptyDOMElement();
  });

  it('signed out: redirects to sign-in on the auth route, returning to the current path', async () => {
    await signedOutRequest({ path: '/admin?tab=2' });
    const { url, status } = await redirectOf(() => serverRender(RequireAuth, { children: 'panel' }));
    const target = new URL(url);
    expect(status).toBe(307);
    expect(target.origin + target.pathname).toBe('http://localhost:3000/callback');
    expect(target.searchParams.get('return_to')).toBe('/admin?tab=2');
  });

  it('signed out with returnTo: returns there instead', async () => {
    await signedOutRequest({ path: '/admin' });
    const { url } = await redirectOf(() => serverRender(RequireAuth, { children: 'panel', returnTo: '/billing' }));
    expect(Object.fromEntries(new URL(url).searchParams)).toEqual({ screen_hint: 'sign-in', return_to: '/billing' });
  });

  it('never redirects off-site, whatever returnTo says', async () => {
    await signedOutRequest();
    const { url } = await redirectOf(() => serverRender(RequireAuth, { children: 'panel', returnTo: '//evil.example/steal' }));
    expect(new URL(url).searchParams.get('return_to')).toBe('/');
  });

  it('signed out with a fallback: renders it instead of redirecting', async () => {
    await signedOutRequest({ path: '/admin' });
    render(await serverRender(RequireAuth, { children: 'panel', fallback }));
    expect(shown('fallback')).toBe(true);
  });
});
