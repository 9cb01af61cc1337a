'use client';
/**
 * Client twins of the gates: same props as the server face. Each reads the session inside its own
 * `<Suspense>` (showing `loading` until it is known), so the page's shell never waits for it and
 * neither state flashes; a provider seeded with `initialAuth` renders them at once.
 */
import { Suspense, useEffect } from 'react';
import { meetsConditions } from '../../shared/conditions.js';
import type { ClientAuth, RedactedUserInfo } from '../../shared/types.js';
import type { AuthConditions } from '../../shared/types.js';
import type { RequireAuthProps, SignedInProps, SignedOutProps } from '../shared/types.js';
import { goToSignIn } from './navigate.js';
import { useSession } from './use-auth.js';

const allowed = (auth: ClientAuth, conditions: AuthConditions) => !!auth.user && meetsConditions(auth as RedactedUserInfo, conditions);

function SignedInContent({ children, fallback = null, ...conditions }: SignedInProps) {
  return allowed(useSession().auth, conditions) ? children : fallback;
}

function SignedOutContent({ children, fallback = null }: SignedOutProps) {
  return useSession().auth.user ? fallback : children;
}

function RequireAuthContent({ children, fallback, returnTo, ...conditions }: RequireAuthProps) {
  const { auth, authRoute } = useSession();
  const leave = fallback === undefined && !auth.user;
  useEffect(() => {
    if (leave) goToSignIn(authRoute, returnTo);
  }, [leave, authRoute, returnTo]);
  return allowed(auth, conditions) ? children : (fallback ?? null);
}

/**
 * Renders `children` when signed in and every given condition holds, else `fallback`.
 * @example <SignedIn role="admin" fallback={<p>Admins only</p>}><AdminPanel /></SignedIn>
 */
export function SignedIn({ loading = null, ...props }: SignedInProps) {
  return <Suspense fallback={loading}><SignedInContent {...props} /></Suspense>;
}

/**
 * Renders `children` when signed out, else `fallback`.
 * @example <SignedOut><SignInButton /></SignedOut>
 */
export function SignedOut({ loading = null, ...props }: SignedOutProps) {
  return <Suspense fallback={loading}><SignedOutContent {...props} /></Suspense>;
}

/**
 * Signed out: sends the browser to sign-in (back to `returnTo`, default this page), or renders
 * `fallback` when given. Signed in: `children` when every condition holds, else `fallback`.
 * @example <RequireAuth permission="billing:read"><Billing /></RequireAuth>
 */
export function RequireAuth({ loading = null, ...props }: RequireAuthProps) {
  return <Suspense fallback={loading}><RequireAuthContent {...props} /></Suspense>;
}
