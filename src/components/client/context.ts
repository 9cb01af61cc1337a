'use client';
/**
 * The provider's context and the helpers every client component shares. One memoised value per
 * provider: `auth` is what `useAuth()` returns, the rest is plumbing the hooks and twins need.
 */
import { createContext, useContext } from 'react';
import { AuthKitError } from '../../shared/errors.js';
import type { ClientAuth, User } from '../../shared/types.js';
import type { TokenStore } from './token-store.js';

/** What `useAuth()` returns: the redacted session plus `loading` and the session methods. */
export type AuthState = ClientAuth & {
  loading: boolean;
  /** Re-reads the session from the server (`getAuthAction`). */
  getAuth(options?: { ensureSignedIn?: boolean }): Promise<void>;
  /** Refreshes the session, optionally into another organisation; resolves to `{ error }` on failure. */
  refreshAuth(options?: { ensureSignedIn?: boolean; organizationId?: string }): Promise<void | { error: string }>;
  /** Signs out through `signOutAction` (the browser follows its redirect). */
  signOut(options?: { returnTo?: string }): Promise<void>;
  /** Switches the session to one of the user's organisations; resolves to the new session or `{ error }`. */
  switchToOrganization(organizationId: string, options?: { returnTo?: string }): Promise<ClientAuth | { error: string }>;
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

/** The auth route URL that starts sign-in (or sign-up), with the reference's start parameters. */
export function authUrl(authRoute: string, screenHint: 'sign-in' | 'sign-up', { returnTo, organizationId, loginHint }: { returnTo?: string; organizationId?: string; loginHint?: string }) {
  const params = { screen_hint: screenHint, return_to: returnTo, organization_id: organizationId, login_hint: loginHint };
  const query = new URLSearchParams(Object.entries(params).filter((entry): entry is [string, string] => !!entry[1]));
  return `${authRoute}?${query}`;
}
