import { render, screen, waitFor } from '@testing-library/react';
import { userEvent } from '@testing-library/user-event';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { signedInSession, signedOut } from '../../../test/support/components-fixtures.js';
import { renderWithAuth, TEST_AUTH_ROUTE } from '../../../test/support/components-render.js';
import type { ReactNode } from 'react';
import { AuthKitProvider } from './auth-kit-provider.js';
import { SignInButton, SignOutButton, SignUpButton } from './buttons.js';

vi.mock('../../actions/index.js', () => import('../../../test/support/components-actions.js'));
const { resetActionMocks, signOutAction } = await import('../../../test/support/components-actions.js');

beforeEach(() => resetActionMocks());

function ProviderWithoutRoute({ children }: { children: ReactNode }) {
  return <AuthKitProvider initialAuth={signedOut} onSessionExpired={false}>{children}</AuthKitProvider>;
}

const query = (href: string | null) => Object.fromEntries(new URL(href!).searchParams);

describe('<SignInButton> / <SignUpButton> (client)', () => {
  it('is a link to the auth route that starts sign-in', () => {
    renderWithAuth(<SignInButton />, 'signedOut');
    const link = screen.getByRole('link', { name: 'Sign in' });
    expect(link.getAttribute('href')!.startsWith(`${TEST_AUTH_ROUTE}?`)).toBe(true);
    expect(query(link.getAttribute('href'))).toEqual({ screen_hint: 'sign-in' });
  });

  it('carries returnTo, organizationId and loginHint as the auth route parameters', () => {
    renderWithAuth(<SignUpButton returnTo="/welcome?tour=1" organizationId="org_acme" loginHint="ada@example.com">Join</SignUpButton>, 'signedOut');
    const link = screen.getByRole('link', { name: 'Join' });
    expect(query(link.getAttribute('href'))).toEqual({
      screen_hint: 'sign-up', return_to: '/welcome?tour=1', organization_id: 'org_acme', login_hint: 'ada@example.com',
    });
  });

  it('passes other anchor props through', () => {
    renderWithAuth(<SignInButton className="btn" data-testid="sign-in" />, 'signedOut');
    expect(screen.getByTestId('sign-in')).toHaveClass('btn');
  });

  it('with asChild, turns the caller’s element into the link', () => {
    renderWithAuth(<SignInButton asChild returnTo="/x"><a className="fancy">Log in</a></SignInButton>, 'signedOut');
    const link = screen.getByRole('link', { name: 'Log in' });
    expect(link).toHaveClass('fancy');
    expect(query(link.getAttribute('href'))).toMatchObject({ return_to: '/x' });
  });

  it('defaults the auth route to /callback when the provider is used directly', () => {
    render(<SignInButton />, { wrapper: ({ children }) => <ProviderWithoutRoute>{children}</ProviderWithoutRoute> });
    expect(screen.getByRole('link', { name: 'Sign in' })).toHaveAttribute('href', '/callback?screen_hint=sign-in');
  });
});

describe('<SignOutButton> (client)', () => {
  it('is a submit button inside a form labelled "Sign out"', () => {
    renderWithAuth(<SignOutButton />, signedInSession());
    const form = screen.getByRole('form', { name: 'Sign out' });
    const button = screen.getByRole('button', { name: 'Sign out' });
    expect(form).toContainElement(button);
    expect(button).toHaveAttribute('type', 'submit');
  });

  it('submits to signOutAction with the return path', async () => {
    renderWithAuth(<SignOutButton returnTo="/goodbye">Log out</SignOutButton>, signedInSession());
    await userEvent.click(screen.getByRole('button', { name: 'Log out' }));
    await waitFor(() => expect(signOutAction).toHaveBeenCalledTimes(1));
    const form = signOutAction.mock.calls[0]![0] as FormData;
    expect(form.get('returnTo')).toBe('/goodbye');
  });

  it('with asChild, makes the caller’s element the submit control', async () => {
    renderWithAuth(<SignOutButton asChild><button type="button" className="ghost">Leave</button></SignOutButton>, signedInSession());
    const button = screen.getByRole('button', { name: 'Leave' });
    expect(button).toHaveClass('ghost');
    expect(button).toHaveAttribute('type', 'submit');
    await userEvent.click(button);
    await waitFor(() => expect(signOutAction).toHaveBeenCalledTimes(1));
  });
});
