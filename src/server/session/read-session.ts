import 'server-only';
/**
 * `readSession(root, sealed)`: sealed cookie value → `SessionState`. Pure of Next (the proxy, the
 * auth route and `getSession` all use it). Bad input of any kind reads as signed out; only a
 * configuration error propagates, because a missing password must be fixed, not hidden.
 */
import type { CookieReader } from '../../shared/cookie-chunks.js';
import { AuthKitConfigError } from '../../shared/errors.js';
import { warnOnce } from '../log.js';
import type { SessionRoot } from '../root/session-root.js';
import { readSessionCookie } from './session-cookie.js';
import { unsealSession } from './session-seal.js';
import { signedIn, signedOut, type SessionState } from './session-state.js';
import { currentTimeMs } from '../../shared/clock.js';

async function readUncached(root: SessionRoot, sealed: string): Promise<SessionState> {
  const session = await unsealSession(root, sealed);
  if (!session) return signedOut('invalid-cookie');
  const check = await root.verifyAccessToken(session.accessToken);
  if (check.result === 'malformed') return signedOut('invalid-cookie');
  // The sealed user must be the token's subject (a mismatch is a forged or mixed-up cookie).
  if (check.claims.sub !== session.user.id) return signedOut('invalid-cookie');
  if (check.result === 'expired') return { status: 'expired', session, claims: check.claims, sealed, signatureChecked: check.signatureChecked };
  const state = signedIn(session, check.claims, sealed);
  if (check.result === 'valid') {
    root.store.verifiedSessions.remember(sealed, state);
    return state;
  }
  // JWKS unreachable and never fetched: the seal is authentic (only our password makes one) and the
  // kit sealed this token itself, straight from WorkOS. Trust it until `exp` rather than sign anyone
  // out, within the bound verify-token.ts sets (UNVERIFIED_TRUST_MS, then it reads as expired).
  warnOnce('jwks-unreachable', 'The WorkOS JWKS could not be fetched; sessions are trusted from their seal until their tokens expire, for at most 10 minutes.');
  const secondsLeft = (check.claims.exp ?? 0) - currentTimeMs() / 1000;
  return secondsLeft > 0 ? state : { status: 'expired', session, claims: check.claims, sealed, signatureChecked: false };
}

/**
 * Reads a sealed session cookie value.
 *
 * @example
 * const state = await readSession(sessionRoot(), request.cookies.get('wos-session')?.value);
 * if (state.status === 'signed-in') console.log(state.info.user.email);
 */
export async function readSession(root: SessionRoot, sealed: string | null | undefined): Promise<SessionState> {
  if (!sealed) return signedOut('no-cookie');
  let state: SessionState;
  try {
    state = root.store.verifiedSessions.recall(sealed) ?? (await readUncached(root, sealed));
  } catch (error) {
    if (error instanceof AuthKitConfigError) throw error;
    return signedOut('invalid-cookie');
  }
  // A copy of a cookie whose session was signed out: its token still verifies until `exp`.
  // A session ends on its own (sign-out, session.revoked) or with its user (user.deleted): WorkOS ids are prefixed, so one set holds both.
  if (state.status === 'signed-out') return state;
  const { endedSessions } = root.store;
  if (endedSessions.has(state.claims.sid) || endedSessions.has(state.claims.sub)) return signedOut('session-ended');
  // A role changed here since the token was issued: due for refresh, so the change shows at once.
  if (state.status === 'signed-in' && root.store.memberships.isOutdated(state.claims)) {
    return { status: 'expired', session: state.session, claims: state.claims, sealed: state.sealed, signatureChecked: true };
  }
  return state;
}

/** Reads the session cookie's value as `readSessionCookie` gives it (`null`: chunks we could not have written). */
export async function readSessionCookieValue(root: SessionRoot, sealed: string | null | undefined): Promise<SessionState> {
  return sealed === null ? signedOut('invalid-cookie') : readSession(root, sealed);
}

/** Reads the session cookie (all chunks) from a cookie jar: `request.cookies` or `cookies()`. */
export async function readSessionFromCookies(root: SessionRoot, jar: CookieReader): Promise<SessionState> {
  return readSessionCookieValue(root, readSessionCookie(root.config, jar));
}
