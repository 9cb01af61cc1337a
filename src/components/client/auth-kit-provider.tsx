'use client';
/**
 * The client provider. It never holds its children back: the server shell hands it a promise of the
 * redacted session (`session`), which the kit's twins read with `use()` inside their own boundaries
 * and `useAuth()` reports as `loading` until it settles. A provider given `initialAuth` knows the
 * session on its first render; one given neither asks `getAuthAction` once after mount. A session
 * an action returns (a switch, a refresh) becomes the provider's newer seed, until the server
 * renders again with a fresh one. The context value is memoised.
 */
import { useEffect, useMemo, useState } from 'react';
import type { ReactNode } from 'react';
import { getAuthAction, refreshAuthAction, signOutAction, switchOrganizationAction } from '../../actions/index.js';
import type { ClientAuth, InitialAuth, SwitchToOrganizationOptions } from '../../shared/types.js';
import { AuthContext } from './use-auth.js';
import type { AuthState, ProviderValue } from './use-auth.js';
import { goToSignIn, reload } from './navigate.js';
import type { ClientSession, Seed } from './session-seed.js';
import { createTokenStore } from './use-access-token.js';

/** Props of the client `AuthKitProvider` (the reference's, plus what the server shell passes). */
export interface AuthKitProviderProps {
  children?: ReactNode;
  /** The redacted session to start from; without it (or `session`), one `getAuthAction` after mount. */
  initialAuth?: InitialAuth;
  /** A promise of the session, as the server shell hands it over (read without blocking the children). */
  session?: PromiseLike<ClientSession>;
  /**
   * Called when, on focus, the session turns out to have ended or changed user; `false` disables
   * the check. @default reloads the page
   */
  onSessionExpired?: false | (() => void);
  /** URL of the `handleAuth` route (the seed's, when it has one). @default '/callback' */
  authRoute?: string;
  /** The current organisation's name while impersonating (the seed's, when it has one). */
  organizationName?: string;
}

const SIGNED_OUT: ClientAuth = { user: null };
const noop = () => {};
// An unseeded provider's seed: it never settles; `getAuthAction`'s answer becomes the known session.
const PENDING: Seed = new Promise(noop);
// The access token belongs to one session in one organisation: a switch needs a new token.
// While the session is unknown the key is '' (see createTokenStore).
const tokenKey = (auth: InitialAuth | undefined) => (!auth ? '' : auth.user ? `${auth.sessionId} ${auth.organizationId}` : undefined);

/**
 * Provides the session to client components (`useAuth`, `useAccessToken`, the client twins).
 * @example
 * <AuthKitProvider initialAuth={initialAuth}>{children}</AuthKitProvider>
 */
export function AuthKitProvider({ children, session, initialAuth, onSessionExpired, authRoute = '/callback', organizationName }: AuthKitProviderProps) {
  const seed: Seed = session ?? PENDING;
  // The session as known so far, which every part reads first (`use(seed)` only while unknown): the
  // HTML (and hydration) shows what was known up front (`initialAuth`); a promised seed follows when
  // it settles (the last known session stays meanwhile); an action's answer (a switch, a refresh)
  // replaces it at once. Each known value is tagged with the seed it belongs to.
  const source = session ?? initialAuth;
  const given = useMemo<ClientSession | undefined>(
    () => (!session && initialAuth ? { auth: initialAuth as ClientAuth, authRoute, organizationName } : undefined),
    [session, initialAuth, authRoute, organizationName],
  );
  const [tagged, setTagged] = useState<[unknown, ClientSession]>();
  const known = tagged && tagged[0] === source ? tagged[1] : (given ?? tagged?.[1]);
  useEffect(() => {
    if (given) return;
    let live = true;
    // A seed that failed (the server's session read threw: its gates report why) reads as signed out.
    const signedOut = () => ({ auth: SIGNED_OUT, authRoute });
    Promise.resolve(session ?? getAuthAction().then((auth) => ({ auth, authRoute })))
      .then((next) => live && setTagged([session, next]), () => live && setTagged([session, signedOut()]));
    return () => void (live = false);
  }, [session, given, authRoute]);
  const auth = known?.auth;
  const route = known?.authRoute ?? authRoute;

  const [tokens] = useState(() => createTokenStore(tokenKey(auth)));
  const key = tokenKey(auth);
  useEffect(() => tokens.setKey(key), [tokens, key]);

  const methods = useMemo(() => {
    const apply = (next: ClientAuth, ensureSignedIn?: boolean) => {
      setTagged([source, { ...known, authRoute: route, auth: next }]);
      if (ensureSignedIn && !next.user) goToSignIn(route);
    };
    return {
      async getAuth({ ensureSignedIn }: { ensureSignedIn?: boolean } = {}) {
        await getAuthAction().then((next) => apply(next, ensureSignedIn), noop);
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
        if (!('error' in next)) apply(next);
        return next;
      },
    };
  }, [source, known, route]);

  // The reference's session-expiry check: on focus, ask whether the session still belongs to this
  // user. Offline is not an ended session.
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

  const value = useMemo<ProviderValue>(
    () => ({ auth: { ...(auth ?? SIGNED_OUT), loading: !auth, ...methods } as AuthState, seed, session: known, authRoute: route, tokens }),
    [auth, methods, seed, known, route, tokens],
  );
  return (
    <AuthContext value={value}>
      {children}
    </AuthContext>
  );
}
