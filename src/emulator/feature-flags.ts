/**
 * Feature flags and their targeting, evaluated exactly as the SDK's runtime client evaluates the
 * `/sdk/feature-flags` snapshot: a disabled flag is off for everyone; an enabled one is on for the
 * users and organisations it targets, and `default_value` for everyone else. The access token's
 * `feature_flags` claim uses the same rule for the session's user and organisation, so a toggle
 * shows up in the runtime client at its next poll and in the claims at the next refresh.
 */
import type { FeatureFlagRecord } from './records.js';
import type { Store } from './store.js';

export function flagEnabledFor(flag: FeatureFlagRecord, context: { userId?: string | undefined; organizationId?: string | undefined }): boolean {
  if (!flag.enabled) return false;
  if (context.userId && flag.user_ids.includes(context.userId)) return true;
  if (context.organizationId && flag.organization_ids.includes(context.organizationId)) return true;
  return flag.default_value;
}

/** The slugs on for this user in this organisation (the `feature_flags` claim). */
export function enabledFlagSlugs(store: Store, userId: string, organizationId: string | undefined): string[] {
  return [...store.featureFlags.values()].filter((flag) => flagEnabledFor(flag, { userId, organizationId })).map((flag) => flag.slug);
}

/** `GET /sdk/feature-flags`: every flag by slug, with its targets, in the shape the runtime client stores. */
export function pollSnapshot(store: Store): Record<string, unknown> {
  const targets = (ids: string[]) => ids.map((id) => ({ id, enabled: true }));
  return Object.fromEntries(
    [...store.featureFlags.values()].map((flag) => [
      flag.slug,
      {
        slug: flag.slug,
        enabled: flag.enabled,
        default_value: flag.default_value,
        targets: { users: targets(flag.user_ids), organizations: targets(flag.organization_ids) },
      },
    ]),
  );
}

/** The WorkOS `feature_flag` object. */
export function featureFlagJson(flag: FeatureFlagRecord): Record<string, unknown> {
  return {
    object: 'feature_flag',
    id: flag.id,
    name: flag.name,
    slug: flag.slug,
    description: flag.description,
    tags: flag.tags,
    enabled: flag.enabled,
    default_value: flag.default_value,
    created_at: flag.created_at,
    updated_at: flag.updated_at,
  };
}

/** The control surface's view: the WorkOS object plus its targets. */
export function featureFlagControlJson(flag: FeatureFlagRecord): Record<string, unknown> {
  return { ...featureFlagJson(flag), organization_ids: [...flag.organization_ids], user_ids: [...flag.user_ids] };
}
