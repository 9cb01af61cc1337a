/** Seed validation for what apps check at run time: API keys (`api_keys`) and feature flags (`feature_flags`). */
import { newFeatureFlag, unknownIds } from './control-feature-flags.js';
import type { ApiKeyRecord, FeatureFlagRecord, OrganizationRecord, UserRecord } from './records.js';
import { EPOCH, unique } from './seed-records.js';
import {
  type Issues,
  arrayItems,
  objectAt,
  optionalBoolean,
  optionalString,
  optionalStringArray,
  requiredString,
} from './validate.js';

interface Known {
  users: UserRecord[];
  organizations: OrganizationRecord[];
  /** The emulator's own API key, which an issued key may not reuse. */
  apiKey: string;
}

const API_KEY_FIELDS = ['id', 'name', 'value', 'organization_id', 'user_id', 'permissions', 'created_at'];

export function normalizeApiKeys(issues: Issues, value: unknown, known: Known): ApiKeyRecord[] {
  const keys = arrayItems(issues, 'api_keys', value).map(([item, path]): [ApiKeyRecord, string] => {
    const raw = objectAt(issues, path, item, API_KEY_FIELDS) ?? {};
    const created = optionalString(issues, `${path}.created_at`, raw.created_at) ?? EPOCH;
    const key: ApiKeyRecord = {
      id: requiredString(issues, `${path}.id`, raw.id),
      name: requiredString(issues, `${path}.name`, raw.name),
      value: requiredString(issues, `${path}.value`, raw.value),
      organization_id: requiredString(issues, `${path}.organization_id`, raw.organization_id),
      user_id: optionalString(issues, `${path}.user_id`, raw.user_id) ?? null,
      permissions: optionalStringArray(issues, `${path}.permissions`, raw.permissions) ?? [],
      last_used_at: null,
      created_at: created,
      updated_at: created,
    };
    if (key.organization_id && !known.organizations.some((org) => org.id === key.organization_id)) {
      issues.add(`${path}.organization_id`, `unknown organization '${key.organization_id}'`);
    }
    if (key.user_id && !known.users.some((user) => user.id === key.user_id)) issues.add(`${path}.user_id`, `unknown user '${key.user_id}'`);
    if (key.value === known.apiKey) issues.add(`${path}.value`, "must differ from the emulator's own api_key");
    return [key, path];
  });
  unique(issues, keys, 'id', (key) => key.id);
  // Like unique(), but a secret is never echoed in an error.
  const values = new Set<string>();
  for (const [key, path] of keys) {
    if (values.has(key.value)) issues.add(`${path}.value`, 'the same secret as an earlier key');
    values.add(key.value);
  }
  return keys.map(([key]) => key);
}

const FLAG_FIELDS = ['slug', 'id', 'name', 'description', 'tags', 'enabled', 'default_value', 'organization_ids', 'user_ids', 'created_at'];

/**
 * `feature_flags` plus each organisation's `feature_flags` shorthand (a slug there targets that
 * organisation, creating the flag when the list has no such slug).
 */
export function normalizeFeatureFlags(issues: Issues, value: unknown, known: Omit<Known, 'apiKey'>): FeatureFlagRecord[] {
  const flags = arrayItems(issues, 'feature_flags', value).map(([item, path]): [FeatureFlagRecord, string] => {
    const raw = objectAt(issues, path, item, FLAG_FIELDS) ?? {};
    const slug = requiredString(issues, `${path}.slug`, raw.slug);
    const flag = newFeatureFlag(slug, optionalString(issues, `${path}.created_at`, raw.created_at) ?? EPOCH);
    flag.id = optionalString(issues, `${path}.id`, raw.id) ?? flag.id;
    flag.name = optionalString(issues, `${path}.name`, raw.name) ?? slug;
    flag.description = optionalString(issues, `${path}.description`, raw.description) ?? '';
    flag.tags = optionalStringArray(issues, `${path}.tags`, raw.tags) ?? [];
    flag.enabled = optionalBoolean(issues, `${path}.enabled`, raw.enabled) ?? true;
    flag.default_value = optionalBoolean(issues, `${path}.default_value`, raw.default_value) ?? false;
    flag.organization_ids = optionalStringArray(issues, `${path}.organization_ids`, raw.organization_ids) ?? [];
    flag.user_ids = optionalStringArray(issues, `${path}.user_ids`, raw.user_ids) ?? [];
    unknownIds(issues, `${path}.organization_ids`, 'organization', flag.organization_ids, (id) => known.organizations.some((org) => org.id === id));
    unknownIds(issues, `${path}.user_ids`, 'user', flag.user_ids, (id) => known.users.some((user) => user.id === id));
    return [flag, path];
  });
  unique(issues, flags, 'slug', (flag) => flag.slug);
  unique(issues, flags, 'id', (flag) => flag.id);
  const bySlug = new Map(flags.map(([flag]) => [flag.slug, flag]));
  for (const org of known.organizations) {
    for (const slug of org.feature_flags) {
      const flag = bySlug.get(slug) ?? newFeatureFlag(slug, org.created_at);
      if (!flag.organization_ids.includes(org.id)) flag.organization_ids.push(org.id);
      bySlug.set(slug, flag);
    }
  }
  return [...bySlug.values()];
}
