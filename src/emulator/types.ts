/**
 * Public types of `authkit-rsc/emulator`. JSON-facing shapes (seed data, control-surface bodies)
 * use snake_case like the WorkOS wire protocol, so a data file, an HTTP control call and the
 * in-process `control` handle all take the same objects.
 */
import type { EmulatorControl } from './control-types.js';

export type * from './control-types.js';

/** A user in the seed data (the WorkOS `user` object, minus server-managed fields). */
export interface SeedUser {
  id: string;
  email: string;
  first_name?: string | null;
  last_name?: string | null;
  email_verified?: boolean;
  profile_picture_url?: string | null;
  locale?: string | null;
  external_id?: string | null;
  metadata?: Record<string, string>;
  created_at?: string;
}

/** An organisation; `require_sso` / `require_mfa` drive the step-up errors on an org switch. */
export interface SeedOrganization {
  id: string;
  name: string;
  domains?: string[];
  entitlements?: string[];
  /** Shorthand: flag slugs on for this organisation (see `SeedData.feature_flags`). */
  feature_flags?: string[];
  require_sso?: boolean;
  require_mfa?: boolean;
  external_id?: string | null;
  metadata?: Record<string, string>;
  created_at?: string;
}

export type MembershipStatus = 'active' | 'inactive' | 'pending';

/** A user's membership of an organisation; `role` is the primary role slug. */
export interface SeedMembership {
  id: string;
  user_id: string;
  organization_id: string;
  role: string;
  roles?: string[];
  status?: MembershipStatus;
  created_at?: string;
}

/** A role and the permission slugs it grants. */
export interface SeedRole {
  slug: string;
  name?: string;
  permissions?: string[];
}

/** An API key an organisation (or one of its users, with `user_id`) holds; apps validate `value` with the SDK. */
export interface SeedApiKey {
  id: string;
  name: string;
  /** The secret. Must differ from the emulator's own `api_key`. */
  value: string;
  organization_id: string;
  user_id?: string | null;
  permissions?: string[];
  created_at?: string;
}

/** A feature flag: on for the organisations and users it targets, `default_value` for everyone else (while `enabled`). */
export interface SeedFeatureFlag {
  slug: string;
  /** @default `flag_<slug>` */
  id?: string;
  name?: string;
  description?: string;
  tags?: string[];
  /** @default true */
  enabled?: boolean;
  /** @default false */
  default_value?: boolean;
  organization_ids?: string[];
  user_ids?: string[];
  created_at?: string;
}

/** The whole data set: the default one, a `--data` file, or `createEmulator({ data })`. */
export interface SeedData {
  client_id?: string;
  api_key?: string;
  users: SeedUser[];
  organizations?: SeedOrganization[];
  memberships?: SeedMembership[];
  roles?: SeedRole[];
  /** The role a membership gets when none is named (the API, invitations). @default 'member' if there is such a role, else the first role */
  default_role?: string;
  /** Feature flags with their targeting (an organisation's own `feature_flags` list targets it too). */
  feature_flags?: SeedFeatureFlag[];
  /** API keys `workos.apiKeys.createValidation({ value })` accepts. */
  api_keys?: SeedApiKey[];
  /** Allowed `redirect_uri` patterns (`*` matches anything). Default: any http://localhost or 127.0.0.1 URL. */
  redirect_uris?: string[];
  /** Allowed logout `return_to` patterns. Default: the same as `redirect_uris`. */
  logout_redirect_uris?: string[];
  /** Where logout goes without `return_to`. Default: the app's root (`appUrl`, else learned from authorize requests, else `http://localhost:3000/`). */
  default_logout_redirect_uri?: string;
  /** A private RSA JWK to sign with, instead of the persisted key file. */
  signing_key?: JsonWebKey;
}

export interface EmulatorOptions {
  /** Port to listen on; `0` picks a free one. @default 4100 */
  port?: number;
  /** Interface to bind. @default '127.0.0.1' (loopback only) */
  host?: string;
  /** Seed data, or the path of a JSON file holding it. @default the built-in data set */
  data?: SeedData | string;
  /** Access-token lifetime in seconds. @default 300 */
  accessTokenTtlSeconds?: number;
  /** How long a spent refresh token still replays its successor. @default 30 */
  refreshGraceSeconds?: number;
  /** Where the signing key is kept. @default `.authkit-emulator/signing-key.json` under the cwd */
  keyFile?: string;
  /**
   * The app's URL, e.g. `http://localhost:3005`: where logout goes without `return_to` (unless the
   * data sets `default_logout_redirect_uri`) and the impersonation page's default initiate-login URL
   * (`<appUrl>/callback`). @default learned from the `redirect_uri` of authorize requests, else `http://localhost:3000`
   */
  appUrl?: string;
  /**
   * More `Host` names to answer to, besides `localhost`, `127.0.0.1` and `[::1]` (and the bound
   * address): e.g. a Docker service name. Any other `Host` is refused (DNS-rebinding guard).
   * @default []
   */
  allowedHosts?: string[];
  /** Where to POST every event as a signed webhook (see `webhookSecret`). @default none: no webhooks */
  webhookUrl?: string;
  /** The secret webhooks are signed with (`WorkOS-Signature`); required with `webhookUrl`. */
  webhookSecret?: string;
  /** Suppress the per-request log. @default false */
  quiet?: boolean;
}

/** The env block an app needs to talk to the emulator. */
export interface EmulatorEnv {
  WORKOS_API_HOSTNAME: string;
  WORKOS_API_HTTPS: 'false';
  WORKOS_API_PORT: string;
  WORKOS_CLIENT_ID: string;
  WORKOS_API_KEY: string;
}

export interface Emulator {
  /** Base URL, e.g. `http://localhost:4100`. */
  url: string;
  port: number;
  clientId: string;
  apiKey: string;
  env: EmulatorEnv;
  control: EmulatorControl;
  close(): Promise<void>;
}
