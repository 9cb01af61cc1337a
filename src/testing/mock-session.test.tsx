/**
 * The mock session renders both faces of every component in any auth state, without a server:
 * the server face reads it through the kit's real `getSession()` (a sealed cookie in the mocked
 * `next/headers`, read through the session root's test seams), the client face through the real
 * client provider, and the mock actions act on it.
 */
import { act, render, screen, within } from '@testing-library/react';
import { userEvent } from '@testing-library/user-event';
import { beforeEach, describe, expect, it, vi } from 'vitest';

vi.mock('next/headers', async () => (await import('./index.js')).nextHeadersMock);
vi.mock('../actions/index.js', async () => (await import('./index.js')).createMockActions(vi.fn));

import * as actions from '../actions/index.js';
import * as client from '../components/index.js';
import * as server from '../components/index.react-server.js';
import { getSession } from '../server/request/get-session.js';
import { sessionRoot } from '../server/root/current-root.js';
import {
  clearMockActionCalls, clearMockSession, createMockSession, mockActionCalls, MockAuthKitProvider, mockRequest, mockUser,
  resolveServerComponents, setMockSession,
} from './index.js';
import { mockDirectoryFetch } from './mock-directory.js';
import { readMockAccessToken } from './mock-session.js';

beforeEach(() => {
  mockRequest.reset();
  clearMockActionCalls();
  vi.mocked(actions.switchOrganizationAction).mockClear();
  vi.mocked(actions.signOutAction).mockClear();
});

const renderServer = async (ui: React.ReactNode) => render(await resolveServerComponents(ui));

describe('the server face reads the mock session through getSession()', () => {
  it('is signed in with the preset claims, from a sealed cookie', async () => {
    await setMockSession('admin');
    expect(mockRequest.cookie('wos-session')).toMatch(/^Fe26\.2\*/);
    const state = await getSession();
    expect(state.status).toBe('signed-in');
    expect(state.status === 'signed-in' && state.info).toMatchObject({ role: 'admin', organizationId: 'org_acme', featureFlags: ['new-dashboard'] });
  });

  it('opens and closes the gates per state', async () => {
    const page = (
      <>
        <server.SignedIn role="admin" fallback={<p>not an admin</p>}><p>admin area</p></server.SignedIn>
        <server.SignedOut><server.SignInButton /></server.SignedOut>
      </>
    );
    await setMockSession('admin');
    const { unmount } = await renderServer(page);
    expect(screen.getByText('admin area')).toBeInTheDocument();
    expect(screen.queryByRole('link', { name: 'Sign in' })).toBeNull();
    unmount();

    await setMockSession('signedIn');
    const member = await renderServer(page);
    expect(screen.getByText('not an admin')).toBeInTheDocument();
    member.unmount();

    await setMockSession('signedOut');
    await renderServer(page);
    expect(screen.getByRole('link', { name: 'Sign in' }).getAttribute('href')).toMatch(/^http:\/\/localhost:3000\/callback\?/);
  });

  it('lists many organisations in the server OrgSwitcher (memberships from the mock directory)', async () => {
    await setMockSession('manyOrgs');
    await renderServer(<server.OrgSwitcher />);
    const list = screen.getByRole('list', { name: 'Organizations' });
    expect(within(list).getAllByRole('button').map((button) => button.textContent)).toEqual(['Acme', 'Globex', 'Hooli', 'Initech', 'Umbrella']);
    expect(within(list).getByRole('button', { name: 'Globex' })).toHaveAttribute('aria-current', 'true');
  });

  it('shows the impersonation banner with the organisation name', async () => {
    await setMockSession('impersonating');
    await renderServer(<server.Impersonation />);
    expect(screen.getByRole('status')).toHaveTextContent('support@example.com is impersonating bob@example.com in Acme (reason: Investigating ticket #4521)');
  });

  it('seeds the client provider from the server shell', async () => {
    await setMockSession(createMockSession({ user: mockUser({ email: 'eve@example.com' }), organizationId: 'org_eve', role: 'owner' }));
    function Who() {
      const { user, role } = client.useAuth();
      return <p>{user?.email} as {role}</p>;
    }
    await renderServer(<server.AuthKitProvider><Who /></server.AuthKitProvider>);
    // The shell hands over a promise: useAuth() is loading on the first render, then has the user.
    expect(await screen.findByText('eve@example.com as owner')).toBeInTheDocument();
  });
});

