/**
 * The server shell of AuthKitProvider: it hands the client provider a promise of the redacted
 * session (never a token) without waiting for it, so its children render at once and client
 * components learn the session from that promise, with no server round trip.
 */
import { act, render, screen } from '@testing-library/react';
import type { ReactElement, ReactNode } from 'react';
import { describe, expect, it, vi } from 'vitest';
import { BUILD_MODES, buildWithCacheComponents } from '../../../test/support/cache-components.js';
import { signedInRequest, signedOutRequest, serverRender } from '../../../test/support/components-request.js';
import { emulatorSuite } from '../../../test/support/emulator-suite.js';
import * as actions from '../../actions/index.js';
import type { AuthKitProviderProps } from '../client/auth-kit-provider.js';
import type { ClientSession } from '../client/session-seed.js';
import type { ClientAuth } from '../../shared/types.js';
import { SignInButton } from '../client/buttons.js';
import { Impersonation } from '../client/impersonation.js';
import { useAuth } from '../client/use-auth.js';
import { AuthKitProvider } from './auth-kit-provider.js';

vi.mock('next/headers', async () => (await import('../../testing/next-headers.js')).nextHeadersMock);
const suite = emulatorSuite();
const emulator = () => suite.emulator;

function WhoAmI() {
  const { user, loading, organizationId, role } = useAuth();
  return <p>{loading ? 'loading' : user ? `${user.email} ${organizationId} ${role}` : 'nobody'}</p>;
}

// The client provider may suspend (in its own boundary) on the session promise: let React settle it.
const renderSettled = (ui: ReactNode) => act(async () => void render(ui));
const propsOf = (element: unknown) => (element as ReactElement<AuthKitProviderProps>).props;
/** What the shell handed the client provider: a promise of the session, or the session itself. */
async function seedOf(element: unknown): Promise<ClientSession> {
  const { session, initialAuth, authRoute, organizationName } = propsOf(element);
  return session ? await session : { auth: initialAuth as ClientAuth, authRoute: authRoute!, organizationName };
}

describe('<AuthKitProvider> (server shell): how it hands the session over', () => {
  describe('with Cache Components', () => {
    buildWithCacheComponents(true);
    it('does not wait for the session: the client provider gets a promise of it', async () => {
      await signedInRequest(emulator(), { user: 'alice@example.com', organizationId: 'org_acme' });
      const props = propsOf(await AuthKitProvider({ children: null }));
      expect(props.initialAuth).toBeUndefined();
      expect((await props.session)?.auth).toMatchObject({ user: { email: 'alice@example.com' } });
    });
  });

  describe('without Cache Components', () => {
    buildWithCacheComponents(false);
    it('seeds the client provider with the session itself (on its first render)', async () => {
      await signedInRequest(emulator(), { user: 'alice@example.com', organizationId: 'org_acme' });
      const props = propsOf(await AuthKitProvider({ children: null }));
      expect(props.session).toBeUndefined();
      expect(props.initialAuth).toMatchObject({ user: { email: 'alice@example.com' }, organizationId: 'org_acme' });
    });
  });
});

describe.each(BUILD_MODES)('<AuthKitProvider> (server shell), %s', (_mode, cacheComponents) => {
  buildWithCacheComponents(cacheComponents);

  it('renders its children at once and seeds the client provider, with no server round trip', async () => {
    await signedInRequest(emulator(), { user: 'alice@example.com', organizationId: 'org_acme' });
    const getAuth = vi.spyOn(actions, 'getAuthAction');
    const ui = await serverRender(AuthKitProvider, { children: <WhoAmI /> });
    await renderSettled(ui);
    expect(await screen.findByText('alice@example.com org_acme admin')).toBeInTheDocument();
    expect(getAuth).not.toHaveBeenCalled();
  });

  it('seeds a signed-out visitor as signed out', async () => {
    await signedOutRequest();
    await renderSettled(await serverRender(AuthKitProvider, { children: <WhoAmI /> }));
    expect(await screen.findByText('nobody')).toBeInTheDocument();
  });

  it('never hands the access or refresh token to the client', async () => {
    const { session } = await signedInRequest(emulator(), { user: 'alice@example.com', organizationId: 'org_acme' });
    const props = JSON.stringify(await seedOf(await serverRender(AuthKitProvider, { children: null })));
    expect(props).toContain('alice@example.com');
    expect(props).not.toContain(session.accessToken);
    expect(props).not.toContain(session.refreshToken);
    expect(props).not.toMatch(/accessToken|refreshToken/);
  });

  it('redacts a caller-supplied seed too (a full withAuth() result passed as initialAuth)', async () => {
    await signedOutRequest();
    const leaky = { user: { id: 'user_x', email: 'x@example.com' }, sessionId: 's', accessToken: 'eyJ.secret.token', refreshToken: 'rt_secret' };
    const seed = await seedOf(await serverRender(AuthKitProvider, { initialAuth: leaky as never, children: null }));
    expect(JSON.stringify(seed)).not.toContain('secret');
    expect(seed.auth).toMatchObject({ user: { id: 'user_x' }, sessionId: 's' });
  });

  it('tells client sign-in links where the auth route is', async () => {
    await signedOutRequest();
    await renderSettled(await serverRender(AuthKitProvider, { children: <SignInButton returnTo="/x" /> }));
    expect(await screen.findByRole('link', { name: 'Sign in' })).toHaveAttribute('href', 'http://localhost:3000/callback?screen_hint=sign-in&return_to=%2Fx');
  });

  it('names the organisation for a client impersonation banner, only while impersonating', async () => {
    await signedInRequest(emulator(), { user: 'alice@example.com', organizationId: 'org_globex', impersonator: { email: 'support@workos.test' } });
    await renderSettled(await serverRender(AuthKitProvider, { children: <Impersonation /> }));
    expect(await screen.findByRole('status')).toHaveTextContent('in Globex');
    await signedInRequest(emulator(), { user: 'alice@example.com', organizationId: 'org_globex' });
    expect((await seedOf(await serverRender(AuthKitProvider, { children: null }))).organizationName).toBeUndefined();
  });

  it('passes onSessionExpired={false} through', async () => {
    await signedOutRequest();
    expect(propsOf(await serverRender(AuthKitProvider, { onSessionExpired: false, children: null })).onSessionExpired).toBe(false);
  });
});
