'use client';
/**
 * The provider's context, `useAuth` (which never suspends: `loading` until the session is known)
 * and `useSession` (which suspends until it is, for the kit's twins, each inside its own boundary).
 * One memoised value per provider: `auth` is what `useAuth()` returns, the rest is plumbing.
 */
import { createContext, use, useContext, useEffect } from 'react';
import { AuthKitError } from '../../shared/errors.js';
import type { NoUserInfo, RedactedUserInfo, SwitchToOrganizationOptions, User } from '../../shared/types.js';
import { goToSignIn } from './navigate.js';
import { fulfilled } from './session-seed.js';
import type { ClientSession, Seed } from './session-seed.js';
import type { TokenStore } from './use-access-token.js';

/** Every field present (an optional one as `T | undefined`), as the reference's `useAuth()` types them. */
type Present<T> = { [K in keyof Required<T>]: T[K] };

/** What `useAuth()` returns: the redacted session plus `loading` and the session methods. */
export type AuthState = (Present<RedactedUserInfo> | Present<Omit<NoUserInfo, 'accessToken'>>) & {
  loading: boolean;
  /** Re-reads the session from the server (`getAuthAction`). */
  getAuth(options?: { ensureSignedIn?: boolean }): Promise<void>;
  /** Refreshes the session, optionally into another organisation; resolves to `{ error }` on failure. */
  refreshAuth(options?: { ensureSignedIn?: boolean; organizationId?: string }): Promise<void | { error: string }>;
  /** Signs out through `signOutAction` (the browser follows its redirect). */
  signOut(options?: { returnTo?: string }): Promise<void>;
  /**
   * Switches the session to one of the user's organisations; resolves to the new session or
   * `{ error }`. With `returnTo` (or a `revalidationStrategy` other than 'none') the browser goes there.
   */
  switchToOrganization(organizationId: string, options?: SwitchToOrganizationOptions): Promise<RedactedUserInfo | { error: string }>;
};

/** `useAuth({ ensureSignedIn: true })`: once loaded, there is a user. */
export type SignedInAuthState = AuthState & ({ loading: true; user: User | null } | { loading: false; user: User });

/** What a provider shares with the hooks and twins. */
export interface ProviderValue {
  /** What `useAuth()` returns (loading until the seed settles). */
  auth: AuthState;
  /** The session, for `use()`; `session` is its value once known (without suspending). */
  seed: Seed;
  session: ClientSession | undefined;
  /** The auth route: the seed's once settled, else the provider's prop. */
  authRoute: string;
  tokens: TokenStore;
}

export const AuthContext = createContext<ProviderValue | null>(null);

/** The provider's value; throws an `AuthKitError('provider_missing')` naming the provider outside one. */
export function useProviderValue(): ProviderValue {
  const value = useContext(AuthContext);
  if (!value) throw new AuthKitError('provider_missing', 'useAuth must be used within an AuthKitProvider');
  return value;
}

/**
 * The session, suspending until the seed settles: for parts that render inside their own
 * `<Suspense>`, so the page's shell never waits and the HTML holds the real state, not `loading`.
 */
export function useSession(): ClientSession {
  const { seed, session } = useProviderValue();
  // One `use()` call either way: React needs the same calls on the render after a suspension.
  return use(session ? fulfilled(session) : (seed as Promise<ClientSession>));
}

/** Sends the browser to sign-in once the session is known to be signed out (`when`). */
function useSignInRedirect(when: boolean, returnTo?: string) {
  const { auth, authRoute } = useProviderValue();
  const leave = when && !auth.loading && !auth.user;
  useEffect(() => {
    if (leave) goToSignIn(authRoute, returnTo);
  }, [leave, authRoute, returnTo]);
  return auth;
}

/**
 * The session in a client component: the reference's fields plus `loading` and the session methods.
 * It never suspends: `loading` is true until the session is known (in the page's HTML when the
 * provider was handed a promise). With `ensureSignedIn`, a signed-out visitor is sent to sign-in
 * and back to this page.
 * @example
 * const { user, loading, organizationId, refreshAuth } = useAuth();
 */
export function useAuth(options?: { ensureSignedIn?: false }): AuthState;
export function useAuth(options: { ensureSignedIn: true }): SignedInAuthState;
export function useAuth(options?: { ensureSignedIn?: boolean }): AuthState;
export function useAuth(options?: { ensureSignedIn?: boolean }): AuthState {
  return useSignInRedirect(!!options?.ensureSignedIn);
}
