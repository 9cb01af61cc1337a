'use client';
/** `useAccessToken` and `useTokenClaims`: the access token in client components. */
import { useMemo, useSyncExternalStore } from 'react';
import type { JWTPayload } from 'jose';
import { useKit } from './context.js';
import { decodeClaims } from './token-store.js';
import type { AccessTokenState } from './token-store.js';

/** What `useAccessToken()` returns. */
export interface UseAccessTokenResult extends AccessTokenState {
  /** Forces a refresh; resolves to the new token, or `undefined` when it failed (see `error`). */
  refresh(): Promise<string | undefined>;
  /** A token that is not about to expire, refreshing first when needed; rejects when that fails. */
  getAccessToken(): Promise<string | undefined>;
}

/**
 * The signed-in user's access token, fetched on first use and refreshed before it expires.
 * @example
 * const { getAccessToken } = useAccessToken();
 * await fetch('/api/data', { headers: { Authorization: `Bearer ${await getAccessToken()}` } });
 */
export function useAccessToken(): UseAccessTokenResult {
  const { tokens } = useKit();
  const state = useSyncExternalStore(tokens.subscribe, tokens.get, tokens.get);
  return useMemo(() => ({ ...state, refresh: tokens.refresh, getAccessToken: tokens.getAccessToken }), [state, tokens]);
}

/**
 * The claims of the current access token (decoded, not verified); `{}` without one.
 * @example
 * const { org_id, permissions } = useTokenClaims();
 */
export function useTokenClaims<T = Record<string, unknown>>(): Partial<JWTPayload & T> {
  const { accessToken } = useAccessToken();
  return useMemo(() => decodeClaims(accessToken), [accessToken]) as Partial<JWTPayload & T>;
}
