import { act, renderHook } from '@testing-library/react';
import type { ReactNode } from 'react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { signedIn, signedOut } from '../../../test/support/components-fixtures.js';
import { mockAccessToken } from '../../testing/index.js';
import { EAGER_ACCESS_TOKEN_COOKIE } from '../../shared/constants.js';
import type { AccessToken } from '../../shared/types.js';
import * as actions from '../../actions/index.js';
import type { ClientAuth } from '../../shared/types.js';
import { AuthKitProvider } from './auth-kit-provider.js';
import { createTokenStore } from './use-access-token.js';
import { useAccessToken, useTokenClaims } from './use-access-token.js';
import { useRecentAuth } from './use-recent-auth.js';

vi.mock('../../actions/index.js', () => import('../../../test/support/components-actions.js'));
const { resetActionMocks } = await import('../../../test/support/components-actions.js');

const NOW = Date.UTC(2026, 0, 1) / 1000;
/** A token issued now that lives `ttl` seconds. */
const token = (ttl = 3600, extra: Record<string, unknown> = {}) => mockAccessToken({ sub: 'user_ada', sid: 'session_1', iat: NOW, exp: NOW + ttl, ...extra } as AccessToken);

function renderToken(initialAuth: ClientAuth = signedIn()) {
  return renderInProvider(() => useAccessToken(), initialAuth);
}

function renderInProvider<T>(hook: () => T, initialAuth: ClientAuth = signedIn()) {
  const wrapper = ({ children }: { children: ReactNode }) => <AuthKitProvider initialAuth={initialAuth} onSessionExpired={false}>{children}</AuthKitProvider>;
  return renderHook(hook, { wrapper });
}

const flush = () => act(async () => {
  await vi.advanceTimersByTimeAsync(0);
});

beforeEach(() => {
  resetActionMocks();
  vi.useFakeTimers({ now: NOW * 1000 });
});
afterEach(() => vi.useRealTimers());

describe('useAccessToken with eagerAuth (the proxy hands the token over in a cookie)', () => {
  afterEach(() => {
    document.cookie = 'workos-access-token=;max-age=0;path=/';
  });

  it("takes this session's token from the cookie without a server round trip, and clears the cookie", async () => {
    const eager = token(3600, { org_id: 'org_acme' });
    document.cookie = `${EAGER_ACCESS_TOKEN_COOKIE}=${eager}; path=/`; // the name the proxy writes
    const { result } = renderToken();
    await flush();
    expect(result.current).toMatchObject({ accessToken: eager, loading: false });
    expect(actions.getAccessTokenAction).not.toHaveBeenCalled();
    expect(document.cookie).not.toContain('workos-access-token=ey');
  });

  it("ignores another session's token and asks the server", async () => {
    document.cookie = `workos-access-token=${token(3600, { sid: 'session_other', org_id: 'org_acme' })}; path=/`;
    const mine = token(3600, { org_id: 'org_acme' });
    vi.mocked(actions.getAccessTokenAction).mockResolvedValue({ accessToken: mine });
    const { result } = renderToken();
    await flush();
    expect(result.current.accessToken).toBe(mine);
    expect(actions.getAccessTokenAction).toHaveBeenCalledTimes(1);
  });
});

