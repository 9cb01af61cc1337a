/**
 * `authkit-rsc` on the Edge runtime (the `edge-light` and `worker` conditions: a Next 15
 * `middleware.ts`): the proxy and what a custom proxy composes it with, and nothing that needs the
 * WorkOS SDK or Node. Sessions are refreshed through the app's auth route there (see
 * session/refresh-exchange-edge.ts). Everything else (`withAuth`, `handleAuth`, the actions) runs
 * on Node and is imported from the default entry.
 */
import 'server-only';

export { authkit } from './proxy/authkit.js';
export type { AuthkitResult, AuthkitResult as AuthkitResponse } from './proxy/authkit.js';
export { authkitMiddleware, authkitProxy } from './proxy/authkit-proxy.js';
export type { AuthkitProxy } from './proxy/authkit-proxy.js';
export {
  AUTHKIT_REQUEST_HEADERS, applyResponseHeaders, handleAuthkitHeaders, handleAuthkitProxy, isAuthkitRequestHeader, partitionAuthkitHeaders,
} from './proxy/authkit-headers.js';
export type { AuthkitHeadersResult, AuthkitRedirectStatus, AuthkitRequestHeader, HandleAuthkitHeadersOptions } from './proxy/authkit-headers.js';
export type {
  AuthkitMiddlewareAuth, AuthkitMiddlewareOptions, AuthkitOptions, AuthkitRefreshError, AuthkitRefreshSuccess,
} from './proxy/options.js';

export { setSessionStore } from './root/store-choice.js';
export type { SessionStoreFactory } from './root/store-choice.js';
export type { EndedSessionStore, Membership, MembershipStore, RefreshStore, SessionStore, VerifiedSessionCache } from './store/session-store.js';

export { AuthKitError, AuthKitConfigError, CallbackError, TokenRefreshError, isAuthKitError } from '../shared/errors.js';
export type {
  AuthKitErrorCode, AuthKitErrorOptions, CallbackErrorCode, CallbackErrorContext, TokenRefreshErrorContext, TokenRefreshErrorOptions,
} from '../shared/errors.js';
export type {
  AccessToken, AuthConditions, AuthenticationMethod, ClientAuth, CookieOptions, GetAuthURLOptions, GetAuthURLResult, HandleAuthSuccessData,
  Impersonator, NoUserInfo, OauthTokens, OrganizationChoice, RedactedUserInfo, Session, User, UserInfo,
} from '../shared/types.js';
