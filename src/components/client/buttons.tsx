'use client';
/** Client twins of the sign-in, sign-up and sign-out buttons (same props and markup as the server face). */
import { Suspense } from 'react';
import { authRouteQuery } from '../../shared/auth-route-urls.js';
import { AuthLink } from '../shared/auth-link.js';
import { SignOutForm } from '../shared/sign-out-form.js';
import type { AuthLinkProps, SignOutButtonProps } from '../shared/types.js';
import { useSession } from './use-auth.js';

type StartLinkProps = AuthLinkProps & { label: string; hint: 'sign-in' | 'sign-up' };

/** The link to the auth route with the button's start parameters (the auth route is known once the session is). */
function StartLink({ hint, ...props }: StartLinkProps) {
  const { returnTo, organizationId, loginHint } = props;
  const href = `${useSession().authRoute}?${authRouteQuery({ screen_hint: hint, return_to: returnTo, organization_id: organizationId, login_hint: loginHint })}`;
  return <AuthLink {...props} href={href} />;
}

/** The link inside its own boundary; until then the same element without `href` (or `loading`). */
function BoundedStartLink({ hint, ...props }: StartLinkProps) {
  return <Suspense fallback={props.loading ?? <AuthLink {...props} />}><StartLink {...props} hint={hint} /></Suspense>;
}

/**
 * A link that starts sign-in on the kit's auth route.
 * @example <SignInButton returnTo="/dashboard" />
 */
export function SignInButton(props: AuthLinkProps) {
  return <BoundedStartLink {...props} label="Sign in" hint="sign-in" />;
}

/**
 * A link that starts sign-up on the kit's auth route.
 * @example <SignUpButton asChild><Link className="cta">Create an account</Link></SignUpButton>
 */
export function SignUpButton(props: AuthLinkProps) {
  return <BoundedStartLink {...props} label="Sign up" hint="sign-up" />;
}

/**
 * A form that signs out with `signOutAction` (works without JavaScript).
 * @example <SignOutButton returnTo="/" />
 */
export function SignOutButton(props: SignOutButtonProps) {
  return <SignOutForm {...props} label="Sign out" />;
}