describe('useAccessToken', () => {
  it('fetches the token once on first use, loading until then', async () => {
    const first = token();
    vi.mocked(actions.getAccessTokenAction).mockResolvedValue({ accessToken: first });
    const { result } = renderToken();
    expect(result.current).toMatchObject({ accessToken: undefined, loading: true, error: null });
    await flush();
    expect(result.current).toMatchObject({ accessToken: first, loading: false });
    expect(actions.getAccessTokenAction).toHaveBeenCalledTimes(1);
    expect(actions.getAccessTokenAction).toHaveBeenCalledWith({ forceRefresh: false });
  });

  it('returns the same object until the token state changes (no needless re-renders)', async () => {
    vi.mocked(actions.getAccessTokenAction).mockResolvedValue({ accessToken: token() });
    const { result, rerender } = renderToken();
    await flush();
    const first = result.current;
    rerender();
    expect(result.current).toBe(first);
  });

  it('has no token and asks nothing when signed out', async () => {
    const { result } = renderToken(signedOut);
    await flush();
    expect(result.current).toMatchObject({ accessToken: undefined, loading: false });
    expect(await result.current.getAccessToken()).toBeUndefined();
    expect(actions.getAccessTokenAction).not.toHaveBeenCalled();
  });

  it('refreshes 60 s before a long-lived token expires', async () => {
    const second = token(7200);
    vi.mocked(actions.getAccessTokenAction).mockResolvedValueOnce({ accessToken: token(3600) }).mockResolvedValueOnce({ accessToken: second });
    const { result } = renderToken();
    await flush();
    await act(() => vi.advanceTimersByTimeAsync((3600 - 60) * 1000 - 1));
    expect(actions.getAccessTokenAction).toHaveBeenCalledTimes(1);
    await act(() => vi.advanceTimersByTimeAsync(1));
    expect(actions.getAccessTokenAction).toHaveBeenLastCalledWith({ forceRefresh: true });
    expect(result.current.accessToken).toBe(second);
  });

  it('refreshes 30 s before expiry when the token lives 5 minutes or less', async () => {
    vi.mocked(actions.getAccessTokenAction).mockResolvedValue({ accessToken: token(300) });
    renderToken();
    await flush();
    await act(() => vi.advanceTimersByTimeAsync(269_999));
    expect(actions.getAccessTokenAction).toHaveBeenCalledTimes(1);
    await act(() => vi.advanceTimersByTimeAsync(1));
    expect(actions.getAccessTokenAction).toHaveBeenCalledTimes(2);
  });

  it('shares one in-flight refresh between concurrent callers', async () => {
    let answer!: (value: { accessToken: string }) => void;
    vi.mocked(actions.getAccessTokenAction).mockResolvedValueOnce({ accessToken: token(30) });
    const { result } = renderToken();
    await flush();
    vi.mocked(actions.getAccessTokenAction).mockReturnValueOnce(new Promise((resolve) => (answer = resolve)));
    const fresh = token();
    // The first token is already inside its 30 s buffer, so every caller needs a refresh.
    const calls = [result.current.getAccessToken(), result.current.getAccessToken(), result.current.refresh()];
    await act(async () => answer({ accessToken: fresh }));
    expect(await Promise.all(calls)).toEqual([fresh, fresh, fresh]);
    expect(actions.getAccessTokenAction).toHaveBeenCalledTimes(2);
  });

  it('returns a fresh token without asking the server again', async () => {
    const first = token();
    vi.mocked(actions.getAccessTokenAction).mockResolvedValue({ accessToken: first });
    const { result } = renderToken();
    await flush();
    expect(await result.current.getAccessToken()).toBe(first);
    expect(actions.getAccessTokenAction).toHaveBeenCalledTimes(1);
  });

  it('keeps the stale token on a failed refresh, reports the error, and retries a minute later', async () => {
    const first = token(120);
    const third = token(3600);
    vi.mocked(actions.getAccessTokenAction)
      .mockResolvedValueOnce({ accessToken: first })
      .mockResolvedValueOnce({ accessToken: undefined, error: 'Failed to refresh access token' })
      .mockResolvedValueOnce({ accessToken: third });
    const { result } = renderToken();
    await flush();
    await act(() => vi.advanceTimersByTimeAsync(90_000)); // 120 s token: refresh at exp - 30 s
    expect(result.current).toMatchObject({ accessToken: first, loading: false, error: expect.objectContaining({ message: 'Failed to refresh access token' }) });
    await act(() => vi.advanceTimersByTimeAsync(60_000));
    expect(result.current).toMatchObject({ accessToken: third, error: null });
    expect(actions.getAccessTokenAction).toHaveBeenCalledTimes(3);
  });

  it('getAccessToken rejects when the needed refresh fails; refresh() resolves to undefined', async () => {
    vi.mocked(actions.getAccessTokenAction).mockResolvedValue({ accessToken: undefined, error: 'Failed to refresh access token' });
    const { result } = renderToken();
    await flush();
    await expect(act(() => result.current.getAccessToken())).rejects.toThrow('Failed to refresh access token');
    await act(async () => expect(await result.current.refresh()).toBeUndefined());
  });

  it('drops the token and fetches a new one when the session moves to another organisation', async () => {
    const acmeToken = token(3600, { org_id: 'org_acme' });
    const globexToken = token(3600, { org_id: 'org_globex' });
    vi.mocked(actions.getAccessTokenAction).mockResolvedValueOnce({ accessToken: acmeToken }).mockResolvedValueOnce({ accessToken: globexToken });
    let auth: ClientAuth = signedIn();
    const wrapper = ({ children }: { children: ReactNode }) => <AuthKitProvider initialAuth={auth} onSessionExpired={false}>{children}</AuthKitProvider>;
    const { result, rerender } = renderHook(() => useAccessToken(), { wrapper });
    await flush();
    expect(result.current.accessToken).toBe(acmeToken);
    auth = signedIn({ organizationId: 'org_globex' });
    rerender();
    await flush();
    expect(result.current.accessToken).toBe(globexToken);
  });

  it('forgets the token on sign-out', async () => {
    vi.mocked(actions.getAccessTokenAction).mockResolvedValue({ accessToken: token() });
    let auth: ClientAuth = signedIn();
    const wrapper = ({ children }: { children: ReactNode }) => <AuthKitProvider initialAuth={auth} onSessionExpired={false}>{children}</AuthKitProvider>;
    const { result, rerender } = renderHook(() => useAccessToken(), { wrapper });
    await flush();
    auth = signedOut;
    rerender();
    await flush();
    expect(result.current).toMatchObject({ accessToken: undefined, loading: false });
    expect(vi.getTimerCount()).toBe(0);
  });

  it('stops its timer when the last consumer unmounts', async () => {
    vi.mocked(actions.getAccessTokenAction).mockResolvedValue({ accessToken: token() });
    const { unmount } = renderToken();
    await flush();
    expect(vi.getTimerCount()).toBe(1);
    unmount();
    expect(vi.getTimerCount()).toBe(0);
  });
});

