/**
 * The configuration a mock session needs when the test or story has none: the kit validates its
 * environment on first use, so unit tests and Storybook get harmless placeholder values. Only
 * variables that are missing are filled; a real `.env` always wins.
 */

/** The placeholders (never valid against WorkOS: the mock session makes no call that needs them). */
export const MOCK_AUTH_ENV: Readonly<Record<string, string>> = {
  WORKOS_CLIENT_ID: 'client_mock',
  WORKOS_API_KEY: 'sk_test_mock',
  WORKOS_COOKIE_PASSWORD: 'authkit-rsc-mock-cookie-password-for-tests-only',
  NEXT_PUBLIC_WORKOS_REDIRECT_URI: 'http://localhost:3000/callback',
  // The mock admins' permission (as the emulator's seeded admin role): they manage members.
  WORKOS_MANAGE_MEMBERS_PERMISSION: 'members:manage',
};

type ProcessLike = { env: Record<string, string | undefined> };

/**
 * Fills the missing configuration variables with `MOCK_AUTH_ENV` (in browsers, on a `process.env`
 * it creates, which is where the kit's configuration reads). Returns the environment object.
 */
export function ensureMockAuthEnv(): Record<string, string | undefined> {
  const scope = globalThis as { process?: ProcessLike };
  scope.process ??= { env: {} } as ProcessLike;
  scope.process.env ??= {};
  const env = scope.process.env;
  for (const [name, value] of Object.entries(MOCK_AUTH_ENV)) {
    if (!env[name]) env[name] = value;
  }
  return env;
}
