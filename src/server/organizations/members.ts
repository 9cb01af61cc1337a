import 'server-only';
/**
 * The members of an organization, read through the SDK: its memberships (active and inactive;
 * pending ones are invitations) joined with its users for their emails and names. Two list calls
 * per page view, whatever the number of members. Authorisation checks (the last admin) always use
 * a fresh listing; nothing here is cached.
 */
import type { OrganizationMembership, User } from '@workos-inc/node';
import type { OrganizationMember } from '../../shared/organization-types.js';
import { withAuth } from '../auth/with-auth.js';
import { sessionRoot } from '../root/current-root.js';
import type { SessionRoot } from '../root/session-root.js';
import { workosClient } from '../workos.js';

const fullName = (user: User | undefined) => [user?.firstName, user?.lastName].filter(Boolean).join(' ') || undefined;

/** True when the membership holds the admin role (`WORKOS_ADMIN_ROLE`). */
export function isAdminMembership(root: SessionRoot, membership: Pick<OrganizationMembership, 'role' | 'roles'>): boolean {
  const admin = root.config.adminRole;
  return membership.role?.slug === admin || (membership.roles ?? []).some((role) => role.slug === admin);
}

/** The organization's active and inactive memberships, fresh from WorkOS. */
export async function organizationMemberships(root: SessionRoot, organizationId: string): Promise<OrganizationMembership[]> {
  const page = await workosClient(root).userManagement.listOrganizationMemberships({ organizationId, statuses: ['active', 'inactive'], limit: 100 });
  return page.autoPagination();
}

/** The organization's members, sorted by email; `self` marks `selfUserId`'s membership. */
export async function fetchOrganizationMembers(root: SessionRoot, organizationId: string, selfUserId?: string): Promise<OrganizationMember[]> {
  const [memberships, users] = await Promise.all([
    organizationMemberships(root, organizationId),
    workosClient(root).userManagement.listUsers({ organizationId, limit: 100 }).then((page) => page.autoPagination()),
  ]);
  const usersById = new Map(users.map((user) => [user.id, user]));
  return memberships
    .map((membership) => {
      const user = usersById.get(membership.userId);
      const name = fullName(user);
      return {
        membershipId: membership.id,
        userId: membership.userId,
        email: user?.email ?? membership.userId,
        ...(name ? { name } : {}),
        role: membership.role?.slug ?? '',
        status: membership.status,
        self: membership.userId === selfUserId,
      };
    })
    .sort((a, b) => a.email.localeCompare(b.email));
}

/**
 * The members of the signed-in user's current organization (emails, names, roles, statuses),
 * sorted by email; `[]` when signed out or outside an organization. Every member may read it;
 * changing it needs the manage permission (`WORKOS_MANAGE_MEMBERS_PERMISSION`).
 * @throws the SDK's error when WorkOS cannot list them.
 *
 * @example
 * const members = await listOrganizationMembers();
 * // [{ membershipId: 'om_…', email: 'ada@example.com', role: 'admin', status: 'active', self: true, … }]
 */
export async function listOrganizationMembers(): Promise<OrganizationMember[]> {
  const { user, organizationId } = await withAuth();
  if (!user || !organizationId) return [];
  return fetchOrganizationMembers(sessionRoot(), organizationId, user.id);
}
