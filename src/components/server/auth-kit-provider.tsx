/**
 * The server shell of `AuthKitProvider`: reads the session once (the per-request `getSession()`
 * behind `withAuth()`) and seeds the client provider with the redacted session, so `useAuth()`
 * has data on the first render and the browser makes no round trip on mount. The access and
 * refresh tokens never cross: only `getAccessTokenAction` hands the access token to the browser.
 */
import type { ReactNode } from 'react';
import { getSignInUrl, withAuth } from '../../server/index.js';
import { toClientAuth } from '../../shared/redact.js';
import type { ClientAuth, InitialAuth } from '../../shared/types.js';
import { AuthKitProvider as ClientAuthKitProvider } from '../client/auth-kit-provider.js';
import { organizationName } from './organization-name.js';

/** Props of the server shell (the client provider's, minus what cannot cross to the browser). */
export interface ServerAuthKitProviderProps {
  children?: ReactNode;
  /** The session to seed with instead of reading it (it is redacted either way). */
  initialAuth?: InitialAuth;
  /** `false` turns off the focus-time session check. A callback needs the client provider (functions cannot cross). */
  onSessionExpired?: false;
}

/**
 * Provides the session to client components, seeded on the server.
 * @example
 * <AuthKitProvider><Impersonation />{children}</AuthKitProvider>
 */
export async function AuthKitProvider({ children, initialAuth, onSessionExpired }: ServerAuthKitProviderProps) {
  // Redact even a caller-supplied seed: a full withAuth() result would otherwise carry the token.
  const auth = toClientAuth((initialAuth as ClientAuth | undefined) ?? (await withAuth()));
  const authRoute = new URL(await getSignInUrl());
  authRoute.search = '';
  return (
    <ClientAuthKitProvider
      initialAuth={auth}
      onSessionExpired={onSessionExpired}
      authRoute={authRoute.href}
      organizationName={auth.impersonator ? await organizationName(auth.organizationId) : undefined}
    >
      {children}
    </ClientAuthKitProvider>
  );
}
