/**
 * The server shell of `AuthKitProvider`: the redacted session (read once per request through
 * `withAuth()`) for the client provider. With Cache Components it does not wait for it: it hands
 * over a promise, so its children render into the page's static shell at once and only what reads
 * the session streams in. Without, every page renders on demand anyway, and it seeds the client
 * provider with the session itself, so client components have it on their first render. The access
 * and refresh tokens never cross: only `getAccessTokenAction` hands the access token to the browser.
 */
import type { ReactNode } from 'react';
import { getSignInUrl, withAuth } from '../../server/index.js';
import { cacheComponentsEnabled } from '../../server/config.js';
import { toClientAuth } from '../../shared/redact.js';
import type { ClientAuth, InitialAuth } from '../../shared/types.js';
import { AuthKitProvider as ClientAuthKitProvider } from '../client/auth-kit-provider.js';
import type { ClientSession } from '../client/session-seed.js';
import { organizationName } from './organization-name.js';

/** Props of the server shell (the client provider's, minus what cannot cross to the browser). */
export interface ServerAuthKitProviderProps {
  children?: ReactNode;
  /** The session to seed with instead of reading it (it is redacted either way). */
  initialAuth?: InitialAuth;
  /** `false` turns off the focus-time session check. A callback needs the client provider (functions cannot cross). */
  onSessionExpired?: false;
}

/** What the browser may know of this request's session; request data, so it settles after the shell. */
async function clientSession(initialAuth: InitialAuth | undefined): Promise<ClientSession> {
  // Redact even a caller-supplied seed: a full withAuth() result would otherwise carry the token.
  const auth = toClientAuth((initialAuth as ClientAuth | undefined) ?? (await withAuth()));
  const authRoute = new URL(await getSignInUrl());
  authRoute.search = '';
  const name = auth.impersonator ? await organizationName(auth.organizationId) : undefined;
  return { auth, authRoute: authRoute.href, organizationName: name };
}

/**
 * Provides the session to client components, without holding back its children.
 * @example
 * <AuthKitProvider><Impersonation />{children}</AuthKitProvider>
 */
export async function AuthKitProvider({ children, initialAuth, onSessionExpired }: ServerAuthKitProviderProps) {
  const session = clientSession(initialAuth);
  if (cacheComponentsEnabled()) {
    return <ClientAuthKitProvider session={session} onSessionExpired={onSessionExpired}>{children}</ClientAuthKitProvider>;
  }
  const { auth, authRoute, organizationName } = await session;
  return (
    <ClientAuthKitProvider initialAuth={auth} authRoute={authRoute} organizationName={organizationName} onSessionExpired={onSessionExpired}>
      {children}
    </ClientAuthKitProvider>
  );
}
