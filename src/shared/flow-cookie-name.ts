/**
 * The name of a sign-in flow's cookie, `wos-auth-verifier-<hash of the OAuth state>` (docs/internals.md
 * §4): the auth route writes and finds it, the proxy fingerprints the pending ones. Pure.
 */
import { PKCE_COOKIE_PREFIX } from './constants.js';

/** FNV-1a, 32-bit, as 8 hex digits: a short, stable name suffix (not a security boundary: the seal is). */
export function fnv1a(value: string): string {
  let hash = 0x811c9dc5;
  for (let index = 0; index < value.length; index += 1) {
    hash ^= value.charCodeAt(index);
    hash = Math.imul(hash, 0x01000193);
  }
  return (hash >>> 0).toString(16).padStart(8, '0');
}

/** The flow cookie for the OAuth `state`. */
export const flowCookieName = (state: string) => `${PKCE_COOKIE_PREFIX}-${fnv1a(state)}`;
