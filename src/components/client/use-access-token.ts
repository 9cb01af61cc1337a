'use client';
/**
 * `useAccessToken` and `useTokenClaims`, and the per-provider token store behind them. Tokens come
 * only from `getAccessTokenAction` (never from the seeded session). The store refreshes a token
 * shortly before it expires, shares one in-flight request between concurrent callers, keeps the
 * stale token when a refresh fails and retries later, and starts no timer before the first
 * subscriber (the reference's #467 wedge).
 */
import type { JWTPayload } from 'jose';
import { useMemo, useSyncExternalStore } from 'react';
import { getAccessTokenAction } from '../../actions/index.js';
import { refreshDueAt } from '../../shared/token-expiry.js';
import { useProviderValue } from './use-auth.js';

/** What `useAccessToken()` returns. */
export interface AccessTokenState {
  accessToken: string | undefined;
  loading: boolean;
  /** The last refresh failure (the reference's `null` when there is none). */
  error: Error | null;
  /** Forces a refresh; resolves to the new token, or `undefined` when it failed (see `error`). */
  refresh(): Promise<string | undefined>;
  /** A token that is not about to expire, refreshing first when needed; rejects when that fails. */
  getAccessToken(): Promise<string | undefined>;
}

/**
 * The payload of a JWT, decoded without verification; `{}` for anything that is not a JWT. Not the
 * shared `decodeJwtClaims`: its checks cost 86 B gzip, over the client face's size budget, and the
 * browser only displays claims (the server verifies).
 */
export function decodeClaims(token: string | undefined): Record<string, unknown> {
  try {
    // escape + decodeURIComponent turns the binary string into UTF-8 text (names in custom claims).
    return JSON.parse(decodeURIComponent(escape(atob(token!.split('.')[1]!.replace(/-/g, '+').replace(/_/g, '/'))))) ?? {};
  } catch {
    return {};
  }
}

const RETRY_MS = 60_000;
const ignore = () => undefined;

/**
 * A token store for the session identified by `key`: session id + organisation when signed in,
 * `undefined` when signed out, `''` while the provider does not know yet (loading, nothing to fetch).
 */
export function createTokenStore(key?: string) {
  let inflight: Promise<string | undefined> | undefined;
  let timer: ReturnType<typeof setTimeout> | undefined;
  const listeners = new Set<() => void>();

  const dueAt = () => refreshDueAt(decodeClaims(state.accessToken));
  const set = (next: Partial<AccessTokenState>, retryAt?: number) => {
    state = { ...state, ...next };
    const at = retryAt ?? dueAt();
    listeners.forEach((listener) => listener());
    clearTimeout(timer);
    // Never closer than 15 s (an almost-expired token from the server must not cause a refresh
    // loop) nor further than a day (timers overflow past ~24.8 days).
    if (at !== undefined && listeners.size) {
      timer = setTimeout(() => fetchToken(true).catch(ignore), Math.min(Math.max(at - Date.now(), 15e3), 864e5));
    }
  };

  async function fetchToken(forceRefresh: boolean): Promise<string | undefined> {
    const forKey = key;
    if (forKey) return (inflight ??= getAccessTokenAction({ forceRefresh })
      .then(({ accessToken, error }) => {
        if (error) throw new Error(error);
        if (forKey === key) set({ accessToken, loading: false, error: null });
        return accessToken;
      })
      .catch((error: Error) => {
        // Keep the token we have (it may still be valid) and try again later.
        if (forKey === key) set({ loading: false, error }, Date.now() + RETRY_MS);
        throw error;
      })
      .finally(() => (inflight = undefined)));
  }

  // The methods live in the state, so the hook returns the snapshot as is (stable between changes).
  let state: AccessTokenState = {
    accessToken: undefined,
    loading: key !== undefined,
    error: null,
    refresh: () => fetchToken(true).catch(ignore),
    getAccessToken: async () =>
      !state.accessToken || (dueAt() ?? Infinity) <= Date.now() ? fetchToken(!!state.accessToken) : state.accessToken,
  };

  // `eagerAuth`: the proxy hands this session's token over once, in a JS-readable cookie (30 s).
  // Taken on the first subscription (after hydration, so the HTML and the first render agree) and
  // cleared, it spares the first server round trip; a token of another session is ignored.
  // (The cookie's name is written out: shared/constants' EAGER_ACCESS_TOKEN_COOKIE, which a test pins.)
  function adoptEagerToken() {
    const token = /(?:^|; )workos-access-token=([^;]+)/.exec(document.cookie)?.[1];
    if (token) {
      document.cookie = 'workos-access-token=;max-age=0;path=/';
      const claims = decodeClaims(token);
      if (`${claims.sid} ${claims.org_id}` === key) state = { ...state, accessToken: token, loading: false };
    }
  }

  return {
    get: () => state,
    subscribe(listener: () => void) {
      listeners.add(listener);
      if (listeners.size === 1) {
        if (!state.accessToken) adoptEagerToken();
        if (state.accessToken) set({});
        else fetchToken(false).catch(ignore);
      }
      return () => {
        listeners.delete(listener);
        if (!listeners.size) clearTimeout(timer);
      };
    },
    /** Switches to another session (or none): drops the old token and, when watched, fetches the new one. */
    setKey(next: string | undefined) {
      if (next === key) return;
      key = next;
      inflight = undefined;
      set({ accessToken: undefined, loading: next !== undefined, error: null });
      if (listeners.size) fetchToken(false).catch(ignore);
    },
  };
}

/** A provider's token store. */
export type TokenStore = ReturnType<typeof createTokenStore>;

/**
 * The signed-in user's access token, fetched on first use and refreshed before it expires.
 * @example
 * const { getAccessToken } = useAccessToken();
 * await fetch('/api/data', { headers: { Authorization: `Bearer ${await getAccessToken()}` } });
 */
export function useAccessToken(): AccessTokenState {
  const { tokens } = useProviderValue();
  return useSyncExternalStore(tokens.subscribe, tokens.get, tokens.get);
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
