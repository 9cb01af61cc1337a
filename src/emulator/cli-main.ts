/** The `authkit-emulator` command: flag parsing and the start-up banner (the env block an app needs). */
import { parseArgs } from 'node:util';
import { DEFAULT_HOST, DEFAULT_PORT, createEmulator } from './emulator.js';
import type { Emulator, EmulatorOptions } from './types.js';

export const USAGE = `Usage: authkit-emulator [options]

  --port <n>               port to listen on (default ${DEFAULT_PORT}; 0 picks a free one)
  --host <address>         interface to bind (default ${DEFAULT_HOST}: loopback only)
  --data <file.json>       seed data replacing the built-in users and organizations
  --access-token-ttl <s>   access-token lifetime in seconds (default 300)
  --refresh-grace <s>      refresh-token reuse grace window in seconds (default 30)
  --app-url <url>          the app's URL, e.g. http://localhost:3005: where sign-out returns and
                           impersonation starts (default: learned from the app's sign-ins)
  --key-file <file>        signing key file (default .authkit-emulator/signing-key.json)
  --allowed-host <name>    also answer to this Host name, e.g. a Docker service (repeatable;
                           localhost, 127.0.0.1 and [::1] always work, any other name is refused)
  --webhook-url <url>      POST every event there as a signed WorkOS webhook (needs --webhook-secret)
  --webhook-secret <s>     the secret webhooks are signed with (WorkOS-Signature)
  --quiet                  no per-request log
  --help                   show this help`;

export class UsageError extends Error {
  override readonly name = 'UsageError';
}

function integerFlag(name: string, value: string | undefined): number | undefined {
  if (value === undefined) return undefined;
  if (!/^\d+$/.test(value)) throw new UsageError(`--${name}: expected a whole number (got '${value}')`);
  return Number(value);
}

/** Parses argv into emulator options; `undefined` means `--help` was asked for. */
export function parseCliArgs(argv: string[]): EmulatorOptions | undefined {
  let values;
  try {
    ({ values } = parseArgs({
      args: argv,
      strict: true,
      options: {
        port: { type: 'string' },
        host: { type: 'string' },
        data: { type: 'string' },
        'access-token-ttl': { type: 'string' },
        'refresh-grace': { type: 'string' },
        'key-file': { type: 'string' },
        'app-url': { type: 'string' },
        'allowed-host': { type: 'string', multiple: true },
        'webhook-url': { type: 'string' },
        'webhook-secret': { type: 'string' },
        quiet: { type: 'boolean' },
        help: { type: 'boolean' },
      },
    }));
  } catch (error) {
    throw new UsageError((error as Error).message, { cause: error });
  }
  if (values.help) return undefined;
  const options: EmulatorOptions = { port: integerFlag('port', values.port) ?? DEFAULT_PORT };
  if (values.host) options.host = values.host;
  if (values.data) options.data = values.data;
  const ttl = integerFlag('access-token-ttl', values['access-token-ttl']);
  if (ttl !== undefined) options.accessTokenTtlSeconds = ttl;
  const grace = integerFlag('refresh-grace', values['refresh-grace']);
  if (grace !== undefined) options.refreshGraceSeconds = grace;
  if (values['key-file']) options.keyFile = values['key-file'];
  if (values['app-url']) options.appUrl = values['app-url'];
  if (values['allowed-host']) options.allowedHosts = values['allowed-host'];
  if (values['webhook-url']) options.webhookUrl = values['webhook-url'];
  if (values['webhook-secret']) options.webhookSecret = values['webhook-secret'];
  if (values.quiet) options.quiet = true;
  return options;
}

export function banner(emulator: Emulator, options: EmulatorOptions): string {
  const env = Object.entries(emulator.env).map(([name, value]) => `${name}=${value}`);
  return [
    `WorkOS emulator listening on ${emulator.url} (bound to ${options.host ?? DEFAULT_HOST})`,
    `The app: ${options.appUrl ?? 'learned from its first sign-in (--app-url sets it)'}`,
    `Webhooks: ${options.webhookUrl ? `every event is POSTed to ${options.webhookUrl}` : 'off (--webhook-url and --webhook-secret turn them on)'}`,
    '',
    "Point your app at it (e.g. in .env.local):",
    '',
    ...env,
    '# the app also needs WORKOS_COOKIE_PASSWORD (32+ characters) and NEXT_PUBLIC_WORKOS_REDIRECT_URI',
    '',
    'Hosted pages:',
    `  sign-in       ${emulator.url}/user_management/authorize   (your app sends users here)`,
    `  impersonate   ${emulator.url}/_emulator/impersonate`,
    `  overview      ${emulator.url}/_emulator   (users, control routes)`,
    '',
    'Press Ctrl+C to stop.',
  ].join('\n');
}

/** Starts the emulator for `argv`, printing the banner; undefined after printing `--help`. */
export async function startCli(argv: string[], print: (text: string) => void): Promise<Emulator | undefined> {
  const options = parseCliArgs(argv);
  if (!options) {
    print(USAGE);
    return undefined;
  }
  const emulator = await createEmulator(options);
  print(banner(emulator, options));
  return emulator;
}
