'use client';
/** `useAuth`: the session in client components, from the nearest `AuthKitProvider`. */
import { useEffect } from 'react';
import { useKit } from './context.js';
import { goToSignIn } from './navigate.js';
import type { AuthState, SignedInAuthState } from './context.js';

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
export function useAuth({ ensureSignedIn = false }: { ensureSignedIn?: boolean } = {}): AuthState {
  return useSignInRedirect(ensureSignedIn);
}
