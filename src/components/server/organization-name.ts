/**
 * The name of one of the signed-in user's organisations, from the per-request membership list.
 * Used where a name is a courtesy (the impersonation banner): a failed lookup falls back to the
 * id rather than hiding that someone is impersonating.
 */
import { unstable_rethrow } from 'next/navigation';
import { listOrganizationMemberships } from '../../server/index.js';

/** The organisation's name, or its id when the list cannot be read or does not have it. */
export async function organizationName(organizationId: string | undefined): Promise<string | undefined> {
  if (!organizationId) return undefined;
  try {
    return (await listOrganizationMemberships()).find((org) => org.id === organizationId)?.name ?? organizationId;
  } catch (error) {
    unstable_rethrow(error);
    return organizationId;
  }
}
