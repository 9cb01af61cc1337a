import 'server-only';
/**
 * The kit's configuration: the ONLY place that reads `process.env`. Values are validated on first
 * use and kept. In production they are read once: a running server's environment does not
 * change, and comparing the 16 variables costs about 2.4 µs a call (a third of a signed-out
 * `withAuth()`). Elsewhere the kept configuration follows the environment: Next's dev server
 * reloads `.env` files in place, and test suites point the kit at new emulators, so when a
 * variable changes the next call validates again and returns a new object, and the session root
 * built from it (the WorkOS client, the JWKS, every cache) is rebuilt (`root/current-root.ts`).
 */
import { DEFAULT_COOKIE_MAX_AGE_SECONDS, DEFAULT_SESSION_COOKIE_NAME } from '../shared/constants.js';
import { AuthKitConfigError } from '../shared/errors.js';
import * as rule from './config-rules.js';
import type { SameSite } from './config-rules.js';
import { warnAboutSetup } from './config-warnings.js';

export type { SameSite };

/** The validated configuration. */
export interface AuthKitConfig {
  readonly clientId: string;
  readonly apiKey: string;
  /** Seals new cookies. */
  readonly cookiePassword: string;
  /** Still unseal cookies written before a rotation. */
  readonly previousCookiePasswords: readonly string[];
  readonly redirectUri: string | undefined;
  readonly cookieName: string;
  readonly cookieMaxAge: number;
  readonly cookieDomain: string | undefined;
  readonly cookieSameSite: SameSite;
  readonly apiHostname: string | undefined;
  readonly apiHttps: boolean;
  readonly apiPort: number | undefined;
  /**
   * How long after its token's expiry an authentic session is still served (marked `stale`) while
   * WorkOS cannot refresh it; 0 turns serving stale off.
   */
  readonly outageGraceSeconds: number;
  /**
   * The permission (in the session's access token) that lets a user manage their organization's
   * members and invitations through the kit's components and actions.
   */
  readonly manageMembersPermission: string;
  /** The role slug of an organization's admins: a new organization's creator gets it; the last one cannot leave. */
  readonly adminRole: string;
  /**
   * Where the shared session store lives (`AUTHKIT_REDIS_URL`: redis:// or rediss://); unset keeps
   * every session coordination in this process.
   */
  readonly redisUrl: string | undefined;
  /** Checks the signature of WorkOS's webhook deliveries (`WORKOS_WEBHOOK_SECRET`, for `handleWorkOSEvents`). */
  readonly webhookSecret: string | undefined;
}

/** The permission WorkOS's own users-table widget asks for. */
const DEFAULT_MANAGE_MEMBERS_PERMISSION = 'widgets:users-table:manage';
const DEFAULT_ADMIN_ROLE = 'admin';

/**
 * Serve-stale default: 15 minutes past the token's expiry. Long enough to ride out the WorkOS
 * incidents that matter (minutes), short enough that a session revoked at WorkOS during an outage
 * ends soon after (revocation waits for WorkOS to come back, or for this bound).
 */
const DEFAULT_OUTAGE_GRACE_SECONDS = 15 * 60;
/** A day: past that, a "stale" session is just an unchecked one. */
const MAX_OUTAGE_GRACE_SECONDS = 24 * 60 * 60;

type RawEnv = Record<(typeof VARIABLES)[number], string | undefined>;

const VARIABLES = [
  'WORKOS_CLIENT_ID', 'WORKOS_API_KEY', 'WORKOS_COOKIE_PASSWORD', 'WORKOS_COOKIE_PASSWORD_PREVIOUS',
  'NEXT_PUBLIC_WORKOS_REDIRECT_URI', 'WORKOS_COOKIE_MAX_AGE', 'WORKOS_COOKIE_DOMAIN', 'WORKOS_COOKIE_NAME',
  'WORKOS_COOKIE_SAMESITE', 'WORKOS_API_HOSTNAME', 'WORKOS_API_HTTPS', 'WORKOS_API_PORT', 'WORKOS_OUTAGE_GRACE_SECONDS', 'NODE_ENV',
  'WORKOS_MANAGE_MEMBERS_PERMISSION', 'WORKOS_ADMIN_ROLE', 'AUTHKIT_REDIS_URL', 'WORKOS_WEBHOOK_SECRET',
] as const;

