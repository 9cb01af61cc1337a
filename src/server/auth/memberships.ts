import 'server-only';
/** The signed-in user's organisations, for the org switcher and server actions that authorise a switch. */
import { cache } from 'react';
import type { OrganizationChoice } from '../../shared/types.js';
import { getSession } from '../session/get-session.js';
import { getWorkOS } from '../workos.js';

/**
 * The signed-in user's active organisation memberships with names, sorted by name; `[]` when
 * signed out. Fetched once per request.
 *
 * @example
 * const organizations = await listOrganizationMemberships();
 * // [{ id: 'org_1', name: 'Acme', role: 'admin', current: true }, …]
 */
export const listOrganizationMemberships = cache(async (): Promise<OrganizationChoice[]> => {
  const state = await getSession();
  if (state.status !== 'signed-in') return [];
  const page = await getWorkOS().userManagement.listOrganizationMemberships({
    userId: state.info.user.id,
    statuses: ['active'],
    limit: 100,
  });
  const memberships = await page.autoPagination();
  return memberships
    .map((membership) => ({
      id: membership.organizationId,
      name: membership.organizationName,
      role: membership.role?.slug,
      current: membership.organizationId === state.info.organizationId,
    }))
    .sort((a, b) => a.name.localeCompare(b.name));
});
