/** `createEmulator()`: loads the data and signing key, starts the server, returns the handle. */
import type { AddressInfo } from 'node:net';
import type { Server } from 'node:http';
import { AppLocation, parseAppUrl } from './app-url.js';
import { createControl } from './control.js';
import { webhookTarget } from './control-webhooks.js';
import { loadKeyRing } from './key-ring.js';
import { allowedHosts } from './request-guard.js';
import { ENDPOINTS } from './routes/index.js';
import { Runtime } from './runtime.js';
import { loadSeed } from './seed.js';
import { createEmulatorServer } from './server.js';
import type { Emulator, EmulatorOptions } from './types.js';
import { Issues, optionalInteger, optionalStringArray } from './validate.js';

export const DEFAULT_PORT = 4100;
export const DEFAULT_HOST = '127.0.0.1';

/**
 * Starts a local WorkOS emulator that the real `@workos-inc/node` SDK can talk to.
 *
 * @example
 * const emulator = await createEmulator({ port: 0, quiet: true });
 * Object.assign(process.env, emulator.env);
 * // … run the app or tests …
 * await emulator.close();
 */
export async function createEmulator(options: EmulatorOptions = {}): Promise<Emulator> {
  const config = runtimeConfig(options);
  const webhooks = webhooksOf(options);
  const extraHosts = hostNames(options.allowedHosts);
  const appUrl = parseAppUrl(options.appUrl);
  const seed = loadSeed(options.data);
  const keys = loadKeyRing({ ...(seed.signingKey ? { jwk: seed.signingKey } : {}), ...(options.keyFile ? { keyFile: options.keyFile } : {}) });
  const runtime = new Runtime(seed, keys, config, ENDPOINTS, webhooks);
  runtime.app = new AppLocation(appUrl);
  const log = options.quiet ? () => {} : (line: string) => console.log(`[authkit-emulator] ${line}`);
  const server = createEmulatorServer(runtime, log);
  const host = options.host ?? DEFAULT_HOST;
  await listen(server, options.port ?? DEFAULT_PORT, host);
  const port = (server.address() as AddressInfo).port;
  const hostname = publicHostname(host);
  runtime.baseUrl = `http://${hostname}:${port}`;
  runtime.allowedHosts = allowedHosts(port, host, extraHosts);
  return {
    url: runtime.baseUrl,
    port,
    clientId: seed.clientId,
    apiKey: seed.apiKey,
    env: {
      WORKOS_API_HOSTNAME: hostname,
      WORKOS_API_HTTPS: 'false',
      WORKOS_API_PORT: String(port),
      WORKOS_CLIENT_ID: seed.clientId,
      WORKOS_API_KEY: seed.apiKey,
    },
    control: createControl(runtime),
    close: () => {
      runtime.webhooks.close();
      return closeServer(server);
    },
  };
}

function runtimeConfig(options: EmulatorOptions) {
  const issues = new Issues();
  const ttl = optionalInteger(issues, 'accessTokenTtlSeconds', options.accessTokenTtlSeconds, { min: 1, max: 31_536_000 });
  const grace = optionalInteger(issues, 'refreshGraceSeconds', options.refreshGraceSeconds, { min: 0, max: 86_400 });
  issues.assert();
  return { access_token_ttl_seconds: ttl ?? 300, refresh_grace_seconds: grace ?? 30, step_up_redirect: true };
}

function webhooksOf(options: EmulatorOptions) {
  const issues = new Issues();
  const target = webhookTarget(issues, options.webhookUrl, options.webhookSecret, { url: 'webhookUrl', secret: 'webhookSecret' });
  issues.assert();
  return target;
}

/** Extra names the emulator answers to (e.g. a Docker service name): plain host names, no port. */
function hostNames(names: readonly string[] | undefined): string[] {
  const issues = new Issues();
  const list = optionalStringArray(issues, 'allowedHosts', names) ?? [];
  list.forEach((name, index) => {
    if (!/^(\[[0-9a-f:.]+\]|[a-z0-9.-]+)$/i.test(name)) issues.add(`allowedHosts[${index}]`, `expected a host name without a port (got '${name}')`);
  });
  issues.assert();
  return list;
}

/** The name apps should use: loopback and wildcard binds are reached as `localhost`. */
function publicHostname(host: string): string {
  if (['127.0.0.1', 'localhost', '0.0.0.0', '::', ''].includes(host)) return 'localhost';
  return host.includes(':') ? `[${host}]` : host;
}

function listen(server: Server, port: number, host: string): Promise<void> {
  return new Promise((resolve, reject) => {
    const onError = (error: NodeJS.ErrnoException) => {
      reject(
        error.code === 'EADDRINUSE'
          ? new Error(`Port ${port} on ${host} is already in use; choose another with --port (or port: 0 for a free one).`)
          : error,
      );
    };
    server.once('error', onError);
    server.listen(port, host, () => {
      server.off('error', onError);
      resolve();
    });
  });
}

function closeServer(server: Server): Promise<void> {
  if (!server.listening) return Promise.resolve();
  return new Promise((resolve) => {
    server.close(() => resolve());
    // Keep-alive connections (the SDK's fetch keeps them) would otherwise hold close() open.
    server.closeAllConnections();
  });
}
