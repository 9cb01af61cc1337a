'use client';
/**
 * Client twins of the gates: same props as the server face, reading `useAuth()`. While an unseeded
 * provider loads they render nothing, so neither state flashes; a seeded provider is never loading.
 */
import { meetsConditions } from '../../shared/conditions.js';
import type { RedactedUserInfo } from '../../shared/types.js';
import type { RequireAuthProps, SignedInProps, SignedOutProps } from '../shared/types.js';
import { useAuth, useSignInRedirect } from './use-auth.js';

/**
 * Renders `children` when signed in and every given condition holds, else `fallback`.
 * @example <SignedIn role="admin" fallback={<p>Admins only</p>}><AdminPanel /></SignedIn>
 */
export function SignedIn({ children, fallback = null, ...conditions }: SignedInProps) {
  const auth = useAuth();
  if (auth.loading) return null;
  return auth.user && meetsConditions(auth as RedactedUserInfo, conditions) ? children : fallback;
}

/**
 * Renders `children` when signed out, else `fallback`.
 * @example <SignedOut><SignInButton /></SignedOut>
 */
export function SignedOut({ children, fallback = null }: SignedOutProps) {
  const auth = useAuth();
  if (auth.loading) return null;
  return auth.user ? fallback : children;
}

/**
 * Signed out: sends the browser to sign-in (back to `returnTo`, default this page), or renders
 * `fallback` when given. Signed in: `children` when every condition holds, else `fallback`.
 * @example <RequireAuth permission="billing:read"><Billing /></RequireAuth>
 */
export function RequireAuth({ children, fallback, returnTo, ...conditions }: RequireAuthProps) {
  const auth = useSignInRedirect(fallback === undefined, returnTo);
  if (auth.loading) return null;
  return auth.user && meetsConditions(auth as RedactedUserInfo, conditions) ? children : (fallback ?? null);
}
