/**
 * The gates as server components. With Cache Components each renders inside its own boundary
 * (showing `loading` until the session is known: boundary.tsx), so a page keeps a prerendered
 * static shell and only the gate streams in; nobody has to place a boundary for the page to build.
 * (The outer component is async only so that test renderers which resolve async components reach
 * the inner one; it awaits nothing.) They
 * read the session through `withAuth()`, one per-request `getSession()` (React `cache`), so any
 * number of gates cost one unseal and one verify, and they ship no client JavaScript.
 */
import { redirect } from 'next/navigation';
import { getSignInUrl, withAuth } from '../../server/index.js';
import { meetsConditions } from '../../shared/conditions.js';
import { toClientAuth } from '../../shared/redact.js';
import type { AuthConditions, NoUserInfo, RedactedUserInfo, UserInfo } from '../../shared/types.js';
import type { RequireAuthProps, SignedInProps, SignedOutProps } from '../shared/types.js';
import { ownBoundary } from './boundary.js';

/** True when signed in and every condition holds (checked on the redacted view, as in the browser). */
const allowed = (info: UserInfo | NoUserInfo, conditions: AuthConditions) =>
  info.user !== null && meetsConditions(toClientAuth(info) as RedactedUserInfo, conditions);

async function SignedInContent({ children, fallback = null, ...conditions }: SignedInProps) {
  return <>{allowed(await withAuth(), conditions) ? children : fallback}</>;
}

async function SignedOutContent({ children, fallback = null }: SignedOutProps) {
  return <>{(await withAuth()).user ? fallback : children}</>;
}

async function RequireAuthContent({ children, fallback, returnTo, ...conditions }: RequireAuthProps) {
  const info = await withAuth();
  if (!info.user && fallback === undefined) {
    // Without `returnTo`, withAuth knows the current path (from the proxy's hand-over). Streamed
    // after the shell, Next turns this redirect into a client-side one (and a meta refresh).
    if (returnTo) redirect(await getSignInUrl({ returnTo }));
    await withAuth({ ensureSignedIn: true });
  }
  return <>{allowed(info, conditions) ? children : (fallback ?? null)}</>;
}

/**
 * Renders `children` when signed in and every given condition holds, else `fallback`.
 * @example <SignedIn role="admin" fallback={<p>Admins only</p>}><AdminPanel /></SignedIn>
 */
export async function SignedIn({ loading = null, ...props }: SignedInProps) {
  return ownBoundary(<SignedInContent {...props} />, loading);
}

/**
 * Renders `children` when signed out, else `fallback`.
 * @example <SignedOut><SignInButton /></SignedOut>
 */
export async function SignedOut({ loading = null, ...props }: SignedOutProps) {
  return ownBoundary(<SignedOutContent {...props} />, loading);
}

/**
 * Signed out: redirects to sign-in and back to this page (or `returnTo`), or renders `fallback`
 * when given. Signed in: `children` when every condition holds, else `fallback` (default nothing).
 * @example <RequireAuth permission="billing:read" fallback={<p>No access</p>}><Billing /></RequireAuth>
 */
export async function RequireAuth({ loading = null, ...props }: RequireAuthProps) {
  return ownBoundary(<RequireAuthContent {...props} />, loading);
}
