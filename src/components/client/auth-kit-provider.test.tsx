import { act, render, renderHook, screen, waitFor } from '@testing-library/react';
import { memo } from 'react';
import type { ReactNode } from 'react';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { ada, signedIn, signedOut } from '../../../test/support/components-fixtures.js';
import * as actions from '../../actions/index.js';
import { AuthKitError } from '../../shared/errors.js';
import { AuthKitProvider } from './auth-kit-provider.js';
import type { AuthKitProviderProps } from './auth-kit-provider.js';
import * as navigate from './navigate.js';
import { useAuth } from './use-auth.js';

vi.mock('../../actions/index.js', () => import('../../../test/support/components-actions.js'));
vi.mock('./navigate.js', async (importOriginal) => ({ ...(await importOriginal<object>()), goToSignIn: vi.fn(), reload: vi.fn() }));
const { resetActionMocks } = await import('../../../test/support/components-actions.js');

const wrapper = (props: Omit<AuthKitProviderProps, 'children'>) =>
  function Wrapper({ children }: { children: ReactNode }) {
    return <AuthKitProvider {...props}>{children}</AuthKitProvider>;
  };

beforeEach(() => {
  resetActionMocks();
  vi.mocked(navigate.goToSignIn).mockReset();
  vi.mocked(navigate.reload).mockReset();
});

describe('AuthKitProvider seeded by the server', () => {
  it('has the session on the first render and makes no server round trip on mount', () => {
    const { result } = renderHook(() => useAuth(), { wrapper: wrapper({ initialAuth: signedIn() }) });
    expect(result.current).toMatchObject({ user: ada, sessionId: 'session_1', organizationId: 'org_acme', role: 'admin', loading: false });
    expect(actions.getAuthAction).not.toHaveBeenCalled();
    expect(actions.getAccessTokenAction).not.toHaveBeenCalled();
  });

  it('knows a signed-out visitor without asking the server', () => {
    const { result } = renderHook(() => useAuth(), { wrapper: wrapper({ initialAuth: signedOut }) });
    expect(result.current).toMatchObject({ user: null, loading: false });
    expect(actions.getAuthAction).not.toHaveBeenCalled();
  });

  it('adopts a fresh seed when the server renders again (after a navigation or an action)', () => {
    let seed = signedIn();
    const Probe = () => <p>{useAuth().organizationId}</p>;
    const view = render(<AuthKitProvider initialAuth={seed}><Probe /></AuthKitProvider>);
    expect(screen.getByText('org_acme')).toBeInTheDocument();
    seed = signedIn({ organizationId: 'org_globex' });
    view.rerender(<AuthKitProvider initialAuth={seed}><Probe /></AuthKitProvider>);
    expect(screen.getByText('org_globex')).toBeInTheDocument();
  });
});

describe('AuthKitProvider without a seed', () => {
  it('is loading, then asks getAuthAction exactly once', async () => {
    vi.mocked(actions.getAuthAction).mockResolvedValue(signedIn());
    const { result } = renderHook(() => useAuth(), { wrapper: wrapper({}) });
    expect(result.current).toMatchObject({ user: null, loading: true });
    await waitFor(() => expect(result.current.loading).toBe(false));
    expect(result.current.user).toEqual(ada);
    expect(actions.getAuthAction).toHaveBeenCalledTimes(1);
  });

  it('stops loading and reads as signed out when the server cannot be reached', async () => {
    vi.mocked(actions.getAuthAction).mockRejectedValue(new TypeError('Failed to fetch'));
    const { result } = renderHook(() => useAuth(), { wrapper: wrapper({}) });
    await waitFor(() => expect(result.current.loading).toBe(false));
    expect(result.current.user).toBeNull();
  });
});

