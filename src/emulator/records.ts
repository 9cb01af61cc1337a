/** Internal, fully-defaulted records the store keeps (seed data after validation, plus runtime state). */
import type { ImpersonatorJson, MembershipStatus } from './types.js';

export interface UserRecord {
  id: string;
  email: string;
  first_name: string | null;
  last_name: string | null;
  email_verified: boolean;
  profile_picture_url: string | null;
  locale: string | null;
  external_id: string | null;
  metadata: Record<string, string>;
  last_sign_in_at: string | null;
  created_at: string;
  updated_at: string;
}

export interface OrganizationDomainRecord {
  id: string;
  domain: string;
  state: 'verified' | 'pending';
}

export interface OrganizationRecord {
  id: string;
  name: string;
  domains: OrganizationDomainRecord[];
  entitlements: string[];
  /** Seed shorthand: flags that target this organisation (merged into the feature flags at load). */
  feature_flags: string[];
  require_sso: boolean;
  require_mfa: boolean;
  external_id: string | null;
  metadata: Record<string, string>;
  stripe_customer_id: string | null;
  created_at: string;
  updated_at: string;
}

export interface MembershipRecord {
  id: string;
  user_id: string;
  organization_id: string;
  role: string;
  roles: string[];
  status: MembershipStatus;
  created_at: string;
  updated_at: string;
}

export interface RoleRecord {
  slug: string;
  name: string;
  permissions: string[];
}

/** An API key an organisation (or a user within one) holds; `value` is the secret the SDK validates. */
export interface ApiKeyRecord {
  id: string;
  name: string;
  value: string;
  organization_id: string;
  /** Set for a user's key (owner type `user`). */
  user_id: string | null;
  permissions: string[];
  last_used_at: string | null;
  created_at: string;
  updated_at: string;
}

/** A feature flag and its targeting; `enabled: false` turns it off for everyone. */
export interface FeatureFlagRecord {
  id: string;
  slug: string;
  name: string;
  description: string;
  tags: string[];
  enabled: boolean;
  /** The answer for users and organisations no target names. */
  default_value: boolean;
  organization_ids: string[];
  user_ids: string[];
  created_at: string;
  updated_at: string;
}

export interface NormalizedSeed {
  clientId: string;
  apiKey: string;
  users: UserRecord[];
  organizations: OrganizationRecord[];
  memberships: MembershipRecord[];
  roles: RoleRecord[];
  /** The role a membership gets when none is named (created over the API, or by an invitation without one). */
  defaultRole: string;
  apiKeys: ApiKeyRecord[];
  featureFlags: FeatureFlagRecord[];
  redirectPatterns: string[];
  logoutRedirectPatterns: string[];
  /** Unset: the app's root (`app-url.ts`). */
  defaultLogoutRedirect: string | undefined;
  signingKey?: JsonWebKey;
}

/** Claim overrides a control-minted session keeps across refreshes. */
export interface ClaimOverrides {
  role?: string;
  roles?: string[];
  permissions?: string[];
  entitlements?: string[];
  feature_flags?: string[];
}

/** Where a session was started: the browser on the hosted page, or what the app passed to authenticate. */
export interface Device {
  ipAddress: string | null;
  userAgent: string | null;
}

/** How the user authenticated, which org they picked, and who impersonates: carried from the
 * hosted page through the code (or pending token) into the session. */
export interface Authentication {
  userId: string;
  clientId: string;
  organizationId?: string;
  method: string;
  impersonator?: ImpersonatorJson;
  /** ms epoch of the sign-in; becomes `auth_time`. */
  authTime: number;
  device?: Device;
}

export interface CodeRecord extends Authentication {
  code: string;
  codeChallenge?: string;
  expiresAt: number;
  /** The user deferred organisation choice to the app (`organization_selection_required`). */
  selectOrganization: boolean;
}

export interface SessionRecord extends Authentication {
  id: string;
  createdAt: number;
  /** The last token issued (sign-in or refresh): the session's "last seen". */
  updatedAt: number;
  endedAt?: number;
  /** Organisations this session signed into through (emulated) SSO. */
  ssoOrganizations: Set<string>;
  mfaVerified: boolean;
  overrides: ClaimOverrides;
  expiresIn?: number;
}

export interface RefreshRecord {
  sessionId: string;
  consumedAt?: number;
  /** The exact response body of the refresh that spent this token, replayed inside the grace window. */
  successor?: string;
  /** The organisation that successor is in: a replay may not ask for another one. */
  successorOrganizationId?: string;
}

export interface PendingAuthentication extends Authentication {
  token: string;
  /** Which step this token continues; only `organization_selection` has a grant here. */
  kind: 'organization_selection_required' | StepUpKind;
  expiresAt: number;
}

export type StepUpKind = 'sso_required' | 'mfa_enrollment';

/** A refresh into an organisation refused for SSO/MFA: the browser can complete the step on the page its `authkit_redirect_url` names. */
export interface PendingStepUp {
  token: string;
  sessionId: string;
  organizationId: string;
  kind: StepUpKind;
  expiresAt: number;
}

export interface PendingImpersonation {
  impersonator: ImpersonatorJson;
  userId: string;
  organizationId?: string;
  expiresAt: number;
}

/** An invitation to sign up (to an organisation, with a role, when it names one); `expired` is derived from `expires_at`. */
export interface InvitationRecord {
  id: string;
  email: string;
  state: 'pending' | 'accepted' | 'revoked';
  accepted_at: string | null;
  revoked_at: string | null;
  expires_at: string;
  organization_id: string | null;
  inviter_user_id: string | null;
  accepted_user_id: string | null;
  role_slug: string | null;
  /** The secret in the invitation link (`invitation_token` on the authorize URL). */
  token: string;
  created_at: string;
  updated_at: string;
  /** Days from sending (or resending) to expiry. */
  expiresInDays: number;
}

/** Something that happened, as the events API and webhooks deliver it. */
export interface EventRecord {
  id: string;
  event: string;
  data: Record<string, unknown>;
  created_at: string;
  /** What the events API's `organization_id` filter matches (the object's organisation). */
  organizationId: string | null;
}
