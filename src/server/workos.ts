import 'server-only';
/**
 * The WorkOS SDK client of a session root, one per root (so per configuration). The SDK does not
 * read WORKOS_API_HOSTNAME/HTTPS/PORT itself, so the kit passes them (that is how the emulator, or
 * a WorkOS custom domain, is reached), and the root's `fetch`.
 */
import { WorkOS } from '@workos-inc/node';
import type { SessionRoot } from './root/session-root.js';

const clients = new WeakMap<Pick<SessionRoot, 'config' | 'fetch'>, WorkOS>();

/** The SDK client configured from `root`, created on first use. */
export function workosClient(root: Pick<SessionRoot, 'config' | 'fetch'>): WorkOS {
  let client = clients.get(root);
  if (!client) {
    const { config } = root;
    client = new WorkOS(config.apiKey, {
      clientId: config.clientId,
      apiHostname: config.apiHostname,
      https: config.apiHttps,
      port: config.apiPort,
      fetchFn: root.fetch,
    });
    clients.set(root, client);
  }
  return client;
}
