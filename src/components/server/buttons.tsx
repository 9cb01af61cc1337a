/** The sign-in, sign-up and sign-out buttons as server components: plain links and a plain form, no client JavaScript. */
import { getSignInUrl, getSignUpUrl } from '../../server/index.js';
import { AuthLink } from '../shared/auth-link.js';
import { SignOutForm } from '../shared/sign-out-form.js';
import type { AuthLinkProps, SignOutButtonProps } from '../shared/types.js';

/**
 * A link that starts sign-in on the kit's auth route (`getSignInUrl`).
 * @example <SignInButton returnTo="/dashboard" />
 */
export async function SignInButton(props: AuthLinkProps) {
  const { returnTo, organizationId, loginHint } = props;
  return <AuthLink {...props} label="Sign in" href={await getSignInUrl({ returnTo, organizationId, loginHint })} />;
}

/**
 * A link that starts sign-up on the kit's auth route (`getSignUpUrl`).
 * @example <SignUpButton asChild><Link className="cta">Create an account</Link></SignUpButton>
 */
export async function SignUpButton(props: AuthLinkProps) {
  const { returnTo, organizationId, loginHint } = props;
  return <AuthLink {...props} label="Sign up" href={await getSignUpUrl({ returnTo, organizationId, loginHint })} />;
}

/**
 * A form that signs out with `signOutAction` (works without JavaScript).
 * @example <SignOutButton returnTo="/" />
 */
export function SignOutButton(props: SignOutButtonProps) {
  return <SignOutForm {...props} label="Sign out" />;
}
