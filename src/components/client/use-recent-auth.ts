'use client';
/**
 * `useRecentAuth({ maxAge })`: how recently the user authenticated, from the `auth_time` claim of
 * the access token the client already holds (`useAccessToken`). Display only: the server decides
 * with `checkRecentAuth`. Fails closed like it: no `auth_time` reads as stale.
 */
import { useAccessToken, useTokenClaims } from './use-access-token.js';

/** What `useRecentAuth()` returns: unknown while the token loads, then the time and the verdict. */
export type RecentAuthState =
  | { readonly loading: true; readonly authenticatedAt: undefined; readonly isStale: undefined }
  | { readonly loading: false; readonly authenticatedAt: null; readonly isStale: true }
  | { readonly loading: false; readonly authenticatedAt: Date; readonly isStale: boolean };

// The verdict is as of this render (the reference's too): a display hint, re-read whenever the
// token changes; the server's checkRecentAuth is what enforces.
const verdict = (authTime: unknown, maxAge: number): RecentAuthState =>
  typeof authTime == 'number' && isFinite(authTime)
    ? { loading: false, authenticatedAt: new Date(authTime * 1e3), isStale: Math.floor(Date.now() / 1e3) - authTime > maxAge }
    : { loading: false, authenticatedAt: null, isStale: true };

/**
 * Whether the user signed in within the last `maxAge` seconds, for the UI (enforce it on the
 * server with `checkRecentAuth`).
 * @example
 * const { loading, isStale } = useRecentAuth({ maxAge: 300 });
 * return <button disabled={loading}>{isStale ? 'Re-authenticate to continue' : 'Delete account'}</button>;
 */
export function useRecentAuth({ maxAge }: { maxAge: number }): RecentAuthState {
  const { loading } = useAccessToken();
  const { auth_time: authTime } = useTokenClaims<{ auth_time?: number }>();
  return loading ? { loading, authenticatedAt: undefined, isStale: undefined } : verdict(authTime, maxAge);
}
