import 'server-only';
/**
 * Creating an organization for the signed-in user: WorkOS creates it with no members, so the kit
 * adds the creator with the admin role (`WORKOS_ADMIN_ROLE`) and switches the session into it. If
 * the membership cannot be created the organization is deleted again, so no orphan is left behind.
 */
import { isOrganizationName } from '../../shared/organization-input.js';
import { done, refused, type Outcome } from '../../shared/organization-outcome.js';
import { forgetMemberships } from '../auth/memberships.js';
import { refreshSession } from '../auth/refresh-session.js';
import { describeError, warn } from '../log.js';
import { rethrowNextControlFlow } from '../next-control-flow.js';
import type { SessionRoot } from '../root/session-root.js';
import { workosClient } from '../workos.js';
import { noticeForWorkosError } from '../workos-errors.js';

/** Deletes an organization whose creator could not be made its admin (best effort, logged). */
async function undoCreate(root: SessionRoot, organizationId: string): Promise<void> {
  try {
    await workosClient(root).organizations.deleteOrganization(organizationId);
  } catch (error) {
    warn(`Creating an organization: the organization without members could not be deleted (${describeError(error)}).`);
  }
}

/** Switches the session into the new organization; a failure leaves the session as it was. */
async function switchInto(organizationId: string): Promise<void> {
  try {
    await refreshSession({ organizationId });
  } catch (error) {
    rethrowNextControlFlow(error);
    warn(`Creating an organization: the session could not switch into it (${describeError(error)}); the switcher lists it.`);
  }
}

/** Creates `name`, makes `userId` its admin and switches the caller's session into it. */
export async function createOrganizationFor(root: SessionRoot, userId: string, name: string | undefined): Promise<Outcome & { organizationId?: string }> {
  if (!isOrganizationName(name)) return refused('invalid-input');
  let organizationId: string;
  try {
    organizationId = (await workosClient(root).organizations.createOrganization({ name })).id;
  } catch (error) {
    return refused(noticeForWorkosError(error, 'Creating an organization'));
  }
  try {
    await workosClient(root).userManagement.createOrganizationMembership({ organizationId, userId, roleSlug: root.config.adminRole });
  } catch (error) {
    const code = noticeForWorkosError(error, "Creating an organization's first admin");
    await undoCreate(root, organizationId);
    return refused(code);
  }
  forgetMemberships(root, userId); // the new organization belongs in their switcher at once
  await switchInto(organizationId);
  return { ...done('organization-created', name), organizationId };
}
