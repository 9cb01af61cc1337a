/** Public types of the control surface (`/_emulator/` over HTTP, `emulator.control` in process). */

export type FaultStatus = 408 | 429 | 500 | 502 | 503 | 504;

/** Body of `POST /_emulator/faults`: what happens to the next `times` calls of `endpoint`. */
export interface FaultInput {
  /** A route key such as `POST /user_management/authenticate`. */
  endpoint: string;
  /** @default 1 */
  times?: number;
  status?: FaultStatus;
  /** Seconds sent in `Retry-After` (with `status`). @default 1 for 429, none otherwise */
  retry_after?: number;
  latency_ms?: number;
  /** Destroy the connection without a response. */
  drop?: boolean;
  /** `after`: handle the request (state changes happen) and then fail the response. @default 'before' */
  when?: 'before' | 'after';
}

export interface FaultInfo extends Required<Pick<FaultInput, 'endpoint' | 'drop' | 'when'>> {
  id: string;
  remaining: number;
  status?: FaultStatus;
  retry_after?: number;
  latency_ms?: number;
}

export interface RuntimeConfig {
  access_token_ttl_seconds: number;
  refresh_grace_seconds: number;
  /**
   * Whether an SSO/MFA step-up answer on a refresh carries `authkit_redirect_url`. WorkOS does not
   * promise it, so apps must handle both; turn it off to test the path without it. @default true
   */
  step_up_redirect: boolean;
}

export interface ImpersonatorJson {
  email: string;
  reason: string | null;
}

/** Body of `POST /_emulator/sessions`; the overrides stick to the session across refreshes. */
export interface CreateSessionInput {
  user_id?: string;
  email?: string;
  organization_id?: string;
  role?: string;
  roles?: string[];
  permissions?: string[];
  entitlements?: string[];
  feature_flags?: string[];
  impersonator?: { email: string; reason?: string | null };
  /** Access-token lifetime for this session, in seconds. */
  expires_in?: number;
  authentication_method?: string;
  /** The session's recorded address. @default '127.0.0.1' */
  ip_address?: string;
  /** The session's recorded user agent. @default 'authkit-emulator (minted session)' */
  user_agent?: string;
}

/** The JSON `POST /user_management/authenticate` answers with. */
export interface AuthenticateResponseJson {
  user: Record<string, unknown>;
  organization_id?: string;
  access_token: string;
  refresh_token: string;
  authentication_method?: string;
  impersonator?: ImpersonatorJson;
}

/** The signing keys: `current_kid` signs new tokens; `kids` are all published in the JWKS, current first. */
export interface KeysInfo {
  current_kid: string;
  kids: string[];
}

/** Body of `PATCH /_emulator/memberships/:id`: at least one of the two. */
export interface MembershipPatch {
  status?: 'active' | 'inactive' | 'pending';
  /** A role slug; it becomes the membership's only role. */
  role?: string;
}

/** Body of `PATCH /_emulator/feature-flags/:slug` (an unknown slug creates the flag: enabled, default off). */
export interface FeatureFlagPatch {
  /** Off for everyone when false. */
  enabled?: boolean;
  /** The answer for users and organisations no target names. */
  default_value?: boolean;
  /** Replaces the organisations the flag is on for. */
  organization_ids?: string[];
  /** Replaces the users the flag is on for. */
  user_ids?: string[];
  name?: string;
  description?: string;
  tags?: string[];
}

/** Body of `POST /_emulator/api-keys`. */
export interface ApiKeyInput {
  organization_id: string;
  /** @default 'Emulator API key' */
  name?: string;
  permissions?: string[];
  /** A user's key within the organisation (owner type `user`). */
  user_id?: string;
  /** The secret; generated (`sk_…`) when omitted. */
  value?: string;
}