describe('the token store', () => {
  it('starts no timer and asks nothing before the first subscriber', async () => {
    const store = createTokenStore('session_1 org_acme');
    await vi.advanceTimersByTimeAsync(10 * 60_000);
    expect(vi.getTimerCount()).toBe(0);
    expect(actions.getAccessTokenAction).not.toHaveBeenCalled();
    expect(store.get()).toMatchObject({ accessToken: undefined, loading: true });
  });

  it('never schedules a refresh for an opaque token, and never loops on an almost-expired one', async () => {
    vi.mocked(actions.getAccessTokenAction).mockResolvedValueOnce({ accessToken: 'opaque' });
    const opaque = createTokenStore('a');
    const stopOpaque = opaque.subscribe(() => undefined);
    await vi.advanceTimersByTimeAsync(0);
    expect(opaque.get().accessToken).toBe('opaque');
    expect(vi.getTimerCount()).toBe(0);
    stopOpaque();

    vi.mocked(actions.getAccessTokenAction).mockResolvedValue({ accessToken: token(10) });
    const store = createTokenStore('b');
    store.subscribe(() => undefined);
    await vi.advanceTimersByTimeAsync(60_000);
    // The opaque store's one call; then the first fetch and one refresh every 15 s (at 15, 30, 45
    // and 60 s), however stale the answer.
    expect(actions.getAccessTokenAction).toHaveBeenCalledTimes(1 + 1 + 4);
  });
});

describe('useTokenClaims', () => {
  it('decodes the current token, including non-ASCII claims, and is empty without one', async () => {
    vi.mocked(actions.getAccessTokenAction).mockResolvedValue({ accessToken: token(3600, { org_id: 'org_acme', team: 'Zürich' }) });
    const { result } = renderInProvider(() => useTokenClaims<{ team: string }>());
    expect(result.current).toEqual({});
    await flush();
    expect(result.current).toMatchObject({ sub: 'user_ada', org_id: 'org_acme', team: 'Zürich' });
  });
});

describe('useRecentAuth', () => {
  const renderRecentAuth = (maxAge: number) => renderInProvider(() => useRecentAuth({ maxAge }));

  it('is loading (no verdict) until the access token is there', () => {
    vi.mocked(actions.getAccessTokenAction).mockReturnValue(new Promise(() => {}));
    expect(renderRecentAuth(300).result.current).toEqual({ loading: true, authenticatedAt: undefined, isStale: undefined });
  });

  it('reads auth_time: recent within maxAge (inclusive), stale after', async () => {
    vi.mocked(actions.getAccessTokenAction).mockResolvedValue({ accessToken: token(3600, { auth_time: NOW - 300 }) });
    const recent = renderRecentAuth(300);
    await flush();
    expect(recent.result.current).toEqual({ loading: false, authenticatedAt: new Date((NOW - 300) * 1000), isStale: false });
    const stale = renderRecentAuth(299);
    await flush();
    expect(stale.result.current).toMatchObject({ loading: false, isStale: true });
  });

  it('fails closed: a token without auth_time, or no token, is stale', async () => {
    vi.mocked(actions.getAccessTokenAction).mockResolvedValue({ accessToken: token() });
    const { result } = renderRecentAuth(300);
    await flush();
    expect(result.current).toEqual({ loading: false, authenticatedAt: null, isStale: true });
    vi.mocked(actions.getAccessTokenAction).mockResolvedValue({ accessToken: undefined });
    const tokenless = renderRecentAuth(300);
    await flush();
    expect(tokenless.result.current).toEqual({ loading: false, authenticatedAt: null, isStale: true });
  });
});
