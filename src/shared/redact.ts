/**
 * What of a session may cross to the browser. An allowlist, not an `Omit`: a field the server adds
 * to `UserInfo` later (a token, a seal) stays on the server until someone decides otherwise here.
 */
import type { ClientAuth, NoUserInfo, RedactedUserInfo, UserInfo } from './types.js';

/** The redacted session: the user and the claims, never the access or refresh token. */
export function toClientAuth(info: UserInfo | RedactedUserInfo): RedactedUserInfo;
export function toClientAuth(info: UserInfo | NoUserInfo | ClientAuth): ClientAuth;
export function toClientAuth(info: UserInfo | NoUserInfo | ClientAuth): ClientAuth {
  if (!info.user) return { user: null };
  const { user, sessionId, organizationId, role, roles, permissions, entitlements, featureFlags, impersonator } = info;
  return { user, sessionId, organizationId, role, roles, permissions, entitlements, featureFlags, impersonator };
}
