/**
 * The kit's environment in tests: one cookie password and one redirect URI for every suite, and
 * `setTestEnv` to set the kit's variables for one test and restore them afterwards. (Suites that
 * need WorkOS point the environment at an emulator with `pointEnvAtEmulator`, emulator.ts.)
 */

/** A fixed test-only cookie password (32+ characters), never used outside tests. */
export const TEST_COOKIE_PASSWORD = 'test-cookie-password-at-least-32-characters-long';
export const TEST_REDIRECT_URI = 'http://localhost:3000/callback';

export const BASE_TEST_ENV = {
  WORKOS_CLIENT_ID: 'client_unit_test',
  WORKOS_API_KEY: 'sk_test_unit',
  WORKOS_COOKIE_PASSWORD: TEST_COOKIE_PASSWORD,
  NEXT_PUBLIC_WORKOS_REDIRECT_URI: TEST_REDIRECT_URI,
  WORKOS_API_HOSTNAME: '127.0.0.1',
  WORKOS_API_HTTPS: 'false',
  WORKOS_API_PORT: '9',
} as const;

const KIT_VARIABLES = [
  'WORKOS_CLIENT_ID', 'WORKOS_API_KEY', 'WORKOS_COOKIE_PASSWORD', 'WORKOS_COOKIE_PASSWORD_PREVIOUS',
  'NEXT_PUBLIC_WORKOS_REDIRECT_URI', 'WORKOS_COOKIE_MAX_AGE', 'WORKOS_COOKIE_DOMAIN', 'WORKOS_COOKIE_NAME',
  'WORKOS_COOKIE_SAMESITE', 'WORKOS_API_HOSTNAME', 'WORKOS_API_HTTPS', 'WORKOS_API_PORT', 'WORKOS_OUTAGE_GRACE_SECONDS',
  'WORKOS_MANAGE_MEMBERS_PERMISSION', 'WORKOS_ADMIN_ROLE',
  'AUTHKIT_REDIS_URL', 'WORKOS_WEBHOOK_SECRET',
];

/** Replaces every kit variable with `BASE_TEST_ENV` + `overrides` (undefined deletes); returns a restore. */
export function setTestEnv(overrides: Record<string, string | undefined> = {}): () => void {
  const saved = new Map(KIT_VARIABLES.map((name) => [name, process.env[name]]));
  const next: Record<string, string | undefined> = { ...BASE_TEST_ENV, ...overrides };
  for (const name of KIT_VARIABLES) {
    const value = next[name];
    if (value === undefined) delete process.env[name];
    else process.env[name] = value;
  }
  return () => {
    for (const [name, value] of saved) {
      if (value === undefined) delete process.env[name];
      else process.env[name] = value;
    }
  };
}
