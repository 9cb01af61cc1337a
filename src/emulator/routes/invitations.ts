/**
 * `workos.userManagement` invitations: send (`POST /user_management/invitations` `{ email,
 * organization_id?, role_slug?, expires_in_days? (1–30, default 7), inviter_user_id?, locale? }`,
 * 201), list (`organization_id`, `email`; paginated), get by id or `by_token/:token`, and
 * `POST …/:id/revoke | resend | accept`. A refused step answers 400 with the state it found.
 */
import { apiBody, invalidField } from '../api-body.js';
import { apiError, json, notFound, type EmuRequest, type Reply } from '../http.js';
import {
  acceptInvitation,
  invitationByToken,
  invitationJson,
  resendInvitation,
  revokeInvitation,
  sendInvitation,
  stateOf,
} from '../invitations.js';
import { paginate, parseListQuery } from '../paginate.js';
import type { InvitationRecord } from '../records.js';
import type { Runtime } from '../runtime.js';
import { rolesOf } from './memberships.js';

const EMAIL = /^[^\s@]+@[^\s@]+$/;

function organizationIdOf(runtime: Runtime, id: string | null | undefined): string | null {
  if (!id) return null;
  if (!runtime.store.organizations.has(id)) throw notFound('Organization', id);
  return id;
}

/** An address that is neither an active member already nor invited already (409 either way). */
function inviteeOf(runtime: Runtime, value: string, organizationId: string | null): string {
  const email = value.trim();
  if (!EMAIL.test(email)) throw invalidField('email', 'invalid', `'${email.slice(0, 100)}' is not an email address.`);
  const user = runtime.store.userByEmail(email);
  if (organizationId && user && runtime.store.activeMembership(user.id, organizationId)) {
    throw apiError(409, 'user_already_organization_member', `${email} is already a member of this organization.`);
  }
  const same = (invitation: InvitationRecord) =>
    invitation.email.toLowerCase() === email.toLowerCase() && invitation.organization_id === organizationId && stateOf(invitation) === 'pending';
  if ([...runtime.store.invitations.values()].some(same)) {
    throw apiError(409, 'invitation_already_pending', `${email} already has a pending invitation.`);
  }
  return email;
}

export function postInvitation(request: EmuRequest, runtime: Runtime): Reply {
  const body = apiBody(request);
  const organizationId = organizationIdOf(runtime, body.string('organization_id'));
  const email = inviteeOf(runtime, body.requiredString('email'), organizationId);
  const [roleSlug] = rolesOf(body, runtime);
  const inviterUserId = body.string('inviter_user_id') ?? null;
  if (inviterUserId && !runtime.store.users.has(inviterUserId)) throw notFound('User', inviterUserId);
  const expiresInDays = body.integer('expires_in_days', 1, 30);
  const invitation = sendInvitation(runtime, {
    email, organizationId, roleSlug: roleSlug ?? null, inviterUserId, ...(expiresInDays ? { expiresInDays } : {}),
  });
  return json(201, invitationJson(runtime, invitation));
}

export function listInvitations(request: EmuRequest, runtime: Runtime): Reply {
  const search = request.url.searchParams;
  const query = parseListQuery(request.url);
  const email = search.get('email')?.trim().toLowerCase() || undefined;
  const organizationId = search.get('organization_id') || undefined;
  const invitations = [...runtime.store.invitations.values()].filter(
    (invitation) =>
      (!email || invitation.email.toLowerCase() === email) && (!organizationId || invitation.organization_id === organizationId),
  );
  return json(200, paginate(invitations, query, (invitation) => invitationJson(runtime, invitation)));
}

function invitationAt(request: EmuRequest, runtime: Runtime): InvitationRecord {
  const invitation = runtime.store.invitations.get(request.params.id!);
  if (!invitation) throw notFound('Invitation', request.params.id!);
  return invitation;
}

export function getInvitation(request: EmuRequest, runtime: Runtime): Reply {
  return json(200, invitationJson(runtime, invitationAt(request, runtime)));
}

export function getInvitationByToken(request: EmuRequest, runtime: Runtime): Reply {
  const invitation = invitationByToken(runtime, request.params.token!);
  if (!invitation) throw notFound('Invitation', 'by token');
  return json(200, invitationJson(runtime, invitation));
}

type Step = 'revoke' | 'resend' | 'accept';
/** The states each step starts from. */
const FROM: Record<Step, string[]> = { revoke: ['pending', 'expired'], resend: ['pending', 'expired'], accept: ['pending'] };
const DONE: Record<Step, string> = { revoke: 'revoked', resend: 'resent', accept: 'accepted' };

export function invitationStep(step: Step) {
  return (request: EmuRequest, runtime: Runtime): Reply => {
    const invitation = invitationAt(request, runtime);
    const state = stateOf(invitation);
    if (!FROM[step].includes(state)) {
      throw apiError(400, `invitation_${state}`, `The invitation is ${state}, so it cannot be ${DONE[step]}.`);
    }
    if (step === 'revoke') revokeInvitation(runtime, invitation);
    else if (step === 'resend') resendInvitation(runtime, invitation);
    else acceptInvitation(runtime, invitation, runtime.store.userByEmail(invitation.email));
    return json(200, invitationJson(runtime, invitation));
  };
}
