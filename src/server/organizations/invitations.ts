import 'server-only';
/**
 * An organization's invitations: listing the pending ones (for managers), sending, revoking and
 * resending. The invitation named by a form must belong to the caller's organization and still be
 * pending (checked at WorkOS). Invitation tokens never leave the server: WorkOS emails the link.
 */
import type { Invitation } from '@workos-inc/node';
import type { OrganizationInvitation } from '../../shared/organization-types.js';
import { withAuth } from '../auth/with-auth.js';
import { expireCacheTags, organizationCacheTag } from '../next-cache.js';
import { isEmail, isId, isSlug } from '../../shared/organization-input.js';
import { done, refused, type Outcome } from '../../shared/organization-outcome.js';
import { sessionRoot } from '../root/current-root.js';
import type { SessionRoot } from '../root/session-root.js';
import { workosClient } from '../workos.js';
import { noticeForWorkosError } from '../workos-errors.js';
import { canManageMembers } from './caller.js';
import type { Manager } from './member-changes.js';

function redacted(invitation: Invitation): OrganizationInvitation {
  return {
    id: invitation.id,
    email: invitation.email,
    ...(invitation.roleSlug ? { role: invitation.roleSlug } : {}),
    expiresAt: invitation.expiresAt,
    createdAt: invitation.createdAt,
  };
}

/** The organization's pending invitations, newest first, fresh from WorkOS. */
export async function fetchPendingInvitations(root: SessionRoot, organizationId: string): Promise<OrganizationInvitation[]> {
  const page = await workosClient(root).userManagement.listInvitations({ organizationId, limit: 100 });
  const invitations = await page.autoPagination();
  return invitations
    .filter((invitation) => invitation.state === 'pending')
    .map(redacted)
    .sort((a, b) => b.createdAt.localeCompare(a.createdAt));
}

/**
 * The pending invitations of the signed-in user's current organization (email, role, expiry; never
 * the token), newest first; `[]` unless the session may manage members (`WORKOS_MANAGE_MEMBERS_PERMISSION`).
 * @throws the SDK's error when WorkOS cannot list them.
 *
 * @example
 * const invitations = await listOrganizationInvitations();
 */
export async function listOrganizationInvitations(): Promise<OrganizationInvitation[]> {
  const auth = await withAuth();
  const root = sessionRoot();
  if (!auth.user || !auth.organizationId || !canManageMembers(root.config, auth)) return [];
  return fetchPendingInvitations(root, auth.organizationId);
}

/** Invites `email` into the manager's organization, with `role` (or the environment's default role). */
export async function inviteMember(root: SessionRoot, manager: Manager, email: string | undefined, role: string | undefined): Promise<Outcome> {
  if (!isEmail(email) || (role !== undefined && !isSlug(role))) return refused('invalid-input');
  try {
    await workosClient(root).userManagement.sendInvitation({ email, organizationId: manager.organizationId, inviterUserId: manager.userId, ...(role ? { roleSlug: role } : {}) });
    expireCacheTags([organizationCacheTag(manager.organizationId)]);
    return done('invitation-sent', email);
  } catch (error) {
    const code = noticeForWorkosError(error, 'Sending an invitation');
    return refused(code, code === 'already-member' || code === 'already-invited' ? email : undefined);
  }
}

/** The invitation, when `invitationId` names a pending one of `organizationId`. */
async function pendingInvitationIn(root: SessionRoot, organizationId: string, invitationId: string): Promise<Invitation | undefined> {
  try {
    const invitation = await workosClient(root).userManagement.getInvitation(invitationId);
    return invitation.organizationId === organizationId && invitation.state === 'pending' ? invitation : undefined;
  } catch (error) {
    if ((error as { status?: unknown }).status === 404) return undefined;
    throw error;
  }
}

/** Revokes (`revoke`) or sends again (`resend`) a pending invitation of the manager's organization. */
export async function changeInvitation(root: SessionRoot, manager: Manager, invitationId: string | undefined, step: 'revoke' | 'resend'): Promise<Outcome> {
  if (!isId(invitationId)) return refused('invalid-input');
  try {
    const invitation = await pendingInvitationIn(root, manager.organizationId, invitationId);
    if (!invitation) return refused('not-found');
    const users = workosClient(root).userManagement;
    await (step === 'revoke' ? users.revokeInvitation(invitation.id) : users.resendInvitation(invitation.id));
    expireCacheTags([organizationCacheTag(manager.organizationId)]);
    return done(step === 'revoke' ? 'invitation-revoked' : 'invitation-resent', invitation.email);
  } catch (error) {
    return refused(noticeForWorkosError(error, step === 'revoke' ? 'Revoking an invitation' : 'Resending an invitation'));
  }
}
