/** Seed validation for what apps check at run time: API keys (`api_keys`). */
import type { ApiKeyRecord, OrganizationRecord, UserRecord } from './records.js';
import { EPOCH, unique } from './seed-records.js';
import { type Issues, arrayItems, objectAt, optionalString, optionalStringArray, requiredString } from './validate.js';

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
