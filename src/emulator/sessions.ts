/** Starting sessions and minting the authenticate response (access token + a fresh refresh token). */
import { accessTokenClaims } from './claims.js';
import { connectionIdFor, userJson } from './resources.js';
import { sessionJson } from './session-json.js';
import type { Authentication, ClaimOverrides, OrganizationRecord, SessionRecord, StepUpKind } from './records.js';
import type { Runtime } from './runtime.js';
import { newId, randomSecret, signJwt } from './tokens.js';
import type { AuthenticateResponseJson } from './types.js';
import { oauthError, apiError, type HttpError } from './http.js';

const PENDING_TTL_MS = 10 * 60 * 1000;

/**
 * A new session. The organisation it starts in counts as satisfied for SSO/MFA policy: only the
 * hosted page (which emulates that step), impersonation or the control surface get a session there.
 */
export function startSession(
  runtime: Runtime,
  auth: Authentication,
  extra: { overrides?: ClaimOverrides; expiresIn?: number } = {},
): SessionRecord {
  const org = auth.organizationId ? runtime.store.organizations.get(auth.organizationId) : undefined;
  const now = Date.now();
  const session: SessionRecord = {
    ...auth,
    id: newId('session'),
    createdAt: now,
    updatedAt: now,
    ssoOrganizations: new Set(org?.require_sso ? [org.id] : []),
    mfaVerified: org?.require_mfa ?? false,
    overrides: extra.overrides ?? {},
    ...(extra.expiresIn === undefined ? {} : { expiresIn: extra.expiresIn }),
  };
  runtime.store.sessions.set(session.id, session);
  const user = runtime.store.users.get(auth.userId);
  if (user) user.last_sign_in_at = new Date(auth.authTime).toISOString();
  runtime.events.emit('session.created', sessionJson(session));
  return session;
}

/**
 * Ends a live session (`session.revoked`); false when it is unknown or already over. Its refresh
 * tokens all point at it, so they stop working with it; access tokens already issued stay valid
 * until `exp` (they are stateless JWTs), as with WorkOS.
 */
export function endSession(runtime: Runtime, sessionId: string): boolean {
  const session = runtime.store.liveSession(sessionId);
  if (!session) return false;
  session.endedAt = Date.now();
  runtime.events.emit('session.revoked', sessionJson(session));
  return true;
}

export function mintResponse(runtime: Runtime, session: SessionRecord): AuthenticateResponseJson {
  const user = runtime.store.users.get(session.userId);
  if (!user) throw oauthError(400, 'invalid_grant', 'The user of this session no longer exists.');
  const refreshToken = randomSecret();
  runtime.store.refreshTokens.set(refreshToken, { sessionId: session.id });
  session.updatedAt = Date.now();
  return {
    user: userJson(user),
    ...(session.organizationId ? { organization_id: session.organizationId } : {}),
    access_token: signJwt(runtime.keys.current, accessTokenClaims(runtime, session)),
    refresh_token: refreshToken,
    authentication_method: session.method,
    ...(session.impersonator ? { impersonator: session.impersonator } : {}),
  };
}

/** The step-up a session (or a fresh authentication) needs before entering `org`, if any. */
export function stepUpNeeded(
  org: OrganizationRecord,
  session?: Pick<SessionRecord, 'ssoOrganizations' | 'mfaVerified'>,
): StepUpKind | undefined {
  if (org.require_sso && !session?.ssoOrganizations.has(org.id)) return 'sso_required';
  if (org.require_mfa && !session?.mfaVerified) return 'mfa_enrollment';
  return undefined;
}

/** The 403 step-up error with a pending authentication token, in the shapes the SDK maps to
 * `AuthenticationException` (`sso_required` is OAuth-shaped; the others are `{code, message}`). */
export function stepUpError(
  runtime: Runtime,
  kind: StepUpKind,
  auth: Authentication,
  /** More fields for the body, e.g. `authkit_redirect_url`. */
  extra: Record<string, unknown> = {},
): HttpError {
  const token = randomSecret();
  runtime.store.pending.set(token, { ...auth, token, kind, expiresAt: Date.now() + PENDING_TTL_MS });
  const user = runtime.store.users.get(auth.userId);
  if (kind === 'sso_required') {
    return oauthError(403, 'sso_required', 'User must authenticate using one of the matching connections.', {
      email: user?.email,
      connection_ids: [connectionIdFor(auth.organizationId ?? '')],
      pending_authentication_token: token,
      ...extra,
    });
  }
  return apiError(403, 'mfa_enrollment', 'The user must enroll in multi-factor authentication to finish authenticating.', {
    pending_authentication_token: token,
    user: user ? userJson(user) : undefined,
    ...extra,
  });
}

/** 403 `organization_selection_required`: the app must pick one of the user's organisations. */
export function organizationSelectionError(runtime: Runtime, auth: Authentication): HttpError {
  const token = randomSecret();
  const kind = 'organization_selection_required';
  runtime.store.pending.set(token, { ...auth, token, kind, expiresAt: Date.now() + PENDING_TTL_MS });
  const user = runtime.store.users.get(auth.userId);
  const organizations = runtime.store.membershipsOf(auth.userId).map((m) => ({
    id: m.organization_id,
    name: runtime.store.organizations.get(m.organization_id)?.name ?? m.organization_id,
  }));
  return apiError(403, 'organization_selection_required', 'The user must choose an organization to finish their authentication.', {
    pending_authentication_token: token,
    user: user ? userJson(user) : undefined,
    organizations,
  });
}
