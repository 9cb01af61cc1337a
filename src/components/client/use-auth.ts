'use client';
/**
 * The provider's context and `useAuth`, which every client component reads. One memoised value per
 * provider: `auth` is what `useAuth()` returns, the rest is plumbing the hooks and twins need.
 */
import { createContext, useContext, useEffect } from 'react';
import { AuthKitError } from '../../shared/errors.js';
import type { NoUserInfo, RedactedUserInfo, SwitchToOrganizationOptions, User } from '../../shared/types.js';
import { goToSignIn } from './navigate.js';
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

export interface Kit {
  auth: AuthState;
  /** URL of the `handleAuth` route, where sign-in starts. */
  authRoute: string;
  /** The current organisation's name, seeded by the server shell while impersonating. */
  organizationName: string | undefined;
  tokens: TokenStore;
}

export const KitContext = createContext<Kit | null>(null);

/** The provider's value; throws an `AuthKitError('provider_missing')` naming the provider outside one. */
export function useKit(): Kit {
  const kit = useContext(KitContext);
  if (!kit) throw new AuthKitError('provider_missing', 'useAuth must be used within an AuthKitProvider');
  return kit;
}

/** Sends the browser to sign-in once the provider knows the user is signed out (`when`). */
export function useSignInRedirect(when: boolean, returnTo?: string) {
  const { auth, authRoute } = useKit();
  const leave = when && !auth.loading && !auth.user;
  useEffect(() => {
    if (leave) goToSignIn(authRoute, returnTo);
  }, [leave, authRoute, returnTo]);
  return auth;
}

/**
 * The session in a client component: the reference's fields plus `loading` and the session methods.
 * With `ensureSignedIn`, a signed-out visitor is sent to sign-in and back to this page.
 * @example
 * const { user, loading, organizationId, refreshAuth } = useAuth();
 */
export function useAuth(options?: { ensureSignedIn?: false }): AuthState;
export function useAuth(options: { ensureSignedIn: true }): SignedInAuthState;
export function useAuth(options?: { ensureSignedIn?: boolean }): AuthState;
export function useAuth(options?: { ensureSignedIn?: boolean }): AuthState {
  return useSignInRedirect(!!options?.ensureSignedIn);
}
