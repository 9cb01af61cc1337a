/**
 * `authkit-rsc`: the server API (proxy/middleware, callback, withAuth, sign-in/up URLs, sign-out,
 * refresh, organisation switch). Server-only: importing it into a client component fails the build.
 */
import 'server-only';

export { AuthKitError, AuthKitConfigError, CallbackError, TokenRefreshError, isAuthKitError } from '../shared/errors.js';
export type { AuthKitErrorCode, CallbackErrorCode, CallbackErrorContext } from '../shared/errors.js';
export type {
  AccessToken, AuthConditions, AuthenticationMethod, ClientAuth, GetAuthURLOptions, HandleAuthSuccessData,
  Impersonator, NoUserInfo, OauthTokens, RedactedUserInfo, Session, User, UserInfo,
} from '../shared/types.js';
