/**
 * Sealing for the test kit. With the app's configuration (the usual case) it is the kit's own
 * `sealSession`; with an explicit password (a test runner that does not load the app's env) it is
 * the same iron-session seal of the same payload (`sessionPayload`, `ttl: 0`), which `readSession`
 * opens like any other. Loaded on first use (server modules).
 */
import { sealData } from 'iron-session';
import { DEFAULT_SESSION_COOKIE_NAME } from '../shared/constants.js';
import { AuthKitConfigError } from '../shared/errors.js';
import type { Session } from '../shared/types.js';
import { getConfig } from '../server/config.js';
import { sealSession, sessionPayload } from '../server/session/seal.js';

export { planChunkedCookie } from '../server/session/cookie-jar.js';

function configured() {
  try {
    return getConfig();
  } catch (error) {
    if (error instanceof AuthKitConfigError) return undefined;
    throw error;
  }
}

/** Seals `session` as the app would (with `password` instead of WORKOS_COOKIE_PASSWORD when given). */
export async function sealTestSession(session: Session, password?: string): Promise<string> {
  if (!password || password === configured()?.cookiePassword) return sealSession(session);
  // iron-session's password map; the id is informational (the kit tries every password it has).
  return sealData(sessionPayload(session) as unknown as Record<string, unknown>, { password: { 1: password }, ttl: 0 });
}

/** The session cookie's name: WORKOS_COOKIE_NAME when the app's configuration is loaded, else the default. */
export async function sessionCookieName(): Promise<string> {
  return configured()?.cookieName ?? DEFAULT_SESSION_COOKIE_NAME;
}
