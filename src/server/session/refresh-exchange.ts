import 'server-only';
/**
 * One refresh-token grant at WorkOS through the SDK (Node runtimes): the new tokens, sealed, as a
 * signed-in state. Never throws: a failure comes back as a transient or terminal outcome.
 * (`#refresh-exchange` resolves here everywhere but the Edge runtime: refresh-exchange-edge.ts.)
 */
import { decodeJwtClaims } from '../../shared/claims.js';
import type { AccessToken } from '../../shared/types.js';
import { getConfig } from '../config.js';
import { getWorkOS } from '../workos.js';
import type { RefreshOutcome, RefreshSource } from './refresh.js';
import { toTokenRefreshError } from './refresh-errors.js';
import { sealSession, sessionPayload } from './session-seal.js';
import { signedIn } from './state.js';
import { rememberVerifiedSession } from './verified-cache.js';

/** Exchanges the session's refresh token (for `organizationId`, when switching). */
export async function exchange(source: RefreshSource, organizationId: string | undefined): Promise<RefreshOutcome> {
  const context = { userId: source.session.user.id, sessionId: source.claims.sid };
  try {
    const response = await getWorkOS().userManagement.authenticateWithRefreshToken({
      clientId: getConfig().clientId,
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
    if (!claims) throw new TypeError('WorkOS returned an access token that is not a JWT');
    const sealed = await sealSession(session);
    // Tokens straight from WorkOS over TLS: as trustworthy as a verified cookie.
    const state = signedIn(session, claims, sealed);
    rememberVerifiedSession(sealed, state);
    return { ok: true, state };
  } catch (error) {
    return { ok: false, error: toTokenRefreshError(error, context) };
  }
}
