/** The server buttons: links built by getSignInUrl/getSignUpUrl (pure), and a plain sign-out form. */
import { render, screen } from '@testing-library/react';
import type { ReactElement } from 'react';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { signedOutRequest, serverRender } from '../../../test/support/components-request.js';
import { setTestEnv } from '../../../test/support/env.js';
import { signOutAction } from '../../actions/index.js';
import { SignInButton, SignOutButton, SignUpButton } from './buttons.js';

vi.mock('next/headers', async () => (await import('../../testing/next-headers.js')).nextHeadersMock);
// Signed out throughout: the links need the configuration, no WorkOS.
let restoreEnv: () => void;
beforeAll(() => {
  restoreEnv = setTestEnv();
});
afterAll(() => restoreEnv());

const params = (name: string) => Object.fromEntries(new URL(screen.getByRole('link', { name }).getAttribute('href')!).searchParams);

describe('<SignInButton> / <SignUpButton> (server)', () => {
  it('links to the auth route with the sign-in screen, during a read-only render', async () => {
    await signedOutRequest();
    render(await serverRender(SignInButton, {}));
    const href = screen.getByRole('link', { name: 'Sign in' }).getAttribute('href')!;
    expect(href.startsWith('http://localhost:3000/callback?')).toBe(true);
    expect(params('Sign in')).toEqual({ screen_hint: 'sign-in' });
  });

  it('carries returnTo, organizationId and loginHint; sign-up opens the sign-up screen', async () => {
    await signedOutRequest();
    render(await serverRender(SignUpButton, { returnTo: '/welcome', organizationId: 'org_acme', loginHint: 'new@acme.example', children: 'Join' }));
    expect(params('Join')).toEqual({ screen_hint: 'sign-up', return_to: '/welcome', organization_id: 'org_acme', login_hint: 'new@acme.example' });
  });

  it('produces the same link as its client twin for the same props', async () => {
    await signedOutRequest();
    render(await serverRender(SignInButton, { returnTo: '/x?y=1', loginHint: 'a@b.c' }));
    expect(params('Sign in')).toEqual({ screen_hint: 'sign-in', return_to: '/x?y=1', login_hint: 'a@b.c' });
  });

  it('with asChild, turns the caller’s element into the link', async () => {
    await signedOutRequest();
    render(await serverRender(SignInButton, { asChild: true, children: <a className="nav">Log in</a> }));
    const link = screen.getByRole('link', { name: 'Log in' });
    expect(link).toHaveClass('nav');
    expect(link.getAttribute('href')).toMatch(/^http:\/\/localhost:3000\/callback\?/);
  });
});

describe('<SignOutButton> (server)', () => {
  it('is a labelled form posting to signOutAction, with a submit button and the return path', () => {
    const { container } = render(SignOutButton({ returnTo: '/bye' }));
    const form = screen.getByRole('form', { name: 'Sign out' });
    expect(screen.getByRole('button', { name: 'Sign out' })).toHaveAttribute('type', 'submit');
    expect(container.querySelector('input[type=hidden][name=returnTo]')).toHaveValue('/bye');
    expect(form).toBeInTheDocument();
    // The form's action is the server action itself (so it works without JavaScript).
    const element = SignOutButton({});
    const formElement = (element.type as (props: typeof element.props) => ReactElement<{ action: unknown }>)(element.props);
    expect(formElement.props.action).toBe(signOutAction);
  });
});
