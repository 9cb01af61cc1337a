import 'server-only';
/**
 * `getSignInUrl` / `getSignUpUrl`: URLs on the app's own auth route, which sets the PKCE cookie
 * and redirects to AuthKit. Building one writes no cookie, so they are safe in server components
 * and links (the reference's versions write a cookie and fail there).
 */
import type { ScreenHint } from '../../shared/constants.js';
import type { GetAuthURLOptions } from '../../shared/types.js';
import { signInStartUrl } from '../../shared/auth-route-urls.js';
import { sealCustomState } from '../callback/custom-state.js';
import { getRequestContext } from '../request/request-context.js';
import { sessionRoot } from '../root/current-root.js';

export async function authRouteUrl(screenHint: ScreenHint | undefined, options: GetAuthURLOptions = {}): Promise<string> {
  const { redirectUri } = await getRequestContext(options.redirectUri);
  return signInStartUrl(redirectUri, {
    screenHint,
    returnTo: options.returnTo,
    organizationId: options.organizationId,
    loginHint: options.loginHint,
    prompt: options.prompt,
    maxAge: options.maxAge,
    invitationToken: options.invitationToken,
    customState: options.state === undefined ? undefined : await sealCustomState(sessionRoot(), options.state),
  });
}

/**
 * The URL that starts sign-in (pure: safe in server components and links).
 *
 * @example
 * const signInUrl = await getSignInUrl({ returnTo: '/dashboard' });
 * return <Link href={signInUrl}>Log in</Link>;
 * @example
 * // accept an invitation (the token from the invitation's link) while signing in
 * redirect(await getSignInUrl({ invitationToken: searchParams.invitation_token }));
 */
export async function getSignInUrl(options?: GetAuthURLOptions): Promise<string> {
  return authRouteUrl('sign-in', options);
}

/**
 * The URL that starts sign-up (AuthKit opens on its sign-up screen).
 *
 * @example
 * const signUpUrl = await getSignUpUrl();
 * return <Link href={signUpUrl}>Sign up</Link>;
 * @example
 * const acceptUrl = await getSignUpUrl({ invitationToken });
 */
export async function getSignUpUrl(options?: GetAuthURLOptions): Promise<string> {
  return authRouteUrl('sign-up', options);
}
