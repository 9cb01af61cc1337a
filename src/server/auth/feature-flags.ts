import 'server-only';
/**
 * `getFeatureFlagsRuntimeClient()`: one WorkOS feature-flags runtime client per server process
 * (the SDK's `featureFlags.createRuntimeClient`: it polls `GET /sdk/feature-flags` in the
 * background and evaluates flags in memory), as the reference shares one. It follows the kit's
 * configuration: when that changes, the old client is closed (it stops polling) and the next call
 * creates one for the new WorkOS client.
 */
import type { FeatureFlagsRuntimeClient, RuntimeClientOptions, WorkOS } from '@workos-inc/node';
import { getWorkOS } from './get-workos.js';

let shared: { workos: WorkOS; client: FeatureFlagsRuntimeClient } | undefined;

/**
 * The shared feature-flags runtime client, created on first use. `options` (polling interval,
 * bootstrap flags, logger…) apply only to that first call, like the reference's.
 *
 * @example
 * const featureFlags = getFeatureFlagsRuntimeClient();
 * await featureFlags.waitUntilReady({ timeoutMs: 5000 });
 * const enabled = featureFlags.isEnabled('advanced-analytics', { userId: user.id, organizationId });
 */
export function getFeatureFlagsRuntimeClient(options?: RuntimeClientOptions): FeatureFlagsRuntimeClient {
  const workos = getWorkOS();
  if (shared?.workos !== workos) {
    shared?.client.close();
    shared = { workos, client: workos.featureFlags.createRuntimeClient(options) };
  }
  return shared.client;
}
