import 'server-only';
/**
 * The bodies of the organization server actions (`src/actions/index.ts` only forwards to these).
 * Each takes the posted form, decides who the caller is from their session (never from the form),
 * does the one thing, and lands back on the page with a notice (landing.ts). Every field the form
 * sends is checked again here: a hand-made post gets the same answers as the rendered form.
 */
import { redirect } from 'next/navigation';
import { safeReturnPath } from '../../shared/return-to.js';
import { decodeJwtClaims } from '../../shared/claims.js';
import type { AccessToken } from '../../shared/types.js';
import { refreshSession } from '../auth/refresh-session.js';
import { getRequestContext } from '../auth/request-context.js';
import { storeSealedSession } from '../auth/session-store.js';
import { signOut } from '../auth/sign-out.js';
import { rethrowNextControlFlow } from '../next-control-flow.js';
import { requestCookies } from '../session/request-data.js';
import { sealSession, sessionPayload } from '../session/seal.js';
import { signedIn } from '../session/state.js';
import { rememberVerifiedSession } from '../session/verified-cache.js';
import { getWorkOS } from '../workos.js';
import { callerSession, memberManager, organizationMember } from './caller.js';
import { authenticateSelection } from './complete-selection.js';
import { createOrganizationFor } from './create-organization.js';
import { field } from './ids.js';
import { changeInvitation, inviteMember } from './invitations.js';
import { land } from './landing.js';
import { changeMemberRole, removeMember } from './member-changes.js';
import { clearPendingSelection, readPendingSelection } from './pending-selection.js';
import { revokeOtherSessions, revokeOwnSession } from './user-sessions.js';

/** Completes a pending sign-in in the organization the form names (one WorkOS offered). */
export async function selectOrganizationFromForm(form: FormData): Promise<never> {
  const jar = await requestCookies();
  const selection = await readPendingSelection(jar);
  const result = await authenticateSelection(selection, field(form, 'organizationId'), (await getRequestContext()).redirectUri);
  if (!result.ok && 'redirect' in result) {
    clearPendingSelection(jar);
    redirect(result.redirect);
  }
  if (!result.ok) {
    if (result.code === 'selection-expired') clearPendingSelection(jar);
    return land(form, 'picker', result);
  }
  const session = sessionPayload(result.auth);
  const sealed = await sealSession(session);
  rememberVerifiedSession(sealed, signedIn(session, decodeJwtClaims<AccessToken>(result.auth.accessToken)!, sealed));
  await storeSealedSession(sealed);
  clearPendingSelection(jar);
  redirect(safeReturnPath(result.selection.returnTo, '/'));
}

/** Creates an organization with the caller as its admin, and switches into it. */
export async function createOrganizationFromForm(form: FormData): Promise<never> {
  const caller = await callerSession(false);
  if (!caller.ok) return land(form, 'create-organization', caller);
  return land(form, 'create-organization', await createOrganizationFor(caller.info.user.id, field(form, 'name')));
}

/** The manager's identity for member changes, or the refusal to show. */
async function manager() {
  const allowed = await memberManager();
  return allowed.ok ? { ok: true as const, manager: { userId: allowed.info.user.id, organizationId: allowed.organizationId } } : allowed;
}

export async function changeMemberRoleFromForm(form: FormData): Promise<never> {
  const caller = await manager();
  if (!caller.ok) return land(form, 'members', caller);
  return land(form, 'members', await changeMemberRole(caller.manager, field(form, 'membershipId'), field(form, 'role')));
}

/** The caller's first other active organization (asked by user id: the session's own is outdated now). */
async function anotherOrganization(userId: string, left: string): Promise<string | undefined> {
  const page = await getWorkOS().userManagement.listOrganizationMemberships({ userId, statuses: ['active'], limit: 100 });
  return (await page.autoPagination()).find((membership) => membership.organizationId !== left)?.organizationId;
}

/** Once the caller has left their session's organization: into another of theirs, else signed out. */
async function afterLeaving(userId: string, organizationId: string): Promise<void> {
  const next = await anotherOrganization(userId, organizationId).catch(() => undefined);
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
  const caller = await organizationMember();
  if (!caller.ok) return land(form, 'members', caller);
  const member = { userId: caller.info.user.id, organizationId: caller.organizationId, canManage: caller.canManage };
  const outcome = await removeMember(member, field(form, 'membershipId'), field(form, 'confirm') === 'leave');
  if (outcome.ok && outcome.self) await afterLeaving(member.userId, member.organizationId);
  return land(form, 'members', outcome);
}

export async function inviteMemberFromForm(form: FormData): Promise<never> {
  const caller = await manager();
  if (!caller.ok) return land(form, 'members', caller);
  return land(form, 'members', await inviteMember(caller.manager, field(form, 'email'), field(form, 'role')));
}

export async function changeInvitationFromForm(form: FormData, step: 'revoke' | 'resend'): Promise<never> {
  const caller = await manager();
  if (!caller.ok) return land(form, 'invitations', caller);
  return land(form, 'invitations', await changeInvitation(caller.manager, field(form, 'invitationId'), step));
}

export async function revokeSessionFromForm(form: FormData): Promise<never> {
  const caller = await callerSession(false);
  if (!caller.ok) return land(form, 'sessions', caller);
  const { user, sessionId } = caller.info;
  const outcome = await revokeOwnSession(user.id, sessionId, field(form, 'sessionId'));
  if (outcome.ok && outcome.current) return signOut();
  return land(form, 'sessions', outcome);
}

export async function revokeOtherSessionsFromForm(form: FormData): Promise<never> {
  const caller = await callerSession(false);
  if (!caller.ok) return land(form, 'sessions', caller);
  return land(form, 'sessions', await revokeOtherSessions(caller.info.user.id, caller.info.sessionId));
}
