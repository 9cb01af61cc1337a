/**
 * `PATCH` / `DELETE /_emulator/memberships/:id`: change a membership's status or role, or remove
 * it, while the emulator runs (what an admin does in the WorkOS dashboard). Lists and refreshes
 * see the change at once; tokens already issued keep their claims until they are refreshed.
 */
import { changeMembership, deleteMembership } from './membership-changes.js';
import type { MembershipRecord } from './records.js';
import { membershipJson } from './resources.js';
import type { Runtime } from './runtime.js';
import type { MembershipStatus } from './types.js';
import { Issues, objectAt, optionalString } from './validate.js';

const STATUSES: readonly MembershipStatus[] = ['active', 'inactive', 'pending'];

function membershipAt(runtime: Runtime, issues: Issues, id: unknown): MembershipRecord | undefined {
  const membership = runtime.store.memberships.find((m) => m.id === id);
  if (!membership) issues.add('id', `unknown membership '${String(id)}'`);
  return membership;
}

/** Sets `status` and/or `role` (the role becomes the only one); answers the membership as WorkOS lists it. */
export function updateMembership(runtime: Runtime, id: string, patch: unknown): Record<string, unknown> {
  const issues = new Issues();
  const membership = membershipAt(runtime, issues, id);
  const raw = objectAt(issues, '', patch, ['status', 'role']) ?? {};
  const status = optionalString(issues, 'status', raw.status) ?? undefined;
  const role = optionalString(issues, 'role', raw.role) ?? undefined;
  if (status !== undefined && !STATUSES.includes(status as MembershipStatus)) {
    issues.add('status', `expected one of ${STATUSES.join(', ')} (got ${JSON.stringify(status)})`);
  }
  if (role !== undefined && !runtime.store.roles.has(role)) issues.add('role', `unknown role '${role}'`);
  if (status === undefined && role === undefined && issues.ok) issues.add('(root)', 'give status or role');
  issues.assert();
  changeMembership(runtime, membership!, {
    ...(status !== undefined ? { status: status as MembershipStatus } : {}),
    ...(role !== undefined ? { roles: [role] } : {}),
  });
  return membershipJson(runtime.store, membership!);
}

/** Removes the membership: it is no longer listed, and switching into its organisation is refused. */
export function removeMembership(runtime: Runtime, id: string): { id: string; deleted: true } {
  const issues = new Issues();
  const membership = membershipAt(runtime, issues, id);
  issues.assert();
  deleteMembership(runtime, membership!);
  return { id, deleted: true };
}
