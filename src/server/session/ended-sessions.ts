import 'server-only';
/**
 * Sessions this process has seen end (a sign-out): a copy of the cookie taken before the sign-out
 * still holds an access token that verifies until its `exp`, and WorkOS cannot recall a stateless
 * JWT. Remembering the session id here makes such a copy read as signed out at once in this
 * process; other processes see it signed out when its token expires and the refresh is refused
 * (the sign-out revoked the session at WorkOS).
 */
import { perConfig } from '../config.js';

/** Longer than any access token WorkOS issues lives, so no copy outlives its entry. */
const REMEMBER_MS = 24 * 60 * 60 * 1000;
const MAX_ENTRIES = 10_000;

const ended = perConfig(() => new Map<string, number>());

/** Remembers that the session `sessionId` has ended. */
export function noteSessionEnded(sessionId: string): void {
  const map = ended();
  map.delete(sessionId);
  map.set(sessionId, Date.now() + REMEMBER_MS);
  if (map.size > MAX_ENTRIES) map.delete(map.keys().next().value!);
}

/** True when this process saw the session end (within the last day). */
export function hasSessionEnded(sessionId: string | undefined): boolean {
  const map = ended();
  if (map.size === 0 || sessionId === undefined) return false;
  const until = map.get(sessionId);
  if (until === undefined) return false;
  if (until > Date.now()) return true;
  map.delete(sessionId);
  return false;
}
