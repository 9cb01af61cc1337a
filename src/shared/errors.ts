/**
 * Every error the kit throws is an `AuthKitError` with a stable `code`, so callers branch on the
 * code rather than on message text. Subclasses exist only where callers need extra fields.
 * Messages never contain a token, a cookie value or a secret.
 */
export type AuthKitErrorCode =
  | 'config_invalid'
  | 'missing_auth_params'
  | 'missing_pkce_cookie'
  | 'oauth_state_mismatch'
  | 'missing_tokens'
  | 'authentication_failed'
  | 'authorization_error'
  | 'token_refresh_failed'
  | 'session_unavailable'
  | 'not_signed_in'
  | 'forbidden'
  | 'invalid_argument'
  | 'provider_missing'
  | 'session_in_cache_scope';

/** The base class of every error the kit throws. */
export class AuthKitError extends Error {
  override readonly name: string = 'AuthKitError';
  readonly code: AuthKitErrorCode;
  readonly data: Record<string, unknown> | undefined;

  constructor(code: AuthKitErrorCode, message: string, options?: { cause?: unknown; data?: Record<string, unknown> }) {
    super(message, options?.cause === undefined ? undefined : { cause: options.cause });
    this.code = code;
    this.data = options?.data;
  }
}

/**
 * A missing or invalid setting. The message names the variable (or option), what is wrong with it
 * and how to fix it; it never echoes a secret.
 */
export class AuthKitConfigError extends AuthKitError {
  override readonly name = 'AuthKitConfigError';
  /** The environment variable or option at fault, e.g. `WORKOS_COOKIE_PASSWORD`. */
  readonly variable: string;

  constructor(variable: string, message: string) {
    super('config_invalid', `${variable}: ${message}`);
    this.variable = variable;
  }
}

/** The codes a sign-in callback can fail with (the reference package's set plus ours). */
export type CallbackErrorCode =
  | 'missing_auth_params'
  | 'missing_pkce_cookie'
  | 'oauth_state_mismatch'
  | 'missing_tokens'
  | 'authentication_failed'
  | 'authorization_error';

/** Context about a failed callback that is safe to log: no code, state or token values. */
export interface CallbackErrorContext {
  path?: string;
  userAgent?: string;
  hasCode?: boolean;
  hasState?: boolean;
  /** The OAuth `error` parameter WorkOS sent back, when it sent one. */
  oauthError?: string;
}

/** A sign-in callback that could not complete. */
export class CallbackError extends AuthKitError {
  override readonly name = 'CallbackError';
  declare readonly code: CallbackErrorCode;
  readonly context: CallbackErrorContext;

  constructor(code: CallbackErrorCode, message: string, context: CallbackErrorContext = {}, cause?: unknown) {
    super(code, message, { cause, data: { ...context } });
    this.context = context;
  }

  get path() { return this.context.path; }
  get userAgent() { return this.context.userAgent; }
  get hasCode() { return this.context.hasCode; }
  get hasState() { return this.context.hasState; }
}

/** A session refresh that failed. `isTransient` is true when retrying later may succeed. */
export class TokenRefreshError extends AuthKitError {
  override readonly name = 'TokenRefreshError';
  readonly userId: string | undefined;
  readonly sessionId: string | undefined;
  readonly isTransient: boolean;

  constructor(
    message: string,
    options: { cause?: unknown; userId?: string; sessionId?: string; isTransient: boolean },
  ) {
    super('token_refresh_failed', message, { cause: options.cause });
    this.userId = options.userId;
    this.sessionId = options.sessionId;
    this.isTransient = options.isTransient;
  }
}

/** True for any error thrown by the kit. */
export function isAuthKitError(value: unknown): value is AuthKitError {
  return value instanceof AuthKitError;
}
