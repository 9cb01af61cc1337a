import 'server-only';
/**
 * Which refresh failures end a session. Only WorkOS saying "this grant is dead" does
 * (`invalid_grant` and the other OAuth 4xx answers, or a required re-authentication); everything
 * else (network, timeouts, 408, 429, 5xx, an unexpected error) keeps the session so that an
 * outage never signs anyone out.
 */
import { TokenRefreshError } from '../../shared/errors.js';
import { describeError } from '../log.js';

const TRANSIENT_STATUSES = new Set([408, 425, 429]);

function statusOf(error: unknown): number | undefined {
  const status = (error as { status?: unknown } | null)?.status;
  return typeof status === 'number' ? status : undefined;
}

/** True when WorkOS rejected the refresh token or demands a new sign-in. */
export function isTerminalRefreshError(error: unknown): boolean {
  if (!(error instanceof Error)) return false;
  const status = statusOf(error);
  if (status === undefined || status < 400 || status >= 500 || TRANSIENT_STATUSES.has(status)) return false;
  // OauthException (invalid_grant, invalid_request…) and AuthenticationException (sso_required,
  // mfa_enrollment…) carry an OAuth `error` or a WorkOS `code`; a bare 401/404 is our setup's fault.
  return error.name === 'OauthException' || error.name === 'AuthenticationException';
}

/** The WorkOS error code behind a refresh failure (`invalid_grant`, `sso_required`, …). */
export function refreshErrorCode(error: unknown): string | undefined {
  const cause = error instanceof TokenRefreshError ? error.cause : error;
  const fields = cause as { error?: unknown; code?: unknown } | null;
  if (typeof fields?.error === 'string') return fields.error;
  return typeof fields?.code === 'string' ? fields.code : undefined;
}

type StepUpError = { rawData?: { authkit_redirect_url?: unknown }; cause?: StepUpError };

/** WorkOS's "continue here" URL on a step-up error (or a refresh error caused by one), when it gave one (http(s) only). */
export function continueUrl(error: unknown): string | undefined {
  const step = error as StepUpError | null;
  const url = step?.rawData?.authkit_redirect_url ?? step?.cause?.rawData?.authkit_redirect_url;
  return typeof url === 'string' && /^https?:\/\//i.test(url) ? url : undefined;
}

/** Wraps a refresh failure in a `TokenRefreshError` with a message safe to log. */
export function toTokenRefreshError(error: unknown, context: { userId?: string; sessionId?: string }): TokenRefreshError {
  const isTransient = !isTerminalRefreshError(error);
  const verdict = isTransient ? 'temporary, a retry may succeed' : 'rejected by WorkOS';
  return new TokenRefreshError(`Session refresh failed (${describeError(error)}): ${verdict}.`, {
    cause: error,
    isTransient,
    ...context,
  });
}
