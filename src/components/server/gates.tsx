/**
 * The gates as async server components. They read the session through `withAuth()`, which goes
 * through the per-request `getSession()` (React `cache`), so any number of gates on a page cost
 * one unseal and one verify, and they ship no client JavaScript.
 */
import { redirect } from 'next/navigation';
import { getSignInUrl, withAuth } from '../../server/index.js';
import { meetsConditions } from '../../shared/conditions.js';
import { toClientAuth } from '../../shared/redact.js';
import type { AuthConditions, NoUserInfo, RedactedUserInfo, UserInfo } from '../../shared/types.js';
import type { RequireAuthProps, SignedInProps, SignedOutProps } from '../shared/types.js';

/** True when signed in and every condition holds (checked on the redacted view, as in the browser). */
const allowed = (info: UserInfo | NoUserInfo, conditions: AuthConditions) =>
  info.user !== null && meetsConditions(toClientAuth(info) as RedactedUserInfo, conditions);

/**
 * Renders `children` when signed in and every given condition holds, else `fallback`.
 * @example <SignedIn role="admin" fallback={<p>Admins only</p>}><AdminPanel /></SignedIn>
 */
export async function SignedIn({ children, fallback = null, ...conditions }: SignedInProps) {
  return <>{allowed(await withAuth(), conditions) ? children : fallback}</>;
}

/**
 * Renders `children` when signed out, else `fallback`.
 * @example <SignedOut><SignInButton /></SignedOut>
 */
export async function SignedOut({ children, fallback = null }: SignedOutProps) {
  return <>{(await withAuth()).user ? fallback : children}</>;
}

/**
 * Signed out: redirects to sign-in and back to this page (or `returnTo`), or renders `fallback`
 * when given. Signed in: `children` when every condition holds, else `fallback` (default nothing).
 * @example <RequireAuth permission="billing:read" fallback={<p>No access</p>}><Billing /></RequireAuth>
 */
export async function RequireAuth({ children, fallback, returnTo, ...conditions }: RequireAuthProps) {
  const info = await withAuth();
  if (!info.user && fallback === undefined) {
    // Without `returnTo`, withAuth knows the current path (from the proxy's hand-over).
    if (returnTo) redirect(await getSignInUrl({ returnTo }));
    await withAuth({ ensureSignedIn: true });
  }
  return <>{allowed(info, conditions) ? children : (fallback ?? null)}</>;
}
