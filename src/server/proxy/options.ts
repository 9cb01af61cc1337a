import 'server-only';
/** Options of `authkit()` and `authkitProxy()`/`authkitMiddleware()` (the reference's names). */
import type { NextRequest } from 'next/server';
import type { ScreenHint } from '../../shared/constants.js';
import type { Impersonator, User } from '../../shared/types.js';

export interface AuthkitRefreshSuccess {
  accessToken: string;
  user: User;
  impersonator?: Impersonator;
  organizationId?: string;
}

export interface AuthkitRefreshError {
  error: unknown;
  /** The request whose refresh failed. */
  request: NextRequest;
  /** True when WorkOS could not be reached or was overloaded: the session was kept. */
  isTransient: boolean;
}

export interface AuthkitOptions {
  /** Log decisions (never tokens or cookie values). @default false */
  debug?: boolean;
  /** The auth route's URL, when it must be dynamic (preview deployments). @default NEXT_PUBLIC_WORKOS_REDIRECT_URI */
  redirectUri?: string;
  /** The screen AuthKit shows first in `authorizationUrl`. @default 'sign-in' */
  screenHint?: ScreenHint;
  /** Paths whose sign-in uses the sign-up screen (forwarded to `withAuth({ ensureSignedIn })`). @default [] */
  signUpPaths?: string[];
  /** Hand the access token to the client on document requests (a JS-readable cookie, 30 s). @default false */
  eagerAuth?: boolean;
  /** Refresh this many seconds before expiry; 0 disables proactive refresh. @default 60, or 30 for tokens living ≤ 300 s */
  refreshBufferSeconds?: number;
  /** Awaited after a successful refresh; an error in it is logged and ignored. */
  onSessionRefreshSuccess?: (data: AuthkitRefreshSuccess) => void | Promise<void>;
  /** Awaited after a failed refresh; an error in it is logged and ignored. */
  onSessionRefreshError?: (data: AuthkitRefreshError) => void | Promise<void>;
}

export interface AuthkitMiddlewareAuth {
  /** Require a session on every matched path except `unauthenticatedPaths`. @default false */
  enabled: boolean;
  /** Paths that stay public, in Next.js matcher syntax (e.g. '/blog/:path*'). @default [] */
  unauthenticatedPaths: string[];
}

export interface AuthkitMiddlewareOptions extends Omit<AuthkitOptions, 'screenHint'> {
  /** Protected-by-default mode. @default { enabled: false, unauthenticatedPaths: [] } */
  middlewareAuth?: AuthkitMiddlewareAuth;
}
