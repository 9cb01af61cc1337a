import 'server-only';
/**
 * The one WorkOS SDK client. The SDK does not read WORKOS_API_HOSTNAME/HTTPS/PORT itself, so the
 * kit passes them (that is how the emulator, or a WorkOS custom domain, is reached).
 */
import { WorkOS } from '@workos-inc/node';
import { perConfig } from './config.js';

const client = perConfig(
  (config) =>
    new WorkOS(config.apiKey, {
      clientId: config.clientId,
      apiHostname: config.apiHostname,
      https: config.apiHttps,
      port: config.apiPort,
    }),
);

/**
 * The WorkOS SDK client configured from the environment, created on first use.
 *
 * @example
 * const workos = getWorkOS();
 * const org = await workos.organizations.getOrganization(organizationId);
 */
export function getWorkOS(): WorkOS {
  return client();
}
