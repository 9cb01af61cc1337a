/** In-memory state: the seed data (copied, so sign-ups and sign-in times vanish on reset) and the
 * runtime records (codes, sessions, refresh tokens, pending authentications, step-ups, impersonations
 * and invitations). */
import type {
  ApiKeyRecord,
  CodeRecord,
  FeatureFlagRecord,
  InvitationRecord,
  MembershipRecord,
  NormalizedSeed,
  OrganizationRecord,
  PendingAuthentication,
  PendingImpersonation,
  PendingStepUp,
  RefreshRecord,
  RoleRecord,
  SessionRecord,
  UserRecord,
} from './records.js';
import type { MembershipStatus } from './types.js';

export class Store {
  readonly users = new Map<string, UserRecord>();
  readonly organizations = new Map<string, OrganizationRecord>();
  readonly roles = new Map<string, RoleRecord>();
  memberships: MembershipRecord[] = [];
  readonly apiKeys = new Map<string, ApiKeyRecord>();
  /** By slug. */
  readonly featureFlags = new Map<string, FeatureFlagRecord>();
  readonly codes = new Map<string, CodeRecord>();
  readonly sessions = new Map<string, SessionRecord>();
  readonly refreshTokens = new Map<string, RefreshRecord>();
  readonly pending = new Map<string, PendingAuthentication>();
  readonly impersonations = new Map<string, PendingImpersonation>();
  readonly stepUps = new Map<string, PendingStepUp>();
  readonly invitations = new Map<string, InvitationRecord>();

  constructor(readonly seed: NormalizedSeed) {
    this.reset();
  }

  reset(): void {
    const copy = structuredClone(this.seed);
    for (const map of [this.users, this.organizations, this.roles, this.apiKeys, this.featureFlags, this.codes, this.sessions]) map.clear();
    for (const map of [this.refreshTokens, this.pending, this.impersonations, this.stepUps, this.invitations]) map.clear();
    for (const user of copy.users) this.users.set(user.id, user);
    for (const org of copy.organizations) this.organizations.set(org.id, org);
    for (const role of copy.roles) this.roles.set(role.slug, role);
    for (const key of copy.apiKeys) this.apiKeys.set(key.id, key);
    for (const flag of copy.featureFlags) this.featureFlags.set(flag.slug, flag);
    this.memberships = copy.memberships;
  }

  userByEmail(email: string): UserRecord | undefined {
    const wanted = email.trim().toLowerCase();
    return [...this.users.values()].find((user) => user.email.toLowerCase() === wanted);
  }

  membershipsOf(userId: string, statuses: readonly MembershipStatus[] = ['active']): MembershipRecord[] {
    return this.memberships.filter((m) => m.user_id === userId && statuses.includes(m.status));
  }

  activeMembership(userId: string, organizationId: string | undefined): MembershipRecord | undefined {
    if (!organizationId) return undefined;
    return this.membershipsOf(userId).find((m) => m.organization_id === organizationId);
  }

  /** A live (not ended) session, or undefined. */
  liveSession(sessionId: string): SessionRecord | undefined {
    const session = this.sessions.get(sessionId);
    return session && session.endedAt === undefined ? session : undefined;
  }
}