// Literal `process.env.X` reads, so bundlers that inline environment values (Next does for
// NEXT_PUBLIC_* and in edge builds) see every variable.
function readEnv(): RawEnv {
  if (typeof process === 'undefined' || !process.env) return {} as RawEnv;
  return {
    WORKOS_CLIENT_ID: process.env.WORKOS_CLIENT_ID,
    WORKOS_API_KEY: process.env.WORKOS_API_KEY,
    WORKOS_COOKIE_PASSWORD: process.env.WORKOS_COOKIE_PASSWORD,
    WORKOS_COOKIE_PASSWORD_PREVIOUS: process.env.WORKOS_COOKIE_PASSWORD_PREVIOUS,
    NEXT_PUBLIC_WORKOS_REDIRECT_URI: process.env.NEXT_PUBLIC_WORKOS_REDIRECT_URI,
    WORKOS_COOKIE_MAX_AGE: process.env.WORKOS_COOKIE_MAX_AGE,
    WORKOS_COOKIE_DOMAIN: process.env.WORKOS_COOKIE_DOMAIN,
    WORKOS_COOKIE_NAME: process.env.WORKOS_COOKIE_NAME,
    WORKOS_COOKIE_SAMESITE: process.env.WORKOS_COOKIE_SAMESITE,
    WORKOS_API_HOSTNAME: process.env.WORKOS_API_HOSTNAME,
    WORKOS_API_HTTPS: process.env.WORKOS_API_HTTPS,
    WORKOS_API_PORT: process.env.WORKOS_API_PORT,
    WORKOS_OUTAGE_GRACE_SECONDS: process.env.WORKOS_OUTAGE_GRACE_SECONDS,
    AUTHKIT_REDIS_URL: process.env.AUTHKIT_REDIS_URL,
    WORKOS_WEBHOOK_SECRET: process.env.WORKOS_WEBHOOK_SECRET,
    NODE_ENV: process.env.NODE_ENV,
    WORKOS_MANAGE_MEMBERS_PERMISSION: process.env.WORKOS_MANAGE_MEMBERS_PERMISSION,
    WORKOS_ADMIN_ROLE: process.env.WORKOS_ADMIN_ROLE,
  };
}

function parseConfig(env: RawEnv): AuthKitConfig {
  return Object.freeze({
    clientId: rule.requiredValue('WORKOS_CLIENT_ID', env.WORKOS_CLIENT_ID,
      'Copy the client ID (client_…) from the WorkOS dashboard, API Keys page, into .env.local.'),
    apiKey: rule.requiredValue('WORKOS_API_KEY', env.WORKOS_API_KEY,
      'Copy the secret API key (sk_…) from the WorkOS dashboard, API Keys page, into .env.local.'),
    cookiePassword: rule.cookiePassword('WORKOS_COOKIE_PASSWORD', env.WORKOS_COOKIE_PASSWORD),
    previousCookiePasswords: Object.freeze(
      rule.previousPasswords('WORKOS_COOKIE_PASSWORD_PREVIOUS', env.WORKOS_COOKIE_PASSWORD_PREVIOUS),
    ),
    redirectUri: rule.absoluteHttpUrl('NEXT_PUBLIC_WORKOS_REDIRECT_URI', env.NEXT_PUBLIC_WORKOS_REDIRECT_URI),
    cookieName: rule.cookieName('WORKOS_COOKIE_NAME', env.WORKOS_COOKIE_NAME, DEFAULT_SESSION_COOKIE_NAME),
    cookieMaxAge:
      rule.wholeNumber('WORKOS_COOKIE_MAX_AGE', env.WORKOS_COOKIE_MAX_AGE,
        { min: 0, max: DEFAULT_COOKIE_MAX_AGE_SECONDS, example: '86400' }) ?? DEFAULT_COOKIE_MAX_AGE_SECONDS,
    cookieDomain: rule.cookieDomain('WORKOS_COOKIE_DOMAIN', env.WORKOS_COOKIE_DOMAIN),
    cookieSameSite: rule.sameSite('WORKOS_COOKIE_SAMESITE', env.WORKOS_COOKIE_SAMESITE),
    apiHostname: rule.hostname('WORKOS_API_HOSTNAME', env.WORKOS_API_HOSTNAME),
    apiHttps: rule.booleanFlag('WORKOS_API_HTTPS', env.WORKOS_API_HTTPS, true),
    apiPort: rule.wholeNumber('WORKOS_API_PORT', env.WORKOS_API_PORT, { min: 1, max: 65535, example: '443' }),
    outageGraceSeconds:
      rule.wholeNumber('WORKOS_OUTAGE_GRACE_SECONDS', env.WORKOS_OUTAGE_GRACE_SECONDS,
        { min: 0, max: MAX_OUTAGE_GRACE_SECONDS, example: '900' }) ?? DEFAULT_OUTAGE_GRACE_SECONDS,
    manageMembersPermission:
      rule.slug('WORKOS_MANAGE_MEMBERS_PERMISSION', env.WORKOS_MANAGE_MEMBERS_PERMISSION, 'members:manage') ?? DEFAULT_MANAGE_MEMBERS_PERMISSION,
    adminRole: rule.slug('WORKOS_ADMIN_ROLE', env.WORKOS_ADMIN_ROLE, 'owner') ?? DEFAULT_ADMIN_ROLE,
    redisUrl: rule.redisUrl('AUTHKIT_REDIS_URL', env.AUTHKIT_REDIS_URL),
    webhookSecret: env.WORKOS_WEBHOOK_SECRET?.trim() || undefined,
  });
}

