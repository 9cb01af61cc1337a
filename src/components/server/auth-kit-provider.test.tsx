/**
 * The server shell of AuthKitProvider: one session read on the server, a redacted seed for the
 * client provider (never a token), so client components render the right state on first render.
 */
import { render, screen } from '@testing-library/react';
import type { ReactElement } from 'react';
import { describe, expect, it, vi } from 'vitest';
import { signedInRequest, signedOutRequest, emulatorPerFile } from '../../../test/support/components-request.js';
import * as actions from '../../actions/index.js';
import type { AuthKitProviderProps } from '../client/auth-kit-provider.js';
import { SignInButton } from '../client/buttons.js';
import { Impersonation } from '../client/impersonation.js';
import { useAuth } from '../client/use-auth.js';
import { AuthKitProvider } from './auth-kit-provider.js';

vi.mock('next/headers', () => import('../../../test/support/next-headers.js'));
const emulator = emulatorPerFile();

function WhoAmI() {
  const { user, loading, organizationId, role } = useAuth();
  return <p>{loading ? 'loading' : user ? `${user.email} ${organizationId} ${role}` : 'nobody'}</p>;
}

const seedOf = (element: ReactElement) => (element as ReactElement<AuthKitProviderProps>).props;

describe('<AuthKitProvider> (server shell)', () => {
  it('seeds the client provider: the first render already has the user, with no server round trip', async () => {
    await signedInRequest(emulator(), { user: 'alice@example.com', organizationId: 'org_acme' });
    const getAuth = vi.spyOn(actions, 'getAuthAction');
    render(await AuthKitProvider({ children: <WhoAmI /> }));
    expect(screen.getByText('alice@example.com org_acme admin')).toBeInTheDocument();
    expect(getAuth).not.toHaveBeenCalled();
  });

  it('seeds a signed-out visitor as signed out (no loading state)', async () => {
    await signedOutRequest();
    render(await AuthKitProvider({ children: <WhoAmI /> }));
    expect(screen.getByText('nobody')).toBeInTheDocument();
  });

  it('never hands the access or refresh token to the client', async () => {
    const { session } = await signedInRequest(emulator(), { user: 'alice@example.com', organizationId: 'org_acme' });
    const props = JSON.stringify(seedOf(await AuthKitProvider({ children: null })));
    expect(props).not.toContain(session.accessToken);
    expect(props).not.toContain(session.refreshToken);
    expect(props).not.toMatch(/accessToken|refreshToken/);
  });

  it('redacts a caller-supplied seed too (a full withAuth() result passed as initialAuth)', async () => {
    await signedOutRequest();
    const leaky = { user: { id: 'user_x', email: 'x@example.com' }, sessionId: 's', accessToken: 'eyJ.secret.token', refreshToken: 'rt_secret' };
    const props = seedOf(await AuthKitProvider({ initialAuth: leaky as never, children: null }));
    expect(JSON.stringify(props)).not.toContain('secret');
    expect(props.initialAuth).toMatchObject({ user: { id: 'user_x' }, sessionId: 's' });
  });

  it('tells client sign-in links where the auth route is', async () => {
    await signedOutRequest();
    render(await AuthKitProvider({ children: <SignInButton returnTo="/x" /> }));
    expect(screen.getByRole('link', { name: 'Sign in' })).toHaveAttribute('href', 'http://localhost:3000/callback?screen_hint=sign-in&return_to=%2Fx');
  });

  it('names the organisation for a client impersonation banner, only while impersonating', async () => {
    await signedInRequest(emulator(), { user: 'alice@example.com', organizationId: 'org_globex', impersonator: { email: 'support@workos.test' } });
    render(await AuthKitProvider({ children: <Impersonation /> }));
    expect(screen.getByRole('status')).toHaveTextContent('in Globex');
    await signedInRequest(emulator(), { user: 'alice@example.com', organizationId: 'org_globex' });
    expect(seedOf(await AuthKitProvider({ children: null })).organizationName).toBeUndefined();
  });

  it('passes onSessionExpired={false} through', async () => {
    await signedOutRequest();
    expect(seedOf(await AuthKitProvider({ onSessionExpired: false, children: null })).onSessionExpired).toBe(false);
  });
});
