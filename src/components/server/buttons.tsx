/**
 * The sign-in, sign-up and sign-out buttons as server components: plain links and a plain form, no
 * client JavaScript. The links carry this page as their return path, which is request data, so
 * with Cache Components each streams into its own boundary; the static shell holds the same
 * element without `href`.
 */
import { getSignInUrl, getSignUpUrl } from '../../server/index.js';
import { AuthLink } from '../shared/auth-link.js';
import { SignOutForm } from '../shared/sign-out-form.js';
import type { AuthLinkProps, SignOutButtonProps } from '../shared/types.js';
import { ownBoundary } from './boundary.js';

type StartLinkProps = AuthLinkProps & { label: string; url: typeof getSignInUrl };

async function StartLink({ url, ...props }: StartLinkProps) {
  const { returnTo, organizationId, loginHint } = props;
  return <AuthLink {...props} href={await url({ returnTo, organizationId, loginHint })} />;
}

/** The link in its own boundary (a call, not an element: test renderers then see the boundary). */
function boundedStartLink({ url, ...props }: StartLinkProps) {
  return ownBoundary(<StartLink {...props} url={url} />, props.loading ?? <AuthLink {...props} />);
}

/**
 * A link that starts sign-in on the kit's auth route (`getSignInUrl`).
 * @example <SignInButton returnTo="/dashboard" />
 */
export async function SignInButton(props: AuthLinkProps) {
  return boundedStartLink({ ...props, label: 'Sign in', url: getSignInUrl });
}

/**
 * A link that starts sign-up on the kit's auth route (`getSignUpUrl`).
 * @example <SignUpButton asChild><Link className="cta">Create an account</Link></SignUpButton>
 */
export async function SignUpButton(props: AuthLinkProps) {
  return boundedStartLink({ ...props, label: 'Sign up', url: getSignUpUrl });
}

/**
 * A form that signs out with `signOutAction` (works without JavaScript). It needs no session to
 * render, so it is part of the static shell.
 * @example <SignOutButton returnTo="/" />
 */
export function SignOutButton(props: SignOutButtonProps) {
  return <SignOutForm {...props} label="Sign out" />;
}
