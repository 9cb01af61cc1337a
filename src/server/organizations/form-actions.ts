import 'server-only';
/**
 * The bodies of the organization server actions (`src/actions/index.ts` only forwards to these).
 * Each takes the posted form, decides who the caller is from their session (never from the form),
 * does the one thing, and lands back on the page with a notice (landing.ts). Every field the form
 * sends is checked again here: a hand-made post gets the same answers as the rendered form.
 */
import { redirect } from 'next/navigation';
import { decodeJwtClaims } from '../../shared/claims.js';
import { sessionPayload } from '../../shared/iron-seal.js';
import { field } from '../../shared/organization-input.js';
import { safeReturnPath } from '../../shared/return-to.js';
import type { AccessToken } from '../../shared/types.js';
import { refreshSession } from '../auth/refresh-session.js';
import { signOut } from '../auth/sign-out.js';
import { authenticateSelection } from '../callback/complete-selection.js';
import { clearPendingSelection, readPendingSelection } from '../callback/pending-selection.js';
import { rethrowNextControlFlow } from '../next-control-flow.js';
import { getRequestContext } from '../request/request-context.js';
import { requestCookies } from '../request/request-data.js';
import { writeRequestSession } from '../request/write-session.js';
import { sessionRoot } from '../root/current-root.js';
import type { SessionRoot } from '../root/session-root.js';
import { sealSession } from '../session/session-seal.js';
import { signedIn } from '../session/session-state.js';
import { workosClient } from '../workos.js';
import { callerSession, memberManager, organizationMember } from './caller.js';
import { createOrganizationFor } from './create-organization.js';
import { changeInvitation, inviteMember } from './invitations.js';
import { land } from './landing.js';
import { changeMemberRole, removeMember } from './member-changes.js';
import { revokeOtherSessions, revokeOwnSession } from './user-sessions.js';

/** Completes a pending sign-in in the organization the form names (one WorkOS offered). */
export async function selectOrganizationFromForm(form: FormData): Promise<never> {
  const root = sessionRoot();
  const jar = await requestCookies();
  const selection = await readPendingSelection(root, jar);
  const result = await authenticateSelection(root, selection, field(form, 'organizationId'), (await getRequestContext()).redirectUri);
  if (!result.ok && 'redirect' in result) {
    clearPendingSelection(root, jar);
    redirect(result.redirect);
  }
  if (!result.ok) {
    if (result.code === 'selection-expired') clearPendingSelection(root, jar);
    return land(root, form, 'picker', result);
  }
  const session = sessionPayload(result.auth);
  const sealed = await sealSession(root, session);
  // Tokens straight from WorkOS over TLS: as trustworthy as a verified cookie.
  root.store.verifiedSessions.remember(sealed, signedIn(session, decodeJwtClaims<AccessToken>(result.auth.accessToken)!, sealed));
  await writeRequestSession(root, sealed);
  clearPendingSelection(root, jar);
  redirect(safeReturnPath(result.selection.returnTo, '/'));
}

/** Creates an organization with the caller as its admin, and switches into it. */
export async function createOrganizationFromForm(form: FormData): Promise<never> {
  const root = sessionRoot();
  const caller = await callerSession(false);
  if (!caller.ok) return land(root, form, 'create-organization', caller);
  return land(root, form, 'create-organization', await createOrganizationFor(root, caller.info.user.id, field(form, 'name')));
}

/** The manager's identity for member changes, or the refusal to show. */
async function manager(root: SessionRoot) {
  const allowed = await memberManager(root.config);
  return allowed.ok ? { ok: true as const, manager: { userId: allowed.info.user.id, organizationId: allowed.organizationId } } : allowed;
}

export async function changeMemberRoleFromForm(form: FormData): Promise<never> {
  const root = sessionRoot();
  const caller = await manager(root);
  if (!caller.ok) return land(root, form, 'members', caller);
  return land(root, form, 'members', await changeMemberRole(root, caller.manager, field(form, 'membershipId'), field(form, 'role')));
}

/** The caller's first other active organization (asked by user id: the session's own is outdated now). */
async function anotherOrganization(root: SessionRoot, userId: string, left: string): Promise<string | undefined> {
  const page = await workosClient(root).userManagement.listOrganizationMemberships({ userId, statuses: ['active'], limit: 100 });
  return (await page.autoPagination()).find((membership) => membership.organizationId !== left)?.organizationId;
}

/** Once the caller has left their session's organization: into another of theirs, else signed out. */
async function afterLeaving(root: SessionRoot, userId: string, organizationId: string): Promise<void> {
  const next = await anotherOrganization(root, userId, organizationId).catch(() => undefined);
  if (!next) return signOut({ returnTo: '/' });
  try {
    await refreshSession({ organizationId: next });
  } catch (error) {
    rethrowNextControlFlow(error);
    await signOut({ returnTo: '/' });
  }
}

/** Removes a member (managers), or lets any member leave (their own membership, confirmed). */
export async function removeMemberFromForm(form: FormData): Promise<never> {
  const root = sessionRoot();
  const caller = await organizationMember(root.config);
  if (!caller.ok) return land(root, form, 'members', caller);
  const member = { userId: caller.info.user.id, organizationId: caller.organizationId, canManage: caller.canManage };
  const outcome = await removeMember(root, member, field(form, 'membershipId'), field(form, 'confirm') === 'leave');
  if (outcome.ok && outcome.self) await afterLeaving(root, member.userId, member.organizationId);
  return land(root, form, 'members', outcome);
}

export async function inviteMemberFromForm(form: FormData): Promise<never> {
  const root = sessionRoot();
  const caller = await manager(root);
  if (!caller.ok) return land(root, form, 'members', caller);
  return land(root, form, 'members', await inviteMember(root, caller.manager, field(form, 'email'), field(form, 'role')));
}

export async function changeInvitationFromForm(form: FormData, step: 'revoke' | 'resend'): Promise<never> {
  const root = sessionRoot();
  const caller = await manager(root);
  if (!caller.ok) return land(root, form, 'invitations', caller);
  return land(root, form, 'invitations', await changeInvitation(root, caller.manager, field(form, 'invitationId'), step));
}

export async function revokeSessionFromForm(form: FormData): Promise<never> {
  const root = sessionRoot();
  const caller = await callerSession(false);
  if (!caller.ok) return land(root, form, 'sessions', caller);
  const { user, sessionId } = caller.info;
  const outcome = await revokeOwnSession(root, user.id, sessionId, field(form, 'sessionId'));
  if (outcome.ok && outcome.current) return signOut();
  return land(root, form, 'sessions', outcome);
}

export async function revokeOtherSessionsFromForm(form: FormData): Promise<never> {
  const root = sessionRoot();
  const caller = await callerSession(false);
  if (!caller.ok) return land(root, form, 'sessions', caller);
  return land(root, form, 'sessions', await revokeOtherSessions(root, caller.info.user.id, caller.info.sessionId));
}
