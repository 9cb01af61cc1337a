import 'server-only';
/**
 * `SessionState`, the one value the session pipeline produces (docs/internals.md §2), and the
 * mapping from a verified session to the reference package's `UserInfo`.
 */
import type { AccessToken, Session, UserInfo } from '../../shared/types.js';

/** Why a request reads as signed out. Every reason but 'no-cookie' means the cookie should be cleared. */
export type SignedOutReason = 'no-cookie' | 'invalid-cookie' | 'refresh-rejected' | 'session-ended';

export interface SignedOutState {
  status: 'signed-out';
  reason: SignedOutReason;
}

export interface SignedInState {
  status: 'signed-in';
  session: Session;
  claims: AccessToken;
  info: UserInfo;
  /** The sealed cookie value this state was read from. */
  sealed: string;
}

/**
 * The seal is authentic but the access token has expired (or was not signed by a key WorkOS
 * publishes any more): a refresh is due. Only a place that can write cookies may refresh.
 */
export interface ExpiredState {
  status: 'expired';
  session: Session;
  claims: AccessToken;
  sealed: string;
  /**
   * True when a WorkOS key verified the token's signature (it is only past `exp`): only such a
   * session may be served stale during an outage. False for an unknown or retired key, a bad
   * signature, or a token that could not be checked at all.
   */
  signatureChecked: boolean;
}

export type SessionState = SignedOutState | SignedInState | ExpiredState;

export const signedOut = (reason: SignedOutReason): SignedOutState => ({ status: 'signed-out', reason });

/** The reference package's `UserInfo` for a session whose token carries `claims`. */
function toUserInfo(session: Session, claims: AccessToken): UserInfo {
  return {
    user: session.user,
    sessionId: claims.sid,
    organizationId: claims.org_id,
    role: claims.role,
    roles: claims.roles,
    permissions: claims.permissions,
    entitlements: claims.entitlements,
    featureFlags: claims.feature_flags,
    impersonator: session.impersonator,
    accessToken: session.accessToken,
  };
}

/** The `UserInfo` of an expired session served during an outage (its expired access token included). */
export function staleUserInfo(state: ExpiredState): UserInfo {
  return { ...toUserInfo(state.session, state.claims), stale: true };
}

export function signedIn(session: Session, claims: AccessToken, sealed: string): SignedInState {
  return { status: 'signed-in', session, claims, info: toUserInfo(session, claims), sealed };
}