describe('the context value', () => {
  it('is memoised: a consumer does not re-render when the provider re-renders with the same session', () => {
    const seed = signedIn();
    let renders = 0;
    const Consumer = memo(function Consumer() {
      useAuth();
      renders += 1;
      return null;
    });
    // The parent re-renders with new props; the provider's props stay the same.
    function Parent({ tick }: { tick: number }) {
      return <div data-tick={tick}><AuthKitProvider initialAuth={seed}><Consumer /></AuthKitProvider></div>;
    }
    const view = render(<Parent tick={1} />);
    view.rerender(<Parent tick={2} />);
    view.rerender(<Parent tick={3} />);
    expect(renders).toBe(1);
  });

  it('throws an AuthKitError naming the provider when a hook is used outside it', () => {
    const spy = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    let thrown: unknown;
    try {
      renderHook(() => useAuth());
    } catch (error) {
      thrown = error;
    }
    spy.mockRestore();
    expect(thrown).toBeInstanceOf(AuthKitError);
    expect(thrown).toMatchObject({ code: 'provider_missing', message: expect.stringContaining('AuthKitProvider') });
  });
});

describe('session methods', () => {
  it('getAuth re-reads the session', async () => {
    const { result } = renderHook(() => useAuth(), { wrapper: wrapper({ initialAuth: signedIn() }) });
    vi.mocked(actions.getAuthAction).mockResolvedValue(signedIn({ role: 'member', roles: ['member'] }));
    await act(() => result.current.getAuth());
    expect(result.current.role).toBe('member');
  });

  it('getAuth({ ensureSignedIn }) sends a signed-out visitor to sign-in', async () => {
    const { result } = renderHook(() => useAuth(), { wrapper: wrapper({ initialAuth: signedIn(), authRoute: '/auth' }) });
    vi.mocked(actions.getAuthAction).mockResolvedValue(signedOut);
    await act(() => result.current.getAuth({ ensureSignedIn: true }));
    expect(navigate.goToSignIn).toHaveBeenCalledWith('/auth');
  });

  it('refreshAuth({ organizationId }) passes the organisation and adopts the new session', async () => {
    const { result } = renderHook(() => useAuth(), { wrapper: wrapper({ initialAuth: signedIn() }) });
    vi.mocked(actions.refreshAuthAction).mockResolvedValue(signedIn({ organizationId: 'org_globex' }));
    await act(async () => expect(await result.current.refreshAuth({ organizationId: 'org_globex' })).toBeUndefined());
    expect(actions.refreshAuthAction).toHaveBeenCalledWith({ organizationId: 'org_globex' });
    expect(result.current.organizationId).toBe('org_globex');
  });

  it('refreshAuth resolves to { error } instead of throwing, and keeps the session', async () => {
    const { result } = renderHook(() => useAuth(), { wrapper: wrapper({ initialAuth: signedIn() }) });
    vi.mocked(actions.refreshAuthAction).mockResolvedValueOnce({ error: 'Not a member of this organization' });
    await act(async () => expect(await result.current.refreshAuth({ organizationId: 'org_evil' })).toEqual({ error: 'Not a member of this organization' }));
    vi.mocked(actions.refreshAuthAction).mockRejectedValueOnce(new Error('network down'));
    await act(async () => expect(await result.current.refreshAuth()).toEqual({ error: 'network down' }));
    expect(result.current.organizationId).toBe('org_acme');
  });

  it('switchToOrganization calls the action with the id and adopts its answer', async () => {
    const { result } = renderHook(() => useAuth(), { wrapper: wrapper({ initialAuth: signedIn() }) });
    const next = signedIn({ organizationId: 'org_globex', role: 'member' });
    vi.mocked(actions.switchOrganizationAction).mockResolvedValue(next);
    await act(async () => expect(await result.current.switchToOrganization('org_globex')).toEqual(next));
    expect(actions.switchOrganizationAction).toHaveBeenCalledWith('org_globex', undefined);
    expect(result.current).toMatchObject({ organizationId: 'org_globex', role: 'member' });
    // The reference client's options reach the action as given.
    const options = { returnTo: '/projects', revalidationStrategy: 'none' } as const;
    await act(async () => void (await result.current.switchToOrganization('org_globex', options)));
    expect(actions.switchOrganizationAction).toHaveBeenLastCalledWith('org_globex', options);
  });

  it('switchToOrganization returns a refusal without changing the session', async () => {
    const { result } = renderHook(() => useAuth(), { wrapper: wrapper({ initialAuth: signedIn() }) });
    vi.mocked(actions.switchOrganizationAction).mockResolvedValue({ error: 'Not a member of this organization' });
    await act(async () => expect(await result.current.switchToOrganization('org_evil')).toEqual({ error: 'Not a member of this organization' }));
    expect(result.current.organizationId).toBe('org_acme');
  });

  it('signOut calls signOutAction with the return path', async () => {
    const { result } = renderHook(() => useAuth(), { wrapper: wrapper({ initialAuth: signedIn() }) });
    await act(() => result.current.signOut({ returnTo: '/bye' }));
    expect(actions.signOutAction).toHaveBeenCalledWith({ returnTo: '/bye' });
  });
});

