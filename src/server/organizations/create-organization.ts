import 'server-only';
/**
 * Creating an organization for the signed-in user: WorkOS creates it with no members, so the kit
 * adds the creator with the admin role (`WORKOS_ADMIN_ROLE`) and switches the session into it. If
 * the membership cannot be created the organization is deleted again, so no orphan is left behind.
 */
import { refreshSession } from '../auth/refresh-session.js';
import { getConfig } from '../config.js';
import { describeError, warn } from '../log.js';
import { forgetMemberships } from '../auth/memberships.js';
import { rethrowNextControlFlow } from '../next-control-flow.js';
import { getWorkOS } from '../workos.js';
import { isOrganizationName } from './ids.js';
import { done, refused, type Outcome } from './outcome.js';
import { noticeForWorkosError } from './workos-errors.js';

/** Deletes an organization whose creator could not be made its admin (best effort, logged). */
async function undoCreate(organizationId: string): Promise<void> {
  try {
    await getWorkOS().organizations.deleteOrganization(organizationId);
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
export async function createOrganizationFor(userId: string, name: string | undefined): Promise<Outcome & { organizationId?: string }> {
  if (!isOrganizationName(name)) return refused('invalid-input');
  let organizationId: string;
  try {
    organizationId = (await getWorkOS().organizations.createOrganization({ name })).id;
  } catch (error) {
    return refused(noticeForWorkosError(error, 'Creating an organization'));
  }
  try {
    await getWorkOS().userManagement.createOrganizationMembership({ organizationId, userId, roleSlug: getConfig().adminRole });
  } catch (error) {
    const code = noticeForWorkosError(error, "Creating an organization's first admin");
    await undoCreate(organizationId);
    return refused(code);
  }
  forgetMemberships(userId); // the new organization belongs in their switcher at once
  await switchInto(organizationId);
  return { ...done('organization-created', name), organizationId };
}
