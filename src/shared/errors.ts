/**
 * Every error the kit throws for a failure it reports is an `AuthKitError` with a stable `code`,
 * so callers branch on the code rather than on message text.
 * Subclasses exist only where callers need extra fields. Caller misuse (an argument of the wrong
 * kind) throws a plain `TypeError`, as jose and the platform do. Messages never contain a token,
 * a cookie value or a secret.
 */

const CALLBACK_ERROR_CODES = [
  'missing_auth_params',
  'missing_pkce_cookie',
  'oauth_state_mismatch',
  'missing_tokens',
  'authentication_failed',
  'authorization_error',
] as const;

/** The codes a sign-in callback can fail with (the reference package's four plus ours). */
export type CallbackErrorCode = (typeof CALLBACK_ERROR_CODES)[number];

/** Every code an `AuthKitError` carries; each is thrown somewhere in the kit. */
export type AuthKitErrorCode =
  | CallbackErrorCode
  /** A setting is missing or invalid (`AuthKitConfigError`). */
  | 'config_invalid'
  /** A refresh failed (`TokenRefreshError`; `isTransient` says whether the session is kept). */
  | 'token_refresh_failed'
  /** WorkOS answered with something the kit cannot use (an access token that is not a JWT). */
  | 'workos_response_invalid'
  /** A client hook or twin rendered outside `<AuthKitProvider>`. */
  | 'provider_missing'
  /** An organization component (server only) rendered in a client component. */
  | 'server_component_only'
  /** `withAuth()` (or a gate) called inside a `'use cache'` scope, which cannot see the request. */
  | 'session_in_cache_scope'
  /** An AuthKitError built the reference package's way (`new AuthKitError(message, cause?, data?)`). */
  | 'unknown';

/** The options of the coded form: `new AuthKitError(code, message, { cause, data })`. */
export interface AuthKitErrorOptions {
  cause?: unknown;
  /** Extra context that is safe to log (never a token, cookie or secret). */
  data?: Record<string, unknown>;
}

/**
 * The base class of every error the kit reports. Two call forms: the kit's own,
 * `new AuthKitError(code, message, options?)`, and the reference package's,
 * `new AuthKitError(message, cause?, data?)` (its code is then `'unknown'`).
 *
 * @example
 * if (error instanceof AuthKitError && error.code === 'session_in_cache_scope') console.error(error.message);
 */
export class AuthKitError extends Error {
  override readonly name: string = 'AuthKitError';
  // Declared, not initialised fields: the constructor sets both (and field declarations cost
  // bytes in the client bundle).
  declare readonly code: AuthKitErrorCode;
  declare readonly data: Record<string, unknown> | undefined;

  constructor(code: AuthKitErrorCode, message: string, options?: AuthKitErrorOptions);
  constructor(message: string, cause?: unknown, data?: Record<string, unknown>);
  constructor(first: string, second?: unknown, third?: unknown) {
    // The coded form: a snake_case code, then a message; anything else is the reference's form.
    // (A pattern, not the list of codes: this class is in the client bundle, where bytes count.)
    const coded = typeof second == 'string' && /^[a-z_]+$/.test(first);
    const cause = coded ? (third as AuthKitErrorOptions | undefined)?.cause : second;
    // A falsy cause (undefined, null, '') carries nothing: no `cause` property then.
    super(coded ? second : first, cause ? { cause } : undefined);
    this.code = (coded ? first : 'unknown') as AuthKitErrorCode;
    this.data = (coded ? (third as AuthKitErrorOptions | undefined)?.data : third) as Record<string, unknown> | undefined;
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

const isCallbackErrorCode = (value: unknown): value is CallbackErrorCode =>
  (CALLBACK_ERROR_CODES as readonly unknown[]).includes(value);

/** Context about a failed callback that is safe to log: no code, state or token values. */
export interface CallbackErrorContext {
  path?: string;
  userAgent?: string;
  hasCode?: boolean;
  hasState?: boolean;
  /** The OAuth `error` parameter WorkOS sent back, when it sent one. */
  oauthError?: string;
}

/**
 * A sign-in callback that could not complete. Two call forms: the kit's,
 * `new CallbackError(code, message, context?, cause?)`, and the reference package's,
 * `new CallbackError(message, code, context?)`.
 *
 * @example
 * handleAuth({ onError: ({ error }) => error instanceof CallbackError && error.code === 'missing_pkce_cookie' ? … : … });
 */
export class CallbackError extends AuthKitError {
  override readonly name = 'CallbackError';
  declare readonly code: CallbackErrorCode;
  // The context is stored once, as `data`; the fields below read it.
  declare readonly data: CallbackErrorContext & Record<string, unknown>;

  constructor(code: CallbackErrorCode, message: string, context?: CallbackErrorContext, cause?: unknown);
  constructor(message: string, code: CallbackErrorCode, context?: CallbackErrorContext);
  constructor(first: string, second: string, context: CallbackErrorContext = {}, cause?: unknown) {
    const referenceForm = isCallbackErrorCode(second) && !isCallbackErrorCode(first);
    super(referenceForm ? second : (first as CallbackErrorCode), referenceForm ? first : second, { cause, data: { ...context } });
  }

  /** What was known about the failed request (safe to log). */
  get context(): CallbackErrorContext { return this.data; }
  get path() { return this.data.path; }
  get userAgent() { return this.data.userAgent; }
  get hasCode() { return this.data.hasCode; }
  get hasState() { return this.data.hasState; }
}

/** Who the failed refresh was for, and whether a retry may succeed (the reference's context). */
export interface TokenRefreshErrorContext {
  userId?: string;
  sessionId?: string;
  /** True when the failure was transient (network, 408, 429, 5xx): the session is still valid. @default false */
  isTransient?: boolean;
}

/** The kit's form: the context and the cause in one object, `isTransient` required. */
export interface TokenRefreshErrorOptions extends TokenRefreshErrorContext {
  cause?: unknown;
  isTransient: boolean;
}

// The kit's options object: a plain object whose `isTransient` is a boolean (a reference-form
// cause is an error, not a plain object).
const isRefreshOptions = (value: unknown): value is TokenRefreshErrorOptions =>
  typeof value === 'object' && value !== null && Object.getPrototypeOf(value) === Object.prototype &&
  typeof (value as { isTransient?: unknown }).isTransient === 'boolean';

/**
 * A session refresh that failed; `isTransient` is true when retrying later may succeed. Two call
 * forms: the kit's, `new TokenRefreshError(message, { cause?, userId?, sessionId?, isTransient })`,
 * and the reference package's, `new TokenRefreshError(message, cause?, context?)`.
 *
 * @example
 * if (error instanceof TokenRefreshError && error.isTransient) return retryLater();
 */
export class TokenRefreshError extends AuthKitError {
  override readonly name = 'TokenRefreshError';
  readonly userId: string | undefined;
  readonly sessionId: string | undefined;
  readonly isTransient: boolean;

  constructor(message: string, options: TokenRefreshErrorOptions);
  constructor(message: string, cause?: unknown, context?: TokenRefreshErrorContext);
  constructor(message: string, second?: unknown, context?: TokenRefreshErrorContext) {
    const options = context === undefined && isRefreshOptions(second) ? second : { ...context, cause: second };
    super('token_refresh_failed', message, { cause: options.cause });
    this.userId = options.userId;
    this.sessionId = options.sessionId;
    this.isTransient = options.isTransient ?? false;
  }
}

/** True for any error thrown by the kit. */
export function isAuthKitError(value: unknown): value is AuthKitError {
  return value instanceof AuthKitError;
}
