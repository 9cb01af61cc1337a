/**
 * Stand-ins for `authkit-rsc/actions` in client-component tests. From the browser's point of view
 * a server action is a network call, so the module boundary is the right seam:
 *
 * ```ts
 * vi.mock('../../actions/index.js', () => import('../../../test/support/components-actions.js'));
 * import * as actions from '../../actions/index.js';
 * vi.mocked(actions.getAuthAction).mockResolvedValue({ user: null });
 * ```
 * Reset them with `resetActionMocks()` in `beforeEach`.
 */
import { vi } from 'vitest';
import type * as Actions from '../../src/actions/index.js';

export const signOutAction = vi.fn<typeof Actions.signOutAction>();
export const switchOrganizationAction = vi.fn<typeof Actions.switchOrganizationAction>();
export const refreshAuthAction = vi.fn<typeof Actions.refreshAuthAction>();
export const getAuthAction = vi.fn<typeof Actions.getAuthAction>();
export const getAccessTokenAction = vi.fn<typeof Actions.getAccessTokenAction>();

/** Clears calls and gives every action a harmless default answer. */
export function resetActionMocks(): void {
  for (const mock of [signOutAction, switchOrganizationAction, refreshAuthAction, getAuthAction, getAccessTokenAction]) {
    mock.mockReset();
  }
  getAuthAction.mockResolvedValue({ user: null });
  refreshAuthAction.mockResolvedValue({ user: null });
  getAccessTokenAction.mockResolvedValue({ accessToken: undefined });
  signOutAction.mockResolvedValue(undefined as never);
}
