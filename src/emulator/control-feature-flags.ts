/**
 * `PATCH /_emulator/feature-flags/:slug`: turn a flag on or off, change its default, or replace
 * the organisations and users it targets, while the emulator runs (what the WorkOS dashboard does).
 * An unknown slug creates the flag. The runtime client sees the change at its next poll; access
 * tokens at their next refresh.
 */
import { featureFlagControlJson } from './feature-flags.js';
import type { FeatureFlagRecord } from './records.js';
import type { Runtime } from './runtime.js';
import { Issues, objectAt, optionalBoolean, optionalString, optionalStringArray } from './validate.js';

const FIELDS = ['enabled', 'default_value', 'organization_ids', 'user_ids', 'name', 'description', 'tags'];

/** A flag with defaults: enabled, off unless targeted. */
export function newFeatureFlag(slug: string, createdAt: string): FeatureFlagRecord {
  return {
    id: `flag_${slug}`,
    slug,
    name: slug,
    description: '',
    tags: [],
    enabled: true,
    default_value: false,
    organization_ids: [],
    user_ids: [],
    created_at: createdAt,
    updated_at: createdAt,
  };
}

/** Reports ids in `ids` that are not in `known`, at `path[index]`. */
export function unknownIds(issues: Issues, path: string, label: string, ids: readonly string[], known: (id: string) => boolean): void {
  ids.forEach((id, index) => {
    if (!known(id)) issues.add(`${path}[${index}]`, `unknown ${label} '${id}'`);
  });
}

export function updateFeatureFlag(runtime: Runtime, slug: string, patch: unknown): Record<string, unknown> {
  const { store } = runtime;
  const issues = new Issues();
  const raw = objectAt(issues, '', patch, FIELDS) ?? {};
  if (slug.trim() === '') issues.add('slug', 'expected a non-empty flag slug');
  const enabled = optionalBoolean(issues, 'enabled', raw.enabled);
  const defaultValue = optionalBoolean(issues, 'default_value', raw.default_value);
  const organizationIds = optionalStringArray(issues, 'organization_ids', raw.organization_ids);
  const userIds = optionalStringArray(issues, 'user_ids', raw.user_ids);
  unknownIds(issues, 'organization_ids', 'organization', organizationIds ?? [], (id) => store.organizations.has(id));
  unknownIds(issues, 'user_ids', 'user', userIds ?? [], (id) => store.users.has(id));
  const name = optionalString(issues, 'name', raw.name) ?? undefined;
  const description = optionalString(issues, 'description', raw.description) ?? undefined;
  const tags = optionalStringArray(issues, 'tags', raw.tags);
  issues.assert();
  const now = new Date().toISOString();
  const flag = store.featureFlags.get(slug) ?? newFeatureFlag(slug, now);
  if (enabled !== undefined) flag.enabled = enabled;
  if (defaultValue !== undefined) flag.default_value = defaultValue;
  if (organizationIds) flag.organization_ids = [...new Set(organizationIds)];
  if (userIds) flag.user_ids = [...new Set(userIds)];
  if (name !== undefined) flag.name = name;
  if (description !== undefined) flag.description = description;
  if (tags) flag.tags = tags;
  flag.updated_at = now;
  store.featureFlags.set(slug, flag);
  return featureFlagControlJson(flag);
}
