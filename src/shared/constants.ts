/**
 * Names that cross module boundaries: cookies, forwarded request headers and the auth route's
 * query parameters (docs/internals.md §2–§4). Code and tests use exactly these.
 */

/** The session cookie's default name (`WORKOS_COOKIE_NAME` overrides it). */
export const DEFAULT_SESSION_COOKIE_NAME = 'wos-session';

/** The local emulator's client id and API key (`npx authkit-emulator`): never right in production. */
export const EMULATOR_CLIENT_ID = 'client_emulator';
export const EMULATOR_API_KEY = 'sk_test_emulator';

/** Prefix of the per-flow PKCE/state cookie: `wos-auth-verifier-<hash>`. */
export const PKCE_COOKIE_PREFIX = 'wos-auth-verifier';

/** The cookie `eagerAuth` writes for the client token store (JS-readable, 30 s). */
export const EAGER_ACCESS_TOKEN_COOKIE = 'workos-access-token';

/** A sealed value longer than this is split into `<name>.0`, `<name>.1`, … chunks. */
export const COOKIE_CHUNK_SIZE = 3800;

/** More chunks than this is not a session we wrote: the cookie reads as invalid. */
export const MAX_COOKIE_CHUNKS = 16;

/** 400 days, the longest lifetime browsers accept; the tokens bound the session, not the cookie. */
export const DEFAULT_COOKIE_MAX_AGE_SECONDS = 400 * 24 * 60 * 60;

/** How long a user's listed memberships serve display (the store's and Next's data cache) before WorkOS is asked again. */
export const MEMBERSHIPS_TTL_MS = 30_000;

/** How long a sign-in flow (PKCE verifier + state) stays valid. */
export const SIGN_IN_FLOW_TTL_SECONDS = 600;

/** Request headers the proxy sets for the render (incoming copies are always stripped). */
export const FORWARDED_HEADERS = {
  url: 'x-authkit-url',
  redirectUri: 'x-authkit-redirect-uri',
  signUpPaths: 'x-authkit-sign-up-paths',
} as const;

/** Header prefixes that only the proxy may set on a forwarded request. */
export const RESERVED_HEADER_PREFIXES = ['x-authkit-', 'x-workos-'] as const;

/** Query parameters of the auth route (the `handleAuth` route at the redirect URI). */
export const AUTH_ROUTE_PARAMS = {
  screenHint: 'screen_hint',
  returnTo: 'return_to',
  organizationId: 'organization_id',
  loginHint: 'login_hint',
  prompt: 'prompt',
  maxAge: 'max_age',
  customState: 'custom_state',
  invitationToken: 'invitation_token',
  refresh: 'refresh',
  /** The built-in organization picker (see ORGANIZATION_SELECTION_COOKIE). */
  organizationSelection: 'organization_selection',
} as const;

/**
 * The pending organization choice after WorkOS answered `organization_selection_required`: the
 * sealed pending authentication token, the organizations offered and the flow's return path.
 */
export const ORGANIZATION_SELECTION_COOKIE = 'wos-auth-organization-selection';

/** How long a pending organization choice stays valid (WorkOS's pending token lives 10 minutes). */
export const ORGANIZATION_SELECTION_TTL_SECONDS = 600;

/** The screen AuthKit shows first. */
export type ScreenHint = 'sign-in' | 'sign-up';
