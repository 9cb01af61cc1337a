/**
 * `authkit-rsc`: the server API (proxy/middleware, callback, withAuth, sign-in/up URLs, sign-out,
 * refresh, organisation switch). Server-only: importing it into a client component fails the build.
 */
import 'server-only';

export { authkit } from './proxy/authkit.js';
export type { AuthkitResult, AuthkitResult as AuthkitResponse } from './proxy/authkit.js';
export { authkitMiddleware, authkitProxy } from './proxy/authkit-proxy.js';
export type { AuthkitProxy } from './proxy/authkit-proxy.js';
export type {
  AuthkitMiddlewareAuth, AuthkitMiddlewareOptions, AuthkitOptions, AuthkitRefreshError, AuthkitRefreshSuccess,
} from './proxy/options.js';
export { handleAuth } from './callback/handle-auth.js';
export type { HandleAuthOptions } from './callback/options.js';
export { has, withAuth } from './auth/with-auth.js';
export { getSignInUrl, getSignUpUrl } from './auth/sign-in-url.js';
export { signOut } from './auth/sign-out.js';
export { refreshSession } from './auth/refresh-session.js';
export type { RefreshSessionOptions } from './auth/refresh-session.js';
export { switchToOrganization } from './auth/switch-organization.js';
export type { SwitchToOrganizationOptions } from './auth/switch-organization.js';
export { saveSession } from './auth/save-session.js';
export { checkRecentAuth, getTokenClaims } from './auth/token-claims.js';
export { listOrganizationMemberships } from './auth/memberships.js';
export { getWorkOS } from './workos.js';

export { AuthKitError, AuthKitConfigError, CallbackError, TokenRefreshError, isAuthKitError } from '../shared/errors.js';
export type { AuthKitErrorCode, CallbackErrorCode, CallbackErrorContext } from '../shared/errors.js';
export type {
  AccessToken, AuthConditions, AuthenticationMethod, ClientAuth, GetAuthURLOptions, HandleAuthSuccessData,
  Impersonator, NoUserInfo, OauthTokens, OrganizationChoice, RedactedUserInfo, Session, User, UserInfo,
} from '../shared/types.js';