let cached: { env: RawEnv; config: AuthKitConfig } | undefined;

/**
 * Validates a configuration (and warns about set-up slips in it), without keeping it.
 * @throws AuthKitConfigError naming the variable at fault and the fix.
 */
export function readConfig(): AuthKitConfig {
  return validated(readEnv());
}

function validated(env: RawEnv): AuthKitConfig {
  const config = parseConfig(env);
  warnAboutSetup(config, env.NODE_ENV);
  return config;
}

/**
 * The validated configuration: read once in production, else again whenever the environment
 * changed.
 * @throws AuthKitConfigError naming the variable at fault and the fix.
 */
export function getConfig(): AuthKitConfig {
  if (cached?.env.NODE_ENV === 'production') return cached.config;
  const env = readEnv();
  if (cached && VARIABLES.every((name) => cached!.env[name] === env[name])) return cached.config;
  cached = { env, config: validated(env) };
  return cached.config;
}

/**
 * The redirect URI (the auth route's absolute URL): the given override, else
 * `NEXT_PUBLIC_WORKOS_REDIRECT_URI`.
 */
export function resolveRedirectUri(config: AuthKitConfig, override?: string | null): string {
  if (override) return rule.absoluteHttpUrl('redirectUri', override)!;
  if (config.redirectUri) return config.redirectUri;
  throw new AuthKitConfigError(
    'NEXT_PUBLIC_WORKOS_REDIRECT_URI',
    'is not set and no redirectUri option was given. Set it to the full URL of the route that exports ' +
      'handleAuth() (e.g. http://localhost:3000/callback) and add the same URL to Redirects in the WorkOS dashboard.',
  );
}

/**
 * True inside a Next.js server, which sets `NEXT_RUNTIME` to 'nodejs' or 'edge' (and inlines it in
 * its bundles); false in scripts and test runners, where Next's data cache does not exist.
 */
export function runsInNextServer(): boolean {
  const runtime = typeof process === 'undefined' ? undefined : process.env.NEXT_RUNTIME;
  return runtime === 'nodejs' || runtime === 'edge';
}

/** WorkOS's API origin, as the SDK builds it from the same settings (`https://api.workos.com` by default). */
export function workosBaseUrl(config: Pick<AuthKitConfig, 'apiHostname' | 'apiHttps' | 'apiPort'>): string {
  const origin = `${config.apiHttps ? 'https' : 'http'}://${config.apiHostname ?? 'api.workos.com'}`;
  return config.apiPort ? `${origin}:${config.apiPort}` : origin;
}

/**
 * True when the app is built with Cache Components (`cacheComponents: true`, the create-next-app@16
 * default). Next inlines this flag in its server bundles; elsewhere (Next 15, tests) it is unset.
 */
export function cacheComponentsEnabled(): boolean {
  return typeof process !== 'undefined' && String(process.env.__NEXT_CACHE_COMPONENTS) === 'true';
}
