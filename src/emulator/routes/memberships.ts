/**
 * `workos.userManagement` membership writes: create (`POST …/organization_memberships`
 * `{ user_id, organization_id, role_slug? | role_slugs? }`, 201), change the role (`PUT …/:id`),
 * delete (204), deactivate and reactivate (`PUT …/:id/deactivate|reactivate`). Each emits its
 * `organization_membership.*` event; a role change reaches the claims at the next refresh.
 */
import { type ApiBody, apiBody, invalidField } from '../api-body.js';
import { apiError, json, notFound, type EmuRequest, type Reply } from '../http.js';
import { addMembership, changeMembership, deleteMembership, membershipOf } from '../membership-changes.js';
import type { MembershipRecord } from '../records.js';
import { membershipJson } from '../resources.js';
import type { Runtime } from '../runtime.js';

/** `role_slugs`, else `[role_slug]`, else none; every slug must be a role the data defines. */
export function rolesOf(body: ApiBody, runtime: Runtime): string[] {
  const many = body.strings('role_slugs');
  const one = body.string('role_slug');
  const roles = many ?? (one ? [one] : []);
  const field = many ? 'role_slugs' : 'role_slug';
  for (const slug of roles) {
    if (!runtime.store.roles.has(slug)) throw invalidField(field, 'role_not_found', `There is no role '${slug}'.`);
  }
  return [...new Set(roles)];
}

function membershipAt(request: EmuRequest, runtime: Runtime): MembershipRecord {
  const membership = runtime.store.memberships.find((m) => m.id === request.params.id);
  if (!membership) throw notFound('Organization membership', request.params.id!);
  return membership;
}

const answer = (runtime: Runtime, membership: MembershipRecord, status = 200) => json(status, membershipJson(runtime.store, membership));

export function postMembership(request: EmuRequest, runtime: Runtime): Reply {
  const body = apiBody(request);
  const userId = body.requiredString('user_id');
  const organizationId = body.requiredString('organization_id');
  if (!runtime.store.users.has(userId)) throw notFound('User', userId);
  if (!runtime.store.organizations.has(organizationId)) throw notFound('Organization', organizationId);
  const roles = rolesOf(body, runtime);
  if (membershipOf(runtime, userId, organizationId)) {
    throw apiError(409, 'organization_membership_already_exists', 'The user already has a membership of this organization.');
  }
  return answer(runtime, addMembership(runtime, { userId, organizationId, roles }), 201);
}

export function putMembership(request: EmuRequest, runtime: Runtime): Reply {
  const membership = membershipAt(request, runtime);
  const roles = rolesOf(apiBody(request), runtime);
  if (roles.length === 0) throw invalidField('role_slug', 'required', 'Give role_slug or role_slugs.');
  return answer(runtime, changeMembership(runtime, membership, { roles }));
}

export function deleteMembershipRoute(request: EmuRequest, runtime: Runtime): Reply {
  deleteMembership(runtime, membershipAt(request, runtime));
  return { status: 204, headers: {}, body: '' };
}

/** Deactivate an active membership, or reactivate an inactive one (keeping its role). */
export function setMembershipActive(active: boolean) {
  return (request: EmuRequest, runtime: Runtime): Reply => {
    const membership = membershipAt(request, runtime);
    const from = active ? 'inactive' : 'active';
    if (membership.status !== from) {
      throw apiError(422, active ? 'membership_not_inactive' : 'membership_not_active', `The membership is ${membership.status}, not ${from}.`);
    }
    return answer(runtime, changeMembership(runtime, membership, { status: active ? 'active' : 'inactive' }));
  };
}
