import 'server-only';
/**
 * The signed-in user's organisations, for the org switcher and for server actions that authorise
 * a switch.
 *
 * Listing them is a WorkOS API call, and a layout's `<OrgSwitcher>` wants them on every signed-in
 * page view, so each user's active memberships are kept for a short while (`MEMBERSHIPS_TTL_MS`):
 * inside a Next server in Next's data cache, tagged `userCacheTag(userId)`; elsewhere in the
 * session root's store (in-process by default). That is for display, which may lag WorkOS by up
 * to the TTL; a check that authorises something asks with `{ fresh: true }`, which always lists at
 * WorkOS. The entry is dropped (the tag expired) when its user switches organisation or signs out.
 * `current` is never kept: it comes from the request's own session.
 */
import { cache } from 'react';
import { MEMBERSHIPS_TTL_MS } from '../../shared/constants.js';
import type { OrganizationChoice } from '../../shared/types.js';
import { expireCacheTags, throughNextCache, userCacheTag } from '../next-cache.js';
import { getSession } from '../request/get-session.js';
import { sessionRoot } from '../root/current-root.js';
import type { SessionRoot } from '../root/session-root.js';
import type { Membership } from '../store/session-store.js';
import { workosClient } from '../workos.js';

async function listAtWorkOS(root: SessionRoot, userId: string): Promise<Membership[]> {
  const page = await workosClient(root).userManagement.listOrganizationMemberships({ userId, statuses: ['active'], limit: 100 });
  const memberships = await page.autoPagination();
  return memberships
    .map((membership) => ({ id: membership.organizationId, name: membership.organizationName, role: membership.role?.slug }))
    .sort((a, b) => a.name.localeCompare(b.name));
}

/** The user's memberships from the root's store: kept ones while fresh (unless `fresh`), else a new listing. */
function membershipsOf(root: SessionRoot, userId: string, fresh: boolean): Promise<Membership[]> {
  return root.store.memberships.get(userId, () => listAtWorkOS(root, userId), { fresh });
}

/** The user's memberships for display: Next's data cache inside a Next server, else the store's. */
async function displayMemberships(root: SessionRoot, userId: string): Promise<Membership[]> {
  const load = () => membershipsOf(root, userId, true);
  const cached = await throughNextCache(['authkit-memberships', userId], [userCacheTag(userId)], MEMBERSHIPS_TTL_MS / 1000, load);
  return cached ? cached.value : membershipsOf(root, userId, false);
}

/** Drops a user's kept memberships and expires their cache tag (after an organisation switch or a sign-out). */
export function forgetMemberships(root: SessionRoot, userId: string): void {
  root.store.memberships.forget(userId);
  expireCacheTags([userCacheTag(userId)]);
}

async function listFor(fresh: boolean): Promise<OrganizationChoice[]> {
  const state = await getSession();
  if (state.status !== 'signed-in') return [];
  const root = sessionRoot();
  const userId = state.info.user.id;
  const memberships = await (fresh ? membershipsOf(root, userId, true) : displayMemberships(root, userId));
  return memberships.map((membership) => ({ ...membership, current: membership.id === state.info.organizationId }));
}

const listForRequest = cache(() => listFor(false));

/**
 * The signed-in user's active organisation memberships with names, sorted by name; `[]` when
 * signed out. Answered once per request, from a list up to 30 s old; pass `{ fresh: true }` when
 * the answer authorises something (it always asks WorkOS).
 *
 * @example
 * const organizations = await listOrganizationMemberships();
 * // [{ id: 'org_1', name: 'Acme', role: 'admin', current: true }, …]
 * @example
 * const isMember = (await listOrganizationMemberships({ fresh: true })).some((org) => org.id === organizationId);
 */
export function listOrganizationMemberships(options?: {
  /** Ask WorkOS now instead of using the list kept for display. @default false */
  fresh?: boolean;
}): Promise<OrganizationChoice[]> {
  return options?.fresh ? listFor(true) : listForRequest();
}
