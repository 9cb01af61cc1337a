/**
 * `authkit-rsc/actions` in client-component tests: the test kit's mock actions
 * (`createMockActions(vi.fn)`), which act on the mock session like the real ones (switching
 * refuses non-members, signing out ends it, reads return its redacted data). From the browser's
 * point of view a server action is a network call, so the module boundary is the right seam:
 *
 * ```ts
 * vi.mock('../../actions/index.js', () => import('../../../test/support/components-actions.js'));
 * import * as actions from '../../actions/index.js';
 * vi.mocked(actions.getAuthAction).mockResolvedValue({ user: null });
 * ```
 * Reset them with `resetActionMocks()` in `beforeEach`.
 */
import { vi } from 'vitest';
import { clearMockActionCalls, clearMockSession, createMockActions } from '../../src/testing/index.js';

const actions = createMockActions(vi.fn);

export const signOutAction = vi.mocked(actions.signOutAction);
export const switchOrganizationAction = vi.mocked(actions.switchOrganizationAction);
export const refreshAuthAction = vi.mocked(actions.refreshAuthAction);
export const getAuthAction = vi.mocked(actions.getAuthAction);
export const getAccessTokenAction = vi.mocked(actions.getAccessTokenAction);
export const getOrganizationsAction = vi.mocked(actions.getOrganizationsAction);

/** Back to the kit's behaviour on no mock session (signed out), with no calls recorded. */
export async function resetActionMocks(): Promise<void> {
  // Vitest: back to the implementation each spy was created with.
  for (const action of Object.values(actions)) vi.mocked(action).mockReset();
  clearMockActionCalls();
  await clearMockSession();
}