describe('the mocked request', () => {
  it("holds the session in headers() as the request arrived, and an action's cookie writes only in cookies(), as Next does", async () => {
    const { nextHeadersMock } = await import('./index.js');
    await setMockSession('admin');
    const arrived = (await nextHeadersMock.headers()).get('cookie');
    expect(arrived).toContain(`wos-session=${encodeURIComponent(mockRequest.cookie('wos-session')!)}`);
    (await nextHeadersMock.cookies()).set('theme', 'dark');
    expect((await nextHeadersMock.cookies()).get('theme')?.value).toBe('dark');
    expect((await nextHeadersMock.headers()).get('cookie')).toBe(arrived);
    mockRequest.reset({ cookies: { theme: 'light' } });
    expect((await nextHeadersMock.headers()).get('cookie')).toBe('theme=light');
  });
});

describe('the seams it uses', () => {
  it("reads mock tokens and lists memberships through the session root's seams: no global patched, and cleared with the session", async () => {
    const globalFetch = globalThis.fetch;
    await setMockSession('admin');
    expect(globalThis.fetch).toBe(globalFetch);
    expect(sessionRoot()).toMatchObject({ verifyAccessToken: readMockAccessToken, fetch: mockDirectoryFetch });
    await clearMockSession();
    expect(sessionRoot().verifyAccessToken).not.toBe(readMockAccessToken);
    expect(sessionRoot().fetch).not.toBe(mockDirectoryFetch);
    expect(mockRequest.cookie('wos-session')).toBeUndefined();
  });

  it('reads an expired mock token as expired, never signed in', async () => {
    const expired = createMockSession('signedIn', { expiresIn: -60 });
    expect(await readMockAccessToken(expired.session!.accessToken)).toMatchObject({ result: 'expired', signatureChecked: false });
    expect(await readMockAccessToken('not-a-token')).toEqual({ result: 'malformed' });
  });
});

describe('the client face, seeded by MockAuthKitProvider', () => {
  it('renders each state, loading included', async () => {
    const ui = (
      <>
        <client.SignedIn><p>signed in</p></client.SignedIn>
        <client.SignedOut><p>signed out</p></client.SignedOut>
      </>
    );
    const { rerender } = render(<MockAuthKitProvider session="signedIn">{ui}</MockAuthKitProvider>);
    expect(screen.getByText('signed in')).toBeInTheDocument();
    rerender(<MockAuthKitProvider session="signedOut">{ui}</MockAuthKitProvider>);
    expect(screen.getByText('signed out')).toBeInTheDocument();
    await setMockSession('loading');
    // The gates suspend until an unseeded provider has asked the server: let React run its effects.
    await act(async () => rerender(<MockAuthKitProvider>{ui}</MockAuthKitProvider>));
    expect(screen.queryByText(/signed/)).toBeNull();
    expect(actions.getAuthAction).toHaveBeenCalled();
  });

  it('switches organisation through the mocked action and re-seeds like a server re-render', async () => {
    const mock = await setMockSession('manyOrgs');
    render(<MockAuthKitProvider><client.OrgSwitcher organizations={mock.organizations} /></MockAuthKitProvider>);
    await userEvent.click(screen.getByRole('button', { name: 'Hooli' }));
    expect(actions.switchOrganizationAction).toHaveBeenCalledTimes(1);
    expect((vi.mocked(actions.switchOrganizationAction).mock.calls[0]![0] as FormData).get('organizationId')).toBe('org_hooli');
    expect(await screen.findByRole('button', { name: 'Hooli', current: true })).toBeInTheDocument();
    const state = await getSession();
    expect(state.status === 'signed-in' && state.info.organizationId).toBe('org_hooli');
  });

  it('refuses to switch to an organisation the user is not a member of', async () => {
    await setMockSession('signedIn');
    expect(await actions.switchOrganizationAction('org_globex')).toEqual({ error: 'Not a member of this organization' });
  });

  it('stops impersonating (signs out) through the mocked action', async () => {
    await setMockSession('impersonating');
    render(<MockAuthKitProvider><client.Impersonation /><client.SignedOut><p>signed out</p></client.SignedOut></MockAuthKitProvider>);
    expect(screen.getByRole('status')).toHaveTextContent('in Acme');
    await userEvent.click(screen.getByRole('button', { name: 'Stop impersonating' }));
    expect(await screen.findByText('signed out')).toBeInTheDocument();
    expect(mockActionCalls().map((call) => call.action)).toContain('signOutAction');
    expect((await getSession()).status).toBe('signed-out');
  });

  it('hands the mock access token to useAccessToken', async () => {
    const mock = await setMockSession('admin');
    function Token() {
      const { accessToken } = client.useAccessToken();
      return <p>{accessToken ? 'has token' : 'no token'}</p>;
    }
    render(<MockAuthKitProvider><Token /></MockAuthKitProvider>);
    expect(await screen.findByText('has token')).toBeInTheDocument();
    await act(async () => undefined);
    expect(mock.session!.accessToken.split('.')).toHaveLength(3);
  });
});
