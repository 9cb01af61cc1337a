import 'server-only';
/**
 * The signed-in user's active sessions at WorkOS (device, address, last seen) and revoking them.
 * A session id from a form counts only when it is one of the caller's own active sessions, listed
 * at WorkOS now. A revoked session reads as signed out at once in this process; elsewhere its next
 * refresh is refused (WorkOS has ended it).
 */
import type { Session as WorkosSession } from '@workos-inc/node';
import type { UserSessionInfo } from '../../shared/organization-types.js';
import { withAuth } from '../auth/with-auth.js';
import { isId } from '../../shared/organization-input.js';
import { done, refused, type Outcome } from '../../shared/organization-outcome.js';
import { sessionRoot } from '../root/current-root.js';
import type { SessionRoot } from '../root/session-root.js';
import { workosClient } from '../workos.js';
import { noticeForWorkosError } from '../workos-errors.js';

function redacted(session: WorkosSession, currentId: string | undefined): UserSessionInfo {
  return {
    id: session.id,
    ...(session.userAgent ? { userAgent: session.userAgent } : {}),
    ...(session.ipAddress ? { ipAddress: session.ipAddress } : {}),
    lastSeenAt: session.updatedAt,
    createdAt: session.createdAt,
    current: session.id === currentId,
    impersonated: session.impersonator !== undefined && session.impersonator !== null,
  };
}

/** The user's active sessions, this one first, then the most recently seen. */
export async function fetchActiveSessions(root: SessionRoot, userId: string, currentId: string | undefined): Promise<UserSessionInfo[]> {
  const page = await workosClient(root).userManagement.listSessions(userId, { limit: 100 });
  const sessions = await page.autoPagination();
  return sessions
    .filter((session) => session.status === 'active')
    .map((session) => redacted(session, currentId))
    .sort((a, b) => Number(b.current) - Number(a.current) || b.lastSeenAt.localeCompare(a.lastSeenAt));
}

/**
 * The signed-in user's active sessions (device, IP address, last seen, which one is this one),
 * this one first; `[]` when signed out.
 * @throws the SDK's error when WorkOS cannot list them.
 *
 * @example
 * const sessions = await listUserSessions();
 * // [{ id: 'session_…', userAgent: 'Mozilla/5.0 …', lastSeenAt: '2026-…', current: true, … }]
 */
export async function listUserSessions(): Promise<UserSessionInfo[]> {
  const { user, sessionId } = await withAuth();
  return user ? fetchActiveSessions(sessionRoot(), user.id, sessionId) : [];
}

async function revoke(root: SessionRoot, sessionId: string): Promise<void> {
  await workosClient(root).userManagement.revokeSession({ sessionId });
  root.store.endedSessions.add(sessionId);
}

/**
 * Revokes one of the user's own sessions. `{ current: true }` when it is the caller's own: the
 * caller signs out instead (which also ends it at WorkOS).
 */
export async function revokeOwnSession(root: SessionRoot, userId: string, currentId: string, sessionId: string | undefined): Promise<Outcome & { current?: boolean }> {
  if (!isId(sessionId)) return refused('invalid-input');
  if (sessionId === currentId) return { ...done('session-revoked'), current: true };
  try {
    const own = await fetchActiveSessions(root, userId, currentId);
    if (!own.some((session) => session.id === sessionId)) return refused('not-found');
    await revoke(root, sessionId);
    return done('session-revoked');
  } catch (error) {
    return refused(noticeForWorkosError(error, 'Revoking a session'));
  }
}

/** Revokes every active session of the user but `currentId`. */
export async function revokeOtherSessions(root: SessionRoot, userId: string, currentId: string): Promise<Outcome> {
  try {
    const others = (await fetchActiveSessions(root, userId, currentId)).filter((session) => !session.current);
    const results = await Promise.allSettled(others.map((session) => revoke(root, session.id)));
    const failed = results.find((result) => result.status === 'rejected');
    return failed ? refused(noticeForWorkosError(failed.reason, 'Revoking sessions')) : done('other-sessions-revoked');
  } catch (error) {
    return refused(noticeForWorkosError(error, 'Revoking sessions'));
  }
}
