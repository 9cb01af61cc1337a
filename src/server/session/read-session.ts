import 'server-only';
/**
 * `readSession(sealed)`: sealed cookie value → `SessionState`. Pure of Next (the proxy, the auth
 * route and `getSession` all use it). Bad input of any kind reads as signed out; only a
 * configuration error propagates, because a missing password must be fixed, not hidden.
 */
import { AuthKitConfigError } from '../../shared/errors.js';
import { warnOnce } from '../log.js';
import { hasSessionEnded } from './ended-sessions.js';
import { hasOutdatedMembership } from './membership-changes.js';
import { signedIn, signedOut, type SessionState } from './state.js';
import { unsealSession } from './seal.js';
import { recallVerifiedSession, rememberVerifiedSession } from './verified-cache.js';
import type { CookieReader } from './cookie-jar.js';
import { readSessionCookie } from './session-cookie.js';
import { verifyAccessToken } from './verify-token.js';

async function readUncached(sealed: string): Promise<SessionState> {
  const session = await unsealSession(sealed);
  if (!session) return signedOut('invalid-cookie');
  const check = await verifyAccessToken(session.accessToken);
  if (check.result === 'malformed') return signedOut('invalid-cookie');
  // The sealed user must be the token's subject (a mismatch is a forged or mixed-up cookie).
  if (check.claims.sub !== session.user.id) return signedOut('invalid-cookie');
  if (check.result === 'expired') return { status: 'expired', session, claims: check.claims, sealed, signatureChecked: check.signatureChecked };
  const state = signedIn(session, check.claims, sealed);
  if (check.result === 'valid') {
    rememberVerifiedSession(sealed, state);
    return state;
  }
  // JWKS unreachable and never fetched: the seal is authentic (only our password makes one) and the
  // kit sealed this token itself, straight from WorkOS. Trust it until `exp` rather than sign anyone
  // out, within the bound verify-token.ts sets (UNVERIFIED_TRUST_MS, then it reads as expired).
  warnOnce('jwks-unreachable', 'The WorkOS JWKS could not be fetched; sessions are trusted from their seal until their tokens expire, for at most 10 minutes.');
  const secondsLeft = (check.claims.exp ?? 0) - Date.now() / 1000;
  return secondsLeft > 0 ? state : { status: 'expired', session, claims: check.claims, sealed, signatureChecked: false };
}

/**
 * Reads a sealed session cookie value.
 *
 * @example
 * const state = await readSession(request.cookies.get('wos-session')?.value);
 * if (state.status === 'signed-in') console.log(state.info.user.email);
 */
export async function readSession(sealed: string | null | undefined): Promise<SessionState> {
  if (!sealed) return signedOut('no-cookie');
  let state: SessionState;
  try {
    state = recallVerifiedSession(sealed) ?? (await readUncached(sealed));
  } catch (error) {
    if (error instanceof AuthKitConfigError) throw error;
    return signedOut('invalid-cookie');
  }
  // A copy of a cookie whose session was signed out here: its token still verifies until `exp`.
  if (state.status !== 'signed-out' && hasSessionEnded(state.claims.sid)) return signedOut('session-ended');
  // A role changed here since the token was issued: due for refresh, so the change shows at once.
  if (state.status === 'signed-in' && hasOutdatedMembership(state.claims)) {
    return { status: 'expired', session: state.session, claims: state.claims, sealed: state.sealed, signatureChecked: true };
  }
  return state;
}

/** Reads the session cookie (all chunks) from a cookie jar: `request.cookies` or `cookies()`. */
export async function readSessionFromCookies(jar: CookieReader): Promise<SessionState> {
  const sealed = readSessionCookie(jar);
  return sealed === null ? signedOut('invalid-cookie') : readSession(sealed);
}