/** Body of `PUT /_emulator/webhooks`: where events are POSTed; `url: null` stops sending. */
export interface WebhookInput {
  url: string | null;
  /** The endpoint's signing secret (required with a URL). */
  secret?: string;
  /** Waits between attempts, in ms (at most 5 entries, each up to 60000). @default [250, 1000, 4000] */
  retry_delays_ms?: number[];
}

/** The webhook settings as the control surface shows them (never the secret). */
export interface WebhookSettings {
  url: string | null;
  secret_set: boolean;
  retry_delays_ms: number[];
}

/** One event's delivery: each attempt's HTTP status (null when no answer came). */
export interface WebhookDelivery {
  event_id: string;
  event: string;
  url: string;
  state: 'pending' | 'delivered' | 'failed';
  attempts: { at: string; status: number | null; error?: string }[];
}

/** Which records a control list returns (`?email=` / `?user_id=` over HTTP); empty means all. */
export interface ListFilter {
  email?: string;
  /** Sessions only. */
  user_id?: string;
}

/** In-process twin of the `/_emulator/` HTTP control surface. */
export interface EmulatorControl {
  counters(): Record<string, number>;
  resetCounters(): void;
  injectFault(fault: FaultInput): FaultInfo;
  faults(): FaultInfo[];
  clearFaults(): void;
  config(): RuntimeConfig;
  setConfig(patch: Partial<RuntimeConfig>): RuntimeConfig;
  createSession(input: CreateSessionInput): Promise<AuthenticateResponseJson>;
  /** The signing keys. */
  keys(): KeysInfo;
  /** Generates a new signing key (new `kid`): both are published, new tokens are signed with the new one. Persisted in the key file. */
  rotateKey(): KeysInfo;
  /** Drops every key but the current one from the JWKS. Persisted in the key file. */
  retireKeys(): KeysInfo;
  /** Changes a membership's status or role; answers it in the WorkOS list shape (snake_case). */
  updateMembership(id: string, patch: MembershipPatch): Record<string, unknown>;
  /** Removes a membership. */
  removeMembership(id: string): { id: string; deleted: true };
  /** The feature flags: the WorkOS `feature_flag` object plus `organization_ids` and `user_ids`. */
  featureFlags(): Record<string, unknown>[];
  /** Turns a flag on or off, changes its default or replaces its targets (creates an unknown slug); answers it as `featureFlags()` does. */
  updateFeatureFlag(slug: string, patch: FeatureFlagPatch): Record<string, unknown>;
  /** The API keys in the WorkOS `api_key` shape (secrets obfuscated). */
  apiKeys(): Record<string, unknown>[];
  /** Issues an API key; the answer carries its secret `value` (the only time it is shown). */
  createApiKey(input: ApiKeyInput): Record<string, unknown>;
  /** Revokes (deletes) an API key: validating it answers `{ api_key: null }` from now on. */
  revokeApiKey(id: string): { id: string; deleted: true };
  /** Invitations in the WorkOS shape, `token` and `accept_invitation_url` included, newest first. */
  invitations(filter?: ListFilter): Record<string, unknown>[];
  /** Sessions in the WorkOS `session` shape (ended ones too, `status: "revoked"`), newest first. */
  sessions(filter?: ListFilter): Record<string, unknown>[];
  /** Where webhooks go, and the deliveries so far (oldest first). */
  webhooks(): { webhooks: WebhookSettings; deliveries: WebhookDelivery[] };
  /** Points webhooks at a URL with a secret, or stops them (`url: null`). */
  setWebhooks(input: WebhookInput): WebhookSettings;
  /** Resolves once every delivery under way has succeeded or given up; answers as `webhooks()`. */
  settleWebhooks(): Promise<{ webhooks: WebhookSettings; deliveries: WebhookDelivery[] }>;
  /**
   * Back to the seed data and startup config: clears sessions, codes, invitations, events, webhook
   * deliveries, counters and faults, and points webhooks where the options did (the signing keys stay).
   */
  reset(): void;
  /** The route keys counters and faults use. */
  endpoints(): string[];
}
