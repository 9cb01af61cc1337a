/**
 * Public data shapes, shared by the server API, both component faces and the actions.
 * Names and fields follow `@workos-inc/authkit-nextjs` so apps can switch by changing the import.
 */
import type { AuthenticationResponse, Impersonator, OauthTokens, User } from '@workos-inc/node';

export type { Impersonator, OauthTokens, User };

/** The authentication methods WorkOS reports (`authentication_method`). */
export type AuthenticationMethod = NonNullable<AuthenticationResponse['authenticationMethod']>;

/** What the session cookie holds (sealed with iron-session); the reference package's shape. */
export interface Session {
  accessToken: string;
  refreshToken: string;
  user: User;
  impersonator?: Impersonator;
  authenticationMethod?: AuthenticationMethod;
}

/** The claims WorkOS puts in an access token. */
export interface AccessToken {
  iss?: string;
  sub: string;
  sid: string;
  jti?: string;
  org_id?: string;
  role?: string;
  roles?: string[];
  permissions?: string[];
  entitlements?: string[];
  feature_flags?: string[];
  act?: { sub: string };
  auth_time?: number;
  iat?: number;
  exp?: number;
}

/** A signed-in request: what `withAuth()` returns. */
export interface UserInfo {
  user: User;
  sessionId: string;
  organizationId?: string;
  role?: string;
  roles?: string[];
  permissions?: string[];
  entitlements?: string[];
  featureFlags?: string[];
  impersonator?: Impersonator;
  accessToken: string;
  /**
   * True while WorkOS cannot refresh the session (an outage): the access token has expired, the
   * session is served from its verified claims for a bounded grace period (`WORKOS_OUTAGE_GRACE_SECONDS`)
   * and refreshed as soon as WorkOS answers. Absent otherwise.
   */
  stale?: true;
}

/** A signed-out request: `user` is null and every other field is undefined. */
export interface NoUserInfo {
  user: null;
  sessionId?: undefined;
  organizationId?: undefined;
  role?: undefined;
  roles?: undefined;
  permissions?: undefined;
  entitlements?: undefined;
  featureFlags?: undefined;
  impersonator?: undefined;
  accessToken?: undefined;
  stale?: undefined;
}

/** `UserInfo` without the access token: what may cross to the browser. */
export type RedactedUserInfo = Omit<UserInfo, 'accessToken'>;

/** The client's view of the session (never carries tokens). */
export type ClientAuth = RedactedUserInfo | Omit<NoUserInfo, 'accessToken'>;

/**
 * What a provider may be seeded with: the redacted session, also typed the reference's way,
 * `Omit<UserInfo | NoUserInfo, 'accessToken'>` (the same data, less precisely typed).
 */
export type InitialAuth = ClientAuth | Omit<UserInfo | NoUserInfo, 'accessToken'>;

/**
 * Conditions a gate or `has()` can check. All given conditions must hold.
 * - `role`: the session's role is this one (or it is among `roles`).
 * - `roles`: the session has at least one of these roles.
 * - `permission`, `entitlement`, `featureFlag`: the token grants it.
 * - `organizationId`: the session is scoped to this organisation.
 * - `condition`: any predicate over the signed-in info.
 */
export interface AuthConditions {
  role?: string;
  roles?: readonly string[];
  permission?: string;
  entitlement?: string;
  featureFlag?: string;
  organizationId?: string;
  condition?: (auth: RedactedUserInfo) => boolean;
}

/** Options for `getSignInUrl` / `getSignUpUrl` (the reference's names). */
export interface GetAuthURLOptions {
  /** Same-origin path to return to after signing in. */
  returnTo?: string;
  organizationId?: string;
  loginHint?: string;
  /** A custom string handed back to `handleAuth`'s `onSuccess` as `state` (sealed in the link; valid for a day and replayable within it: no secrets). */
  state?: string;
  prompt?: 'consent' | 'login' | 'none' | (string & {});
  redirectUri?: string;
  /** OIDC `max_age` in seconds: force re-authentication if the last sign-in is older. */
  maxAge?: number;
  /** Accept this invitation while signing in (`invitation_token` from the invitation's link). */
  invitationToken?: string;
}

/** The data `handleAuth`'s `onSuccess` receives (the reference's shape). */
export interface HandleAuthSuccessData {
  accessToken: string;
  refreshToken: string;
  user: User;
  impersonator?: Impersonator;
  oauthTokens?: OauthTokens;
  authenticationMethod?: AuthenticationMethod;
  organizationId?: string;
  /** The custom `state` passed to `getSignInUrl`/`getSignUpUrl`. */
  state?: string;
}

/** One of the signed-in user's active organisation memberships (`listOrganizationMemberships()`). */
export interface OrganizationChoice {
  /** The organisation's id (`org_…`). */
  id: string;
  name: string;
  /** The user's role slug in that organisation. */
  role?: string;
  /** True for the organisation the session is currently scoped to. */
  current: boolean;
}

/**
 * The session cookie's attributes (the reference's shape): HttpOnly, `Path=/`, `Secure` on https
 * (always with SameSite=None), SameSite from `WORKOS_COOKIE_SAMESITE`, Max-Age from
 * `WORKOS_COOKIE_MAX_AGE` (400 days by default), Domain from `WORKOS_COOKIE_DOMAIN`.
 */
export interface CookieOptions {
  path: '/';
  httpOnly: true;
  secure: boolean;
  sameSite: 'lax' | 'strict' | 'none';
  maxAge: number;
  domain: string | undefined;
}

/**
 * An AuthKit authorization URL and the sealed OAuth state that goes with it (the reference's
 * `getAuthorizationUrl` result). The kit keeps its sign-in start inside the `handleAuth` route, so
 * no public function returns this; the type is here for code written against the reference.
 */
export interface GetAuthURLResult {
  url: string;
  sealedState: string;
}

/** Options of `switchToOrganization` (server) and `useAuth().switchToOrganization` (client). */
export interface SwitchToOrganizationOptions {
  /** Where to go afterwards (same-origin path). @default the current page */
  returnTo?: string;
  /**
   * What to revalidate after switching; with anything but 'none' the browser is then sent to
   * `returnTo`. @default 'path' on the server; on the client 'path' with `returnTo`, else 'none'
   */
  revalidationStrategy?: 'none' | 'tag' | 'path';
  /** The cache tags to revalidate with `revalidationStrategy: 'tag'`. @default [] */
  revalidationTags?: string[];
}
