import 'server-only';
/**
 * Set-up mistakes that are not errors (the app runs) but should never go unnoticed, reported once
 * when the configuration is validated (the first request after start-up):
 * - a production build pointed at the local emulator: the API host on loopback,
 *   `WORKOS_API_HTTPS=false`, or the emulator's API key or client id;
 * - the emulator's client id sent to real WorkOS (half of `npx authkit-emulator`'s env block
 *   copied), which makes sign-in fail at WorkOS with an unknown client.
 * Messages name the variables; the API key's value is never printed.
 */
import { EMULATOR_API_KEY, EMULATOR_CLIENT_ID } from '../shared/constants.js';
import type { AuthKitConfig } from './config.js';
import { warnOnce } from './log.js';

const LOOPBACK = /^(localhost|.*\.localhost|127(\.\d{1,3}){3}|\[?::1\]?|0\.0\.0\.0)$/i;

const isLoopback = (hostname: string | undefined) => hostname !== undefined && LOOPBACK.test(hostname);

/** What in a production configuration points at the emulator, one phrase per variable. */
function emulatorSettings(config: AuthKitConfig): string[] {
  const found: string[] = [];
  if (isLoopback(config.apiHostname)) found.push(`WORKOS_API_HOSTNAME=${config.apiHostname} (loopback)`);
  if (!config.apiHttps) found.push('WORKOS_API_HTTPS=false');
  if (config.apiKey === EMULATOR_API_KEY) found.push("WORKOS_API_KEY is the emulator's key");
  if (config.clientId === EMULATOR_CLIENT_ID) found.push("WORKOS_CLIENT_ID is the emulator's client id");
  return found;
}

/** Logs (once per distinct problem) what looks wrong in `config` for `nodeEnv`. */
export function warnAboutSetup(config: AuthKitConfig, nodeEnv: string | undefined): void {
  const emulator = nodeEnv === 'production' ? emulatorSettings(config) : [];
  if (emulator.length > 0) {
    warnOnce(
      `production-emulator:${emulator.join()}`,
      `NODE_ENV is production but the app is set up for the local WorkOS emulator: ${emulator.join(', ')}. ` +
        'Sessions are then not backed by WorkOS. Set WORKOS_CLIENT_ID and WORKOS_API_KEY from the WorkOS dashboard and ' +
        'remove WORKOS_API_HOSTNAME, WORKOS_API_HTTPS and WORKOS_API_PORT (or point them at your WorkOS custom domain).',
    );
    return;
  }
  if (config.clientId === EMULATOR_CLIENT_ID && !isLoopback(config.apiHostname)) {
    warnOnce(
      `emulator-client-id:${config.apiHostname ?? ''}`,
      `WORKOS_CLIENT_ID is the local emulator's (${EMULATOR_CLIENT_ID}) but WORKOS_API_HOSTNAME is ${config.apiHostname ?? 'not set (api.workos.com)'}: ` +
        'sign-in goes to WorkOS, which does not know this client. Copy the whole env block `npx authkit-emulator` prints ' +
        '(WORKOS_API_HOSTNAME, WORKOS_API_HTTPS and WORKOS_API_PORT too), or use your own client id and API key.',
    );
  }
}
