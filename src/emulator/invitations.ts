/**
 * Invitations (`workos.userManagement.sendInvitation` and friends): pending until accepted (through
 * the hosted sign-in with `invitation_token`, or the accept call), revoked, or expired (derived
 * from `expires_at`). Accepting one with an organisation gives the user a membership there, with
 * the invitation's role. Each step emits its `invitation.*` event.
 */
import { addMembership, changeMembership, membershipOf } from './membership-changes.js';
import type { InvitationRecord, UserRecord } from './records.js';
import type { Runtime } from './runtime.js';
import { newId, randomSecret } from './tokens.js';

const DAY_MS = 24 * 60 * 60 * 1000;
/** WorkOS's default lifetime. */
export const DEFAULT_EXPIRES_IN_DAYS = 7;
/** The emulator's stand-in for AuthKit's invitation link (`routes/invite.ts`). */
export const INVITE_PATH = '/invite';

export type InvitationState = InvitationRecord['state'] | 'expired';

export function stateOf(invitation: InvitationRecord): InvitationState {
  return invitation.state === 'pending' && Date.parse(invitation.expires_at) < Date.now() ? 'expired' : invitation.state;
}

/** The `invitation` object of the invitation events: no token, no link. */
export function invitationEventJson(invitation: InvitationRecord): Record<string, unknown> {
  return {
    object: 'invitation',
    id: invitation.id,
    email: invitation.email,
    state: stateOf(invitation),
    accepted_at: invitation.accepted_at,
    revoked_at: invitation.revoked_at,
    expires_at: invitation.expires_at,
    organization_id: invitation.organization_id,
    inviter_user_id: invitation.inviter_user_id,
    accepted_user_id: invitation.accepted_user_id,
    role_slug: invitation.role_slug,
    created_at: invitation.created_at,
    updated_at: invitation.updated_at,
  };
}

/** The `invitation` object the API answers with, its `token` and `accept_invitation_url` included. */
export function invitationJson(runtime: Runtime, invitation: InvitationRecord): Record<string, unknown> {
  const link = new URL(INVITE_PATH, runtime.baseUrl);
  link.searchParams.set('invitation_token', invitation.token);
  return { ...invitationEventJson(invitation), token: invitation.token, accept_invitation_url: link.toString() };
}

function touch(runtime: Runtime, invitation: InvitationRecord, event: string): InvitationRecord {
  invitation.updated_at = new Date().toISOString();
  runtime.events.emit(event, invitationEventJson(invitation));
  return invitation;
}

export interface NewInvitation {
  email: string;
  organizationId: string | null;
  roleSlug: string | null;
  inviterUserId: string | null;
  expiresInDays?: number;
}

export function sendInvitation(runtime: Runtime, input: NewInvitation): InvitationRecord {
  const now = Date.now();
  const days = input.expiresInDays ?? DEFAULT_EXPIRES_IN_DAYS;
  const invitation: InvitationRecord = {
    id: newId('invitation'),
    email: input.email,
    state: 'pending',
    accepted_at: null,
    revoked_at: null,
    expires_at: new Date(now + days * DAY_MS).toISOString(),
    organization_id: input.organizationId,
    inviter_user_id: input.inviterUserId,
    accepted_user_id: null,
    role_slug: input.roleSlug,
    token: randomSecret(),
    created_at: new Date(now).toISOString(),
    updated_at: new Date(now).toISOString(),
    expiresInDays: days,
  };
  runtime.store.invitations.set(invitation.id, invitation);
  runtime.events.emit('invitation.created', invitationEventJson(invitation));
  return invitation;
}

export function revokeInvitation(runtime: Runtime, invitation: InvitationRecord): InvitationRecord {
  invitation.state = 'revoked';
  invitation.revoked_at = new Date().toISOString();
  return touch(runtime, invitation, 'invitation.revoked');
}

/** A new expiry (as many days as first given) for a pending or expired invitation; the link stays the same. */
export function resendInvitation(runtime: Runtime, invitation: InvitationRecord): InvitationRecord {
  invitation.expires_at = new Date(Date.now() + invitation.expiresInDays * DAY_MS).toISOString();
  return touch(runtime, invitation, 'invitation.resent');
}

/**
 * Accepted by `user` (undefined when no account has the address: nothing joins). With an
 * organisation, the user becomes an active member there with the invitation's role (an existing
 * pending or inactive membership is activated).
 */
export function acceptInvitation(runtime: Runtime, invitation: InvitationRecord, user: UserRecord | undefined): void {
  invitation.state = 'accepted';
  invitation.accepted_at = new Date().toISOString();
  invitation.accepted_user_id = user?.id ?? null;
  const organizationId = invitation.organization_id;
  if (user && organizationId && runtime.store.organizations.has(organizationId)) {
    const roles = invitation.role_slug ? [invitation.role_slug] : [];
    const existing = membershipOf(runtime, user.id, organizationId);
    if (!existing) addMembership(runtime, { userId: user.id, organizationId, roles });
    else if (existing.status !== 'active') changeMembership(runtime, existing, { status: 'active', roles });
  }
  touch(runtime, invitation, 'invitation.accepted');
}

export function invitationByToken(runtime: Runtime, token: string): InvitationRecord | undefined {
  return [...runtime.store.invitations.values()].find((invitation) => invitation.token === token);
}

/** Why an invitation cannot be accepted now, in words for the person holding it; undefined when it can. */
export function invitationProblem(invitation: InvitationRecord | undefined): string | undefined {
  if (!invitation) return 'This invitation link is not valid.';
  const state = stateOf(invitation);
  if (state === 'pending') return undefined;
  return {
    accepted: 'This invitation has already been accepted.',
    revoked: 'This invitation has been revoked.',
    expired: 'This invitation has expired. Ask for a new one.',
  }[state];
}
