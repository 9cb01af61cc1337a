'use client';
/**
 * The client face of the mock session: the real client `AuthKitProvider`, seeded the way the
 * server shell seeds it. Without a `session` it follows the active mock session (`setMockSession`),
 * re-seeding when a mock action switches organisation or signs out, as a server re-render would.
 *
 * The provider module is loaded on demand rather than imported: it imports `authkit-rsc/actions`,
 * and a test that mocks that module with a factory importing `authkit-rsc/testing` would otherwise
 * wait on itself. `setMockSession` (and `loadMockProvider`) wait for it, so renders are synchronous.
 */
// A namespace import: under the react-server condition (a test runner started with it) React has
// no client hooks, and named imports of them would fail to link.
import * as React from 'react';
import type { ReactNode } from 'react';
import type * as ProviderModuleType from '../components/client/auth-kit-provider.js';
import type { AuthKitProviderProps } from '../components/client/auth-kit-provider.js';
import { MOCK_AUTH_ENV } from './mock-env.js';
import type { MockAuthState } from './mock-data.js';
import { currentMockSession, onMockSessionChange } from './mock-registry.js';
import { createMockSession } from './mock-session.js';
import type { MockSession } from './mock-session.js';

type ProviderModule = typeof ProviderModuleType;
type Tracked = Promise<ProviderModule> & { status?: 'fulfilled'; value?: ProviderModule };

let providerModule: Tracked | undefined;

/** Loads the client provider (once); `use()` then reads it without suspending. */
export function loadMockProvider(): Promise<ProviderModule> {
  if (!providerModule) {
    const loading: Tracked = import('../components/client/auth-kit-provider.js');
    loading.then((module) => Object.assign(loading, { status: 'fulfilled', value: module }), () => undefined);
    providerModule = loading;
  }
  return providerModule;
}

/** Props of `MockAuthKitProvider`: the client provider's, plus the mock session to seed it with. */
export interface MockAuthKitProviderProps extends Omit<AuthKitProviderProps, 'initialAuth' | 'session'> {
  /** The session to show. @default the active mock session (`setMockSession`), else signed out */
  session?: MockSession | MockAuthState;
  children?: ReactNode;
}

const SIGNED_OUT = createMockSession('signedOut');

/** The client provider's props for a mock session, as the server shell would pass them. */
export function mockProviderProps(mock: MockSession): Pick<AuthKitProviderProps, 'initialAuth' | 'organizationName' | 'authRoute'> {
  const current = mock.organizations.find((org) => org.current);
  return {
    initialAuth: mock.auth,
    authRoute: MOCK_AUTH_ENV.NEXT_PUBLIC_WORKOS_REDIRECT_URI,
    organizationName: mock.auth?.impersonator ? current?.name : undefined,
  };
}

/**
 * `AuthKitProvider` for tests and stories, in any auth state, without a server.
 * @example
 * render(<MockAuthKitProvider session="admin"><SignedIn role="admin">Hi</SignedIn></MockAuthKitProvider>);
 */
export function MockAuthKitProvider({ session, children, ...props }: MockAuthKitProviderProps) {
  const { AuthKitProvider } = React.use(loadMockProvider());
  const active = React.useSyncExternalStore(onMockSessionChange, currentMockSession, currentMockSession);
  const named = React.useMemo(() => (typeof session === 'string' ? createMockSession(session) : undefined), [session]);
  const mock = named ?? (session as MockSession | undefined) ?? active ?? SIGNED_OUT;
  // A new provider per state: a mock "request" starts from its own seed (loading included).
  return (
    <AuthKitProvider key={mock.status} onSessionExpired={false} {...mockProviderProps(mock)} {...props}>
      {children}
    </AuthKitProvider>
  );
}
