import 'server-only';
/**
 * Changing a member's role and removing a member, for a caller already authorised as a manager of
 * `organizationId` (caller.ts). The membership named by the form must belong to that organization
 * (checked at WorkOS: a forged id from another organization is "not found"). An organization keeps
 * at least one active admin, nobody changes their own role, and leaving needs a confirmation.
 * After a change the organization's and the member's cached data expire, and the member's token
 * reads as due for refresh in this process (their next request shows the new role).
 */
import type { OrganizationMembership } from '@workos-inc/node';
import { isId, isSlug } from '../../shared/organization-input.js';
import { done, refused, type Outcome } from '../../shared/organization-outcome.js';
import { forgetMemberships } from '../auth/memberships.js';
import { expireCacheTags, organizationCacheTag } from '../next-cache.js';
import type { SessionRoot } from '../root/session-root.js';
import { workosClient } from '../workos.js';
import { noticeForWorkosError } from '../workos-errors.js';
import { isAdminMembership, organizationMemberships } from './members.js';

export interface Manager {
  userId: string;
  organizationId: string;
}

/** A member of `organizationId`, who may manage it or only leave it. */
export interface Member extends Manager {
  canManage: boolean;
}

/** The membership, when `membershipId` names one in `organizationId`. */
async function membershipIn(root: SessionRoot, organizationId: string, membershipId: string): Promise<OrganizationMembership | undefined> {
  try {
    const membership = await workosClient(root).userManagement.getOrganizationMembership(membershipId);
    return membership.organizationId === organizationId ? membership : undefined;
  } catch (error) {
    if ((error as { status?: unknown }).status === 404) return undefined;
    throw error;
  }
}

/** True when `membership` is the organization's only active admin. */
async function isLastAdmin(root: SessionRoot, membership: OrganizationMembership): Promise<boolean> {
  if (membership.status !== 'active' || !isAdminMembership(root, membership)) return false;
  const admins = (await organizationMemberships(root, membership.organizationId)).filter((m) => m.status === 'active' && isAdminMembership(root, m));
  return admins.every((admin) => admin.id === membership.id);
}

const emailOf = async (root: SessionRoot, userId: string) => (await workosClient(root).userManagement.getUser(userId)).email;

function afterChange(root: SessionRoot, membership: OrganizationMembership, role: string | null): void {
  forgetMemberships(root, membership.userId); // their switcher's list (and its cache tag)
  expireCacheTags([organizationCacheTag(membership.organizationId)]);
  root.store.memberships.noteChange(membership.userId, membership.organizationId, role);
}

/** Gives the member `role`. Refused for the caller's own membership and for the last admin. */
export async function changeMemberRole(root: SessionRoot, manager: Manager, membershipId: string | undefined, role: string | undefined): Promise<Outcome> {
  if (!isId(membershipId) || !isSlug(role)) return refused('invalid-input');
  try {
    const membership = await membershipIn(root, manager.organizationId, membershipId);
    if (!membership) return refused('not-found');
    if (membership.userId === manager.userId) return refused('own-role');
    const email = await emailOf(root, membership.userId);
    if (membership.role?.slug === role) return done('role-changed', email);
    if (role !== root.config.adminRole && (await isLastAdmin(root, membership))) return refused('last-admin');
    await workosClient(root).userManagement.updateOrganizationMembership(membership.id, { roleSlug: role });
    afterChange(root, membership, role);
    return done('role-changed', email);
  } catch (error) {
    return refused(noticeForWorkosError(error, 'Changing a member role'));
  }
}

/**
 * Removes a member (managers only), or the caller themselves (any member: leaving, only with
 * `confirmed`); never the last admin.
 */
export async function removeMember(root: SessionRoot, caller: Member, membershipId: string | undefined, confirmed: boolean): Promise<Outcome & { self?: boolean }> {
  if (!isId(membershipId)) return refused('invalid-input');
  try {
    const membership = await membershipIn(root, caller.organizationId, membershipId);
    const self = membership?.userId === caller.userId;
    if (!caller.canManage && !self) return refused('forbidden');
    if (!membership) return refused('not-found');
    if (self && !confirmed) return refused('confirm-leave');
    if (await isLastAdmin(root, membership)) return refused('last-admin');
    const email = self ? undefined : await emailOf(root, membership.userId);
    await workosClient(root).userManagement.deleteOrganizationMembership(membership.id);
    afterChange(root, membership, null);
    return self ? { ...done('left-organization'), self } : done('member-removed', email);
  } catch (error) {
    return refused(noticeForWorkosError(error, 'Removing a member'));
  }
}
