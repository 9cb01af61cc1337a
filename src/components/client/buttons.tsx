'use client';
/** Client twins of the sign-in, sign-up and sign-out buttons (same props and markup as the server face). */
import { AuthLink } from '../shared/auth-link.js';
import { SignOutForm } from '../shared/sign-out-form.js';
import type { AuthLinkProps, SignOutButtonProps } from '../shared/types.js';
import { authUrl } from './navigate.js';
import { useKit } from './use-auth.js';

/** The auth route URL that starts sign-in or sign-up with the button's options (the reference's start parameters). */
function useStartUrl(screenHint: 'sign-in' | 'sign-up', { returnTo, organizationId, loginHint }: AuthLinkProps) {
  return authUrl(useKit().authRoute, { screen_hint: screenHint, return_to: returnTo, organization_id: organizationId, login_hint: loginHint });
}

/**
 * A link that starts sign-in on the kit's auth route.
 * @example <SignInButton returnTo="/dashboard" />
 */
export function SignInButton(props: AuthLinkProps) {
  return <AuthLink {...props} label="Sign in" href={useStartUrl('sign-in', props)} />;
}

/**
 * A link that starts sign-up on the kit's auth route.
 * @example <SignUpButton asChild><Link className="cta">Create an account</Link></SignUpButton>
 */
export function SignUpButton(props: AuthLinkProps) {
  return <AuthLink {...props} label="Sign up" href={useStartUrl('sign-up', props)} />;
}

/**
 * A form that signs out with `signOutAction` (works without JavaScript).
 * @example <SignOutButton returnTo="/" />
 */
export function SignOutButton(props: SignOutButtonProps) {
  return <SignOutForm {...props} label="Sign out" />;
}
