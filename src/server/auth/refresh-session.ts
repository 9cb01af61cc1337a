import 'server-only';
/**
 * `refreshSession`: an explicit refresh (new roles/permissions) or an organisation switch, from a
 * server action or route handler. Single-flight like every refresh; a failed switch never clears
 * the session.
 */
import type { NoUserInfo, UserInfo } from '../../shared/types.js';
import { getSession } from '../request/get-session.js';
import { writeRequestSession } from '../request/write-session.js';
import { sessionRoot } from '../root/current-root.js';
import { refreshTokens } from '../session/refresh.js';
import { forgetMemberships } from './memberships.js';
import { redirectToSignIn } from './with-auth.js';

export interface RefreshSessionOptions {
  /** Switch the session to this organisation. @default the current organisation */
  organizationId?: string;
  /** Redirect to sign-in when there is no session. @default false */
  ensureSignedIn?: boolean;
}

/**
 * Refreshes the session's tokens (optionally switching organisation) and saves the new cookie.
 * @throws TokenRefreshError when WorkOS refuses or cannot be reached (`isTransient` tells which).
 *
 * @example
 * const { organizationId } = await refreshSession({ organizationId: 'org_123' });
 */
export async function refreshSession(options: RefreshSessionOptions & { ensureSignedIn: true }): Promise<UserInfo>;
export async function refreshSession(options?: RefreshSessionOptions): Promise<UserInfo | NoUserInfo>;
export async function refreshSession(options: RefreshSessionOptions = {}): Promise<UserInfo | NoUserInfo> {
  const state = await getSession();
  if (state.status === 'signed-out') {
    if (options.ensureSignedIn) await redirectToSignIn();
    return { user: null };
  }
  const root = sessionRoot();
  const outcome = await refreshTokens(root, state, { organizationId: options.organizationId });
  if (outcome.ok) {
    await writeRequestSession(root, outcome.state.sealed);
    if (options.organizationId !== undefined) forgetMemberships(root, state.session.user.id);
    return outcome.state.info;
  }
  const switching = options.organizationId !== undefined && options.organizationId !== state.claims.org_id;
  if (!outcome.error.isTransient && !switching) await writeRequestSession(root, null);
  throw outcome.error;
}
