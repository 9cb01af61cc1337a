/**
 * What the real-session half of the test kit takes from the environment when a test does not say:
 * the app's cookie password and name, and where the emulator is. The same variables the app reads
 * (its configuration validates them); a test runner only passes them on, so it needs no server
 * module, no `server-only` and no export condition.
 */
import { DEFAULT_SESSION_COOKIE_NAME } from '../shared/constants.js';

const variable = (name: string): string | undefined => {
  const value = typeof process === 'undefined' ? undefined : process.env?.[name];
  return value?.trim() ? value : undefined;
};

/** The password to seal with: `explicit`, else WORKOS_COOKIE_PASSWORD (the app's). */
export function testCookiePassword(explicit?: string): string {
  const password = explicit ?? variable('WORKOS_COOKIE_PASSWORD');
  if (!password || password.length < 32) {
    throw new Error(
      "authkit-rsc/testing seals with the app's cookie password: pass cookiePassword, or set WORKOS_COOKIE_PASSWORD " +
        `(32+ characters, the app's own)${password ? `; the one given is ${password.length} characters` : ''}.`,
    );
  }
  return password;
}

/** The session cookie's name: `explicit`, else WORKOS_COOKIE_NAME, else `wos-session`. */
export const testCookieName = (explicit?: string): string => explicit ?? variable('WORKOS_COOKIE_NAME')?.trim() ?? DEFAULT_SESSION_COOKIE_NAME;

/** The emulator's base URL: `explicit`, else from WORKOS_API_HOSTNAME / WORKOS_API_HTTPS / WORKOS_API_PORT. */
export function testEmulatorUrl(explicit?: string): string {
  if (explicit) return explicit.replace(/\/+$/, '');
  const hostname = variable('WORKOS_API_HOSTNAME')?.trim();
  if (!hostname) {
    throw new Error('createTestSession needs the emulator: pass emulatorUrl, or set WORKOS_API_HOSTNAME (and WORKOS_API_HTTPS=false, WORKOS_API_PORT) to it.');
  }
  const https = !/^(false|0)$/i.test(variable('WORKOS_API_HTTPS')?.trim() ?? 'true');
  const port = variable('WORKOS_API_PORT')?.trim();
  return `${https ? 'https' : 'http'}://${hostname}${port ? `:${port}` : ''}`;
}
