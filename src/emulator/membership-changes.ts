/**
 * Every change to a membership, whoever makes it (the API, the control surface, an invitation, a
 * deleted user or organisation), goes through here so it emits the `organization_membership.*`
 * event WorkOS sends. Lists and refreshes see the change at once; access tokens already issued
 * keep their claims until they are refreshed.
 */
import type { MembershipRecord } from './records.js';
import { membershipJson } from './resources.js';
import type { Runtime } from './runtime.js';
import { newId } from './tokens.js';
import type { MembershipStatus } from './types.js';

export interface NewMembership {
  userId: string;
  organizationId: string;
  /** Role slugs, the primary one first; empty means the data's default role. */
  roles: string[];
  status?: MembershipStatus;
}

export function addMembership(runtime: Runtime, input: NewMembership): MembershipRecord {
  const now = new Date().toISOString();
  const roles = input.roles.length > 0 ? input.roles : [runtime.seed.defaultRole];
  const membership: MembershipRecord = {
    id: newId('om'),
    user_id: input.userId,
    organization_id: input.organizationId,
    role: roles[0]!,
    roles,
    status: input.status ?? 'active',
    created_at: now,
    updated_at: now,
  };
  runtime.store.memberships.push(membership);
  runtime.events.emit('organization_membership.created', membershipJson(runtime.store, membership));
  return membership;
}

/** New roles (the first is the primary `role`) and/or a new status. */
export function changeMembership(
  runtime: Runtime,
  membership: MembershipRecord,
  patch: { roles?: string[]; status?: MembershipStatus },
): MembershipRecord {
  if (patch.roles && patch.roles.length > 0) {
    membership.role = patch.roles[0]!;
    membership.roles = [...patch.roles];
  }
  if (patch.status) membership.status = patch.status;
  membership.updated_at = new Date().toISOString();
  runtime.events.emit('organization_membership.updated', membershipJson(runtime.store, membership));
  return membership;
}

export function deleteMembership(runtime: Runtime, membership: MembershipRecord): void {
  runtime.store.memberships = runtime.store.memberships.filter((m) => m !== membership);
  runtime.events.emit('organization_membership.deleted', membershipJson(runtime.store, membership));
}

/** The user's membership of the organisation, whatever its status. */
export function membershipOf(runtime: Runtime, userId: string, organizationId: string): MembershipRecord | undefined {
  return runtime.store.memberships.find((m) => m.user_id === userId && m.organization_id === organizationId);
}
