/** Per-collection validation and defaulting of seed data (users, organisations, memberships, roles). */
import type { MembershipRecord, OrganizationRecord, RoleRecord, UserRecord } from './records.js';
import type { MembershipStatus } from './types.js';
import {
  type Issues,
  arrayItems,
  objectAt,
  optionalBoolean,
  optionalString,
  optionalStringArray,
  optionalStringRecord,
  requiredString,
} from './validate.js';

export const EPOCH = '2025-01-01T00:00:00.000Z';
const STATUSES: MembershipStatus[] = ['active', 'inactive', 'pending'];

/** Reports a repeated value of `field` (ids, emails, slugs) at the later item. */
export function unique<T>(issues: Issues, items: [T, string][], field: string, key: (item: T) => string, label = field): void {
  const seen = new Set<string>();
  for (const [item, path] of items) {
    const value = key(item).toLowerCase();
    if (value && seen.has(value)) issues.add(`${path}.${field}`, `duplicate ${label} '${key(item)}'`);
    seen.add(value);
  }
}

export function normalizeRoles(issues: Issues, value: unknown): RoleRecord[] {
  const roles = arrayItems(issues, 'roles', value).map(([item, path]): [RoleRecord, string] => {
    const raw = objectAt(issues, path, item, ['slug', 'name', 'permissions']) ?? {};
    const slug = requiredString(issues, `${path}.slug`, raw.slug);
    const name = optionalString(issues, `${path}.name`, raw.name) ?? slug;
    return [{ slug, name, permissions: optionalStringArray(issues, `${path}.permissions`, raw.permissions) ?? [] }, path];
  });
  unique(issues, roles, 'slug', (role) => role.slug, 'role slug');
  return roles.map(([role]) => role);
}

export function normalizeUsers(issues: Issues, value: unknown): UserRecord[] {
  const users = arrayItems(issues, 'users', value, true).map(([item, path]): [UserRecord, string] => {
    const raw =
      objectAt(issues, path, item, [
        'id', 'email', 'first_name', 'last_name', 'email_verified', 'profile_picture_url',
        'locale', 'external_id', 'metadata', 'created_at',
      ]) ?? {};
    const email = requiredString(issues, `${path}.email`, raw.email);
    if (email && !email.includes('@')) issues.add(`${path}.email`, `expected an email address (got '${email}')`);
    const created = optionalString(issues, `${path}.created_at`, raw.created_at) ?? EPOCH;
    const user: UserRecord = {
      id: requiredString(issues, `${path}.id`, raw.id),
      email,
      first_name: optionalString(issues, `${path}.first_name`, raw.first_name) ?? null,
      last_name: optionalString(issues, `${path}.last_name`, raw.last_name) ?? null,
      email_verified: optionalBoolean(issues, `${path}.email_verified`, raw.email_verified) ?? true,
      profile_picture_url: optionalString(issues, `${path}.profile_picture_url`, raw.profile_picture_url) ?? null,
      locale: optionalString(issues, `${path}.locale`, raw.locale) ?? null,
      external_id: optionalString(issues, `${path}.external_id`, raw.external_id) ?? null,
      metadata: optionalStringRecord(issues, `${path}.metadata`, raw.metadata) ?? {},
      last_sign_in_at: null,
      created_at: created,
      updated_at: created,
    };
    return [user, path];
  });
  unique(issues, users, 'id', (user) => user.id);
  unique(issues, users, 'email', (user) => user.email);
  return users.map(([user]) => user);
}

