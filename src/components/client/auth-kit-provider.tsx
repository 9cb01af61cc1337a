'use client';
/**
 * The client provider. Seeded by the server shell (or `initialAuth`), it renders the right state on
 * the first render and makes no server round trip on mount; only an unseeded provider asks
 * `getAuthAction` once. The context value is memoised, so consumers re-render only when the session
 * or its plumbing changes.
 */
import { useEffect, useMemo, useState } from 'react';
import type { ReactNode } from 'react';
import { getAuthAction, refreshAuthAction, signOutAction, switchOrganizationAction } from '../../actions/index.js';
import type { ClientAuth, InitialAuth, SwitchToOrganizationOptions } from '../../shared/types.js';
import { KitContext } from './use-auth.js';
import type { AuthState, Kit } from './use-auth.js';
import { goToSignIn, reload } from './navigate.js';
import { createTokenStore } from './use-access-token.js';

/** Props of the client `AuthKitProvider` (the reference's, plus what the server shell passes). */
export interface AuthKitProviderProps {
  children?: ReactNode;
  /** The redacted session to start from (what the server shell passes); without it, one `getAuthAction` on mount. */
  initialAuth?: InitialAuth;
  /**
   * Called when, on focus or when the tab becomes visible, the session turns out to have ended or
   * changed user; `false` disables the check. @default reloads the page
   */
  onSessionExpired?: false | (() => void);
  /** URL of the `handleAuth` route; the server shell passes it. @default '/callback' */
  authRoute?: string;
  /** The current organisation's name while impersonating; the server shell passes it. */
  organizationName?: string;
}

const SIGNED_OUT: ClientAuth = { user: null };
// The access token belongs to one session in one organisation: a switch needs a new token.
// While the provider loads the key is '' (see createTokenStore).
const tokenKey = (auth: InitialAuth | undefined) => (!auth ? '' : auth.user ? `${auth.sessionId} ${auth.organizationId}` : undefined);

/**
 * Provides the session to client components (`useAuth`, `useAccessToken`, the client twins).
 * @example
 * <AuthKitProvider initialAuth={initialAuth}>{children}</AuthKitProvider>
 */
export function AuthKitProvider({ children, initialAuth, onSessionExpired, authRoute = '/callback', organizationName }: AuthKitProviderProps) {
  const [seed, setSeed] = useState(initialAuth);
  const [auth, setAuth] = useState(initialAuth); // undefined while loading
  // A server re-render (a navigation, or an action that wrote the cookie) brings a fresh seed.
  if (initialAuth !== seed) {
    setSeed(initialAuth);
    if (initialAuth) setAuth(initialAuth);
  }
  const [tokens] = useState(() => createTokenStore(tokenKey(initialAuth)));
  const key = tokenKey(auth);
  useEffect(() => tokens.setKey(key), [tokens, key]);

  const methods = useMemo(() => {
    const apply = (next: ClientAuth, ensureSignedIn?: boolean) => {
      setAuth(next);
      if (ensureSignedIn && !next.user) goToSignIn(authRoute);
    };
    return {
      async getAuth({ ensureSignedIn }: { ensureSignedIn?: boolean } = {}) {
        try {
          apply(await getAuthAction(), ensureSignedIn);
        } catch {
          setAuth((current) => current ?? SIGNED_OUT);
        }
      },
      async refreshAuth({ ensureSignedIn, organizationId }: { ensureSignedIn?: boolean; organizationId?: string } = {}) {
        try {
          const next = await refreshAuthAction({ organizationId });
          if ('error' in next) return next;
          apply(next, ensureSignedIn);
        } catch (error) {
          return { error: (error as Error).message };
        }
      },
      signOut: signOutAction as AuthState['signOut'],
      async switchToOrganization(organizationId: string, options?: SwitchToOrganizationOptions) {
        const next = await switchOrganizationAction(organizationId, options);
        if (!('error' in next)) setAuth(next);
        return next;
      },
    };
  }, [authRoute]);

  useEffect(() => {
    if (!seed) void methods.getAuth();
  }, [seed, methods]);

  // The reference's session-expiry check: on focus or when the tab shows again, ask whether the
  // session still belongs to this user. Offline is not an ended session.
  const userId = auth?.user?.id;
  useEffect(() => {
    if (onSessionExpired === false || !userId) return;
    let busy: Promise<void> | undefined;
    const check = () => {
      busy ??= getAuthAction()
        .then((now) => now.user?.id !== userId, () => navigator.onLine)
        .then((ended) => {
          busy = undefined;
          if (ended) (onSessionExpired || reload)();
        });
    };
    addEventListener('focus', check);
    return () => removeEventListener('focus', check);
  }, [onSessionExpired, userId]);

  const value = useMemo<Kit>(
    () => ({ auth: { ...(auth ?? SIGNED_OUT), loading: !auth, ...methods } as AuthState, authRoute, organizationName, tokens }),
    [auth, methods, authRoute, organizationName, tokens],
  );
  return <KitContext value={value}>{children}</KitContext>;
}
