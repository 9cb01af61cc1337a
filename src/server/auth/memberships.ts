import 'server-only';
/**
 * The signed-in user's organisations, for the org switcher and for server actions that authorise
 * a switch.
 *
 * Listing them is a WorkOS API call, and a layout's `<OrgSwitcher>` wants them on every signed-in
 * page view, so each user's active memberships are kept for a short while (`MEMBERSHIPS_TTL_MS`):
 * inside a Next server in Next's data cache, tagged `userCacheTag(userId)`; elsewhere in this
 * process (at most `MAX_USERS` users, least recently used first out, emptied when the configuration
 * changes). That is for display, which may lag WorkOS by up to the TTL; a check that authorises
 * something asks with `{ fresh: true }`, which always lists at WorkOS. Concurrent misses for one
 * user share one call; a failed call is not remembered. The entry is dropped (the tag expired)
 * when its user switches organisation or signs out. `current` is never cached: it comes from the
 * request's own session.
 */
import { cache } from 'react';
import type { OrganizationChoice } from '../../shared/types.js';
import { perConfig } from '../config.js';
import { expireCacheTags, throughNextCache, userCacheTag } from '../next-cache.js';
import { getSession } from '../session/get-session.js';
import { getWorkOS } from '../workos.js';

/** How long a user's listed memberships serve display before WorkOS is asked again. */
export const MEMBERSHIPS_TTL_MS = 30_000;
const MAX_USERS = 1000;

type Membership = Omit<OrganizationChoice, 'current'>;

interface Entry {
  memberships: Promise<Membership[]>;
  expiresAtMs: number;
}

const entries = perConfig(() => new Map<string, Entry>());

async function fetchMemberships(userId: string): Promise<Membership[]> {
  const page = await getWorkOS().userManagement.listOrganizationMemberships({ userId, statuses: ['active'], limit: 100 });
  const memberships = await page.autoPagination();
  return memberships
    .map((membership) => ({ id: membership.organizationId, name: membership.organizationName, role: membership.role?.slug }))
    .sort((a, b) => a.name.localeCompare(b.name));
}

/** The user's memberships for display: Next's data cache inside a Next server, else this process's. */
async function displayMemberships(userId: string): Promise<Membership[]> {
  const cached = await throughNextCache(['authkit-memberships', userId], [userCacheTag(userId)], MEMBERSHIPS_TTL_MS / 1000, () => membershipsOf(userId, true));
  return cached ? cached.value : membershipsOf(userId, false);
}

/** The user's memberships: the cached list while it is fresh enough (and `fresh` is not asked), else a new listing. */
function membershipsOf(userId: string, fresh: boolean): Promise<Membership[]> {
  const map = entries();
  const hit = map.get(userId);
  map.delete(userId);
  if (hit && !fresh && hit.expiresAtMs > Date.now()) {
    map.set(userId, hit); // most recently used goes last
    return hit.memberships;
  }
  const entry: Entry = { memberships: fetchMemberships(userId), expiresAtMs: Date.now() + MEMBERSHIPS_TTL_MS };
  map.set(userId, entry);
  if (map.size > MAX_USERS) map.delete(map.keys().next().value!);
  entry.memberships.catch(() => {
    if (map.get(userId) === entry) map.delete(userId);
  });
  return entry.memberships;
}

/** Drops a user's cached memberships and expires their cache tag (after an organisation switch or a sign-out). */
export function forgetMemberships(userId: string): void {
  entries().delete(userId);
  expireCacheTags([userCacheTag(userId)]);
}

async function listFor(fresh: boolean): Promise<OrganizationChoice[]> {
  const state = await getSession();
  if (state.status !== 'signed-in') return [];
  const memberships = await (fresh ? membershipsOf(state.info.user.id, true) : displayMemberships(state.info.user.id));
  return memberships.map((membership) => ({ ...membership, current: membership.id === state.info.organizationId }));
}

const listForRequest = cache(() => listFor(false));

/**
 * The signed-in user's active organisation memberships with names, sorted by name; `[]` when
 * signed out. Answered once per request, from a per-process list up to 30 s old; pass
 * `{ fresh: true }` when the answer authorises something (it always asks WorkOS).
 *
 * @example
 * const organizations = await listOrganizationMemberships();
 * // [{ id: 'org_1', name: 'Acme', role: 'admin', current: true }, …]
 * @example
 * const isMember = (await listOrganizationMemberships({ fresh: true })).some((org) => org.id === organizationId);
 */
export function listOrganizationMemberships(options?: {
  /** Ask WorkOS now instead of using the list cached for display. @default false */
  fresh?: boolean;
}): Promise<OrganizationChoice[]> {
  return options?.fresh ? listFor(true) : listForRequest();
}