export function normalizeOrganizations(issues: Issues, value: unknown): OrganizationRecord[] {
  const orgs = arrayItems(issues, 'organizations', value).map(([item, path]): [OrganizationRecord, string] => {
    const raw =
      objectAt(issues, path, item, [
        'id', 'name', 'domains', 'entitlements', 'feature_flags', 'require_sso', 'require_mfa',
        'external_id', 'metadata', 'created_at',
      ]) ?? {};
    const created = optionalString(issues, `${path}.created_at`, raw.created_at) ?? EPOCH;
    const id = requiredString(issues, `${path}.id`, raw.id);
    const org: OrganizationRecord = {
      id,
      name: requiredString(issues, `${path}.name`, raw.name),
      domains: (optionalStringArray(issues, `${path}.domains`, raw.domains) ?? []).map((domain, index) => ({
        id: `org_domain_${id.replace(/^org_/, '')}_${index + 1}`,
        domain,
        state: 'verified' as const,
      })),
      entitlements: optionalStringArray(issues, `${path}.entitlements`, raw.entitlements) ?? [],
      feature_flags: optionalStringArray(issues, `${path}.feature_flags`, raw.feature_flags) ?? [],
      require_sso: optionalBoolean(issues, `${path}.require_sso`, raw.require_sso) ?? false,
      require_mfa: optionalBoolean(issues, `${path}.require_mfa`, raw.require_mfa) ?? false,
      external_id: optionalString(issues, `${path}.external_id`, raw.external_id) ?? null,
      metadata: optionalStringRecord(issues, `${path}.metadata`, raw.metadata) ?? {},
      stripe_customer_id: null,
      created_at: created,
      updated_at: created,
    };
    return [org, path];
  });
  unique(issues, orgs, 'id', (org) => org.id);
  return orgs.map(([org]) => org);
}

interface Known {
  users: UserRecord[];
  organizations: OrganizationRecord[];
  roles: RoleRecord[];
}

export function normalizeMemberships(issues: Issues, value: unknown, known: Known): MembershipRecord[] {
  const refs = (path: string, label: string, id: string, list: { id?: string; slug?: string }[]) => {
    if (id && !list.some((entry) => (entry.id ?? entry.slug) === id)) issues.add(path, `unknown ${label} '${id}'`);
  };
  const memberships = arrayItems(issues, 'memberships', value).map(([item, path]): [MembershipRecord, string] => {
    const raw =
      objectAt(issues, path, item, ['id', 'user_id', 'organization_id', 'role', 'roles', 'status', 'created_at']) ?? {};
    const membership = membershipFrom(issues, path, raw);
    refs(`${path}.user_id`, 'user', membership.user_id, known.users);
    refs(`${path}.organization_id`, 'organization', membership.organization_id, known.organizations);
    refs(`${path}.role`, 'role', membership.role, known.roles);
    if (Array.isArray(raw.roles)) {
      raw.roles.forEach((slug, index) => refs(`${path}.roles[${index}]`, 'role', String(slug), known.roles));
    }
    return [membership, path];
  });
  unique(issues, memberships, 'id', (m) => m.id);
  unique(issues, memberships, 'organization_id', (m) => `${m.user_id} ${m.organization_id}`, 'user_id + organization_id pair');
  return memberships.map(([membership]) => membership);
}

function membershipFrom(issues: Issues, path: string, raw: Record<string, unknown>): MembershipRecord {
  const role = requiredString(issues, `${path}.role`, raw.role);
  const extra = optionalStringArray(issues, `${path}.roles`, raw.roles) ?? [];
  const status = raw.status ?? 'active';
  if (!STATUSES.includes(status as MembershipStatus)) {
    issues.add(`${path}.status`, `expected one of ${STATUSES.join(', ')} (got ${JSON.stringify(status)})`);
  }
  const created = optionalString(issues, `${path}.created_at`, raw.created_at) ?? EPOCH;
  return {
    id: requiredString(issues, `${path}.id`, raw.id),
    user_id: requiredString(issues, `${path}.user_id`, raw.user_id),
    organization_id: requiredString(issues, `${path}.organization_id`, raw.organization_id),
    role,
    roles: [role, ...extra.filter((slug) => slug !== role)].filter(Boolean),
    status: status as MembershipStatus,
    created_at: created,
    updated_at: created,
  };
}
