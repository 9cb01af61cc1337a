/**
 * `authkit-rsc`: the server API (proxy/middleware, callback, withAuth, sign-in/up URLs, sign-out,
 * refresh, organisation switch). Server-only: importing it into a client component fails the build.
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
export { handleAuth } from './callback/handle-auth.js';
export type { HandleAuthOptions, OrganizationSelectionData } from './callback/options.js';
export { StateSchema } from './callback/state-schema.js';
export type { State, StateIssue, StateStandardSchema } from './callback/state-schema.js';
export { has, withAuth } from './auth/with-auth.js';
export { getSignInUrl, getSignUpUrl } from './auth/sign-in-url.js';
export { signOut } from './auth/sign-out.js';
export type { SignOutOptions } from './auth/sign-out.js';
export { withFreshAuth } from './auth/with-fresh-auth.js';
export type { FreshAuthOptions } from './auth/with-fresh-auth.js';
export { refreshSession } from './auth/refresh-session.js';
export type { RefreshSessionOptions } from './auth/refresh-session.js';
export { switchToOrganization } from './auth/switch-organization.js';
export type { SwitchToOrganizationOptions } from './auth/switch-organization.js';
export { saveSession } from './auth/save-session.js';
export { checkRecentAuth, getTokenClaims } from './auth/token-claims.js';
export { listOrganizationMemberships } from './auth/memberships.js';
export { organizationCacheTag, userCacheTag } from './next-cache.js';
export { listOrganizationMembers } from './organizations/members.js';
export { listOrganizationInvitations } from './organizations/invitations.js';
export { listUserSessions } from './organizations/user-sessions.js';
export { getOrganizationSelection } from './organizations/selection.js';
export { defaultOrganizationMessages } from '../shared/organization-messages.js';
export type { OrganizationMessages, OrganizationMessagesInput } from '../shared/organization-messages.js';
export type {
  Notice, NoticeCode, NoticeScope, OfferedOrganization, OrganizationInvitation, OrganizationMember, PendingOrganizationSelection, UserSessionInfo,
} from '../shared/organization-types.js';
export { validateApiKey } from './auth/validate-api-key.js';
export { getFeatureFlagsRuntimeClient } from './auth/feature-flags.js';
export { getWorkOS } from './auth/get-workos.js';
export { handleWorkOSEvents } from './auth/handle-workos-events.js';
export type { HandleWorkOSEventsOptions } from './auth/handle-workos-events.js';
export { pollWorkOSEvents } from './auth/poll-workos-events.js';
export type { PollWorkOSEventsOptions, WorkOSEventsPoller } from './auth/poll-workos-events.js';
export { setSessionStore } from './root/store-choice.js';
export type { SessionStoreFactory } from './root/store-choice.js';
export { createRedisStore } from './redis/redis-store.js';
export type { RedisSessionStore, RedisStoreOptions } from './redis/redis-store.js';
export type { EndedSessionStore, EventCursorStore, Membership, MembershipStore, RefreshStore, SessionStore, VerifiedSessionCache } from './store/session-store.js';

export { AuthKitError, AuthKitConfigError, CallbackError, TokenRefreshError, isAuthKitError } from '../shared/errors.js';
export type {
  AuthKitErrorCode, AuthKitErrorOptions, CallbackErrorCode, CallbackErrorContext, TokenRefreshErrorContext, TokenRefreshErrorOptions,
} from '../shared/errors.js';
export type {
  AccessToken, AuthConditions, AuthenticationMethod, ClientAuth, CookieOptions, GetAuthURLOptions, GetAuthURLResult, HandleAuthSuccessData,
  Impersonator, NoUserInfo, OauthTokens, OrganizationChoice, RedactedUserInfo, Session, User, UserInfo,
} from '../shared/types.js';
