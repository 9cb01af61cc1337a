import 'server-only';
/**
 * One refresh-token grant at WorkOS through the SDK (Node runtimes): the new tokens, sealed, as a
 * signed-in state. Never throws: a failure comes back as a transient or terminal outcome.
 * (`#refresh-exchange` resolves here everywhere but the Edge runtime: refresh-exchange-edge.ts.)
 */
import { decodeJwtClaims } from '../../shared/claims.js';
import { AuthKitError } from '../../shared/errors.js';
import { sessionPayload } from '../../shared/iron-seal.js';
import type { AccessToken } from '../../shared/types.js';
import type { SessionRoot } from '../root/session-root.js';
import { workosClient } from '../workos.js';
import type { RefreshOutcome, RefreshSource } from './refresh.js';
import { toTokenRefreshError } from './refresh-errors.js';
import { sealSession } from './session-seal.js';
import { signedIn } from './session-state.js';

/** Exchanges the session's refresh token (for `organizationId`, when switching). */
export async function exchange(root: SessionRoot, source: RefreshSource, organizationId: string | undefined): Promise<RefreshOutcome> {
  const context = { userId: source.session.user.id, sessionId: source.claims.sid };
  try {
    const response = await workosClient(root).userManagement.authenticateWithRefreshToken({
      clientId: root.config.clientId,
      refreshToken: source.session.refreshToken,
      organizationId,
    });
    const session = sessionPayload({
      accessToken: response.accessToken,
      refreshToken: response.refreshToken,
      user: response.user,
      impersonator: response.impersonator,
      authenticationMethod: response.authenticationMethod ?? source.session.authenticationMethod,
    });
    const claims = decodeJwtClaims<AccessToken>(session.accessToken);
    if (!claims) throw new AuthKitError('workos_response_invalid', 'WorkOS returned an access token that is not a JWT.');
    const sealed = await sealSession(root, session);
    // Tokens straight from WorkOS over TLS: as trustworthy as a verified cookie.
    const state = signedIn(session, claims, sealed);
    root.store.verifiedSessions.remember(sealed, state);
    return { ok: true, state };
  } catch (error) {
    return { ok: false, error: toTokenRefreshError(error, context) };
  }
}
