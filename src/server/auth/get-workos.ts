import 'server-only';
/** `getWorkOS()`: the kit's WorkOS SDK client, for the app's own WorkOS calls. */
import type { WorkOS } from '@workos-inc/node';
import { sessionRoot } from '../root/current-root.js';
import { workosClient } from '../workos.js';

/**
 * The WorkOS SDK client configured from the environment (the one the kit uses), created on first use.
 *
 * @example
 * const workos = getWorkOS();
 * const org = await workos.organizations.getOrganization(organizationId);
 */
export function getWorkOS(): WorkOS {
  return workosClient(sessionRoot());
}