describe('useAuth({ ensureSignedIn })', () => {
  it('sends a signed-out visitor to sign-in, and leaves a signed-in one alone', () => {
    renderHook(() => useAuth({ ensureSignedIn: true }), { wrapper: wrapper({ initialAuth: signedIn() }) });
    expect(navigate.goToSignIn).not.toHaveBeenCalled();
    renderHook(() => useAuth({ ensureSignedIn: true }), { wrapper: wrapper({ initialAuth: signedOut, authRoute: '/auth' }) });
    expect(navigate.goToSignIn).toHaveBeenCalledWith('/auth', undefined);
  });

  it('waits for an unseeded provider to load before deciding', async () => {
    let answer!: (value: typeof signedOut) => void;
    vi.mocked(actions.getAuthAction).mockReturnValue(new Promise((resolve) => (answer = resolve)));
    renderHook(() => useAuth({ ensureSignedIn: true }), { wrapper: wrapper({}) });
    expect(navigate.goToSignIn).not.toHaveBeenCalled();
    await act(async () => answer(signedOut));
    expect(navigate.goToSignIn).toHaveBeenCalledTimes(1);
  });
});

describe('session-expiry check on focus', () => {
  const focus = () => act(async () => void window.dispatchEvent(new Event('focus')));

  it('calls onSessionExpired when the session ended, and not while it lasts', async () => {
    const onSessionExpired = vi.fn();
    renderHook(() => useAuth(), { wrapper: wrapper({ initialAuth: signedIn(), onSessionExpired }) });
    vi.mocked(actions.getAuthAction).mockResolvedValue(signedIn());
    await focus();
    expect(onSessionExpired).not.toHaveBeenCalled();
    vi.mocked(actions.getAuthAction).mockResolvedValue(signedOut);
    await focus();
    await waitFor(() => expect(onSessionExpired).toHaveBeenCalledTimes(1));
  });

  it('treats another user in the cookie as an ended session and reloads by default', async () => {
    renderHook(() => useAuth(), { wrapper: wrapper({ initialAuth: signedIn() }) });
    vi.mocked(actions.getAuthAction).mockResolvedValue(signedIn({ user: { ...ada, id: 'user_bob' } }));
    await focus();
    await waitFor(() => expect(navigate.reload).toHaveBeenCalledTimes(1));
  });

  it('counts a failed check as expiry only while online', async () => {
    const onSessionExpired = vi.fn();
    renderHook(() => useAuth(), { wrapper: wrapper({ initialAuth: signedIn(), onSessionExpired }) });
    vi.mocked(actions.getAuthAction).mockRejectedValue(new Error('An unexpected response was received from the server.'));
    const online = vi.spyOn(navigator, 'onLine', 'get').mockReturnValue(false);
    await focus();
    expect(onSessionExpired).not.toHaveBeenCalled();
    online.mockReturnValue(true);
    await focus();
    await waitFor(() => expect(onSessionExpired).toHaveBeenCalledTimes(1));
    online.mockRestore();
  });

  it('is off with onSessionExpired={false} and for signed-out visitors', async () => {
    renderHook(() => useAuth(), { wrapper: wrapper({ initialAuth: signedIn(), onSessionExpired: false }) });
    renderHook(() => useAuth(), { wrapper: wrapper({ initialAuth: signedOut }) });
    await focus();
    expect(actions.getAuthAction).not.toHaveBeenCalled();
  });
});
