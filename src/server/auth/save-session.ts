import 'server-only';
/**
 * `saveSession`: stores a session from a custom flow (password, magic auth, email verification…)
 * in the session cookie. Only the reference's minimal payload is kept, whatever is passed in.
 * It is deliberately not a server action: exposing it as one would let anyone set a session.
 */
import type { AuthenticationResponse } from '@workos-inc/node';
import type { NextRequest } from 'next/server';
import { sessionPayload } from '../../shared/iron-seal.js';
import type { Session } from '../../shared/types.js';
import { writeRequestSession } from '../request/write-session.js';
import { sessionRoot } from '../root/current-root.js';
import { sealSession } from '../session/session-seal.js';

/**
 * Seals and stores a WorkOS session (from a server action or route handler).
 * @throws TypeError when `session` lacks the tokens or the user.
 *
 * @example
 * const auth = await getWorkOS().userManagement.authenticateWithPassword({ clientId, email, password });
 * await saveSession(auth, request);
 */
export async function saveSession(session: Session | AuthenticationResponse, request?: NextRequest | string): Promise<void> {
  if (!session?.accessToken || !session.refreshToken || !session.user?.id) {
    throw new TypeError('saveSession needs accessToken, refreshToken and user, as WorkOS returns them.');
  }
  const root = sessionRoot();
  const sealed = await sealSession(root, sessionPayload(session));
  await writeRequestSession(root, sealed, typeof request === 'string' ? request : request?.url);
}
