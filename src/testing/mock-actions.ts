/**
 * Stand-ins for `authkit-rsc/actions` that act on the active mock session: switching organisation
 * re-scopes it (refusing organisations the user is not a member of, like the real action), signing
 * out ends it, reads return its redacted data. Every call is recorded. Server actions are network
 * calls from the browser's point of view, so the module boundary is the seam: mock the module.
 *
 * @example
 * // Vitest: spies that behave like the real actions on the mock session
 * vi.mock('authkit-rsc/actions', async () => (await import('authkit-rsc/testing')).createMockActions(vi.fn));
 */
import type { ClientAuth, OrganizationChoice } from '../shared/types.js';
import { currentMockSession } from './mock-registry.js';
import { setMockSession } from './mock-server.js';
import { createMockSession, switchMockOrganization } from './mock-session.js';
import { organizationActionImplementations } from './mock-organization-actions.js';

/** One recorded call of a mock action. */
export interface MockActionCall {
  action: keyof MockActions;
  args: unknown[];
}

const calls: MockActionCall[] = [];

/** Every mock action call so far, oldest first. */
export function mockActionCalls(): MockActionCall[] {
  return [...calls];
}

/** Forgets the recorded calls. */
export function clearMockActionCalls(): void {
  calls.length = 0;
}

type Failure = { error: string };

const field = (value: unknown) => (typeof value === 'string' && value !== '' ? value : undefined);
const formOr = (value: unknown, name: string, fallback?: unknown) =>
  field(value instanceof FormData ? value.get(name) : fallback);

async function switchTo(organizationId: string | undefined): Promise<ClientAuth | Failure> {
  const mock = currentMockSession();
  if (!organizationId) return { error: 'An organization id is required' };
  if (mock?.status !== 'signed-in') return { error: 'Not signed in' };
  const next = switchMockOrganization(mock, organizationId);
  if (!next) return { error: 'Not a member of this organization' };
  return (await setMockSession(next)).auth!;
}

/** A promise that never settles: what a loading session's first read looks like. */
const pending = <T>() => new Promise<T>(() => {});

function implementations() {
  return {
    /** Ends the mock session (the real action redirects to WorkOS's logout). */
    async signOutAction(_formDataOrOptions?: FormData | { returnTo?: string }): Promise<never> {
      await setMockSession(createMockSession('signedOut'));
      return undefined as never;
    },
    async switchOrganizationAction(organizationIdOrForm: string | FormData, _options?: { returnTo?: string }): Promise<ClientAuth | Failure> {
      return switchTo(typeof organizationIdOrForm === 'string' ? organizationIdOrForm : formOr(organizationIdOrForm, 'organizationId'));
    },
    async refreshAuthAction(options: { organizationId?: string; ensureSignedIn?: boolean } = {}): Promise<ClientAuth | Failure> {
      if (options.organizationId) return switchTo(options.organizationId);
      return currentMockSession()?.auth ?? { user: null };
    },
    async getAuthAction(_options?: { ensureSignedIn?: boolean }): Promise<ClientAuth & { signInUrl?: string }> {
      const mock = currentMockSession();
      if (mock?.status === 'loading') return pending();
      return mock?.auth ?? { user: null };
    },
    async getAccessTokenAction(_options?: { forceRefresh?: boolean }): Promise<{ accessToken: string | undefined; error?: string }> {
      const mock = currentMockSession();
      if (mock?.status === 'loading') return pending();
      return { accessToken: mock?.session?.accessToken };
    },
    /** The mock user's memberships, the current one marked (`[]` signed out). */
    async getOrganizationsAction(): Promise<OrganizationChoice[]> {
      const mock = currentMockSession();
      if (mock?.status === 'loading') return pending();
      return mock?.organizations ?? [];
    },
    ...organizationActionImplementations(),
  };
}

/** The actions of `authkit-rsc/actions`, acting on the active mock session. */
export type MockActions = ReturnType<typeof implementations>;

/**
 * The mock actions, each passed through `wrap` (`vi.fn` in Vitest, `fn` from `storybook/test` in
 * stories) so tests can assert on them, and each recorded in `mockActionCalls()`.
 * @example createMockActions(vi.fn)
 */
export function createMockActions(wrap: (implementation: (...args: never[]) => Promise<unknown>) => unknown = (f) => f): MockActions {
  const actions = implementations();
  const recorded = {} as Record<keyof MockActions, unknown>;
  for (const name of Object.keys(actions) as Array<keyof MockActions>) {
    const implementation = actions[name] as (...args: unknown[]) => Promise<unknown>;
    recorded[name] = wrap((...args: unknown[]) => {
      calls.push({ action: name, args });
      return implementation(...args);
    });
  }
  return recorded as MockActions;
}

/** Ready-made mock actions without spies (calls are still recorded in `mockActionCalls()`). */
export const mockActions: MockActions = createMockActions();
