/**
 * API keys the emulator issues to organisations (or to a user within one), for apps that accept
 * them from their own callers and check them with `workos.apiKeys.createValidation({ value })`
 * (`validateApiKey()` in the kit). Seeded (`api_keys`), created through the control surface or
 * the SDK's `createOrganizationApiKey` (the secret value is returned once), and revoked by deleting
 * them. They never open the emulator's own API: only the data's `api_key` does that.
 */
import type { ApiKeyRecord } from './records.js';
import type { Runtime } from './runtime.js';
import { newId, randomSecret } from './tokens.js';
import { InputError, Issues, objectAt, optionalString, optionalStringArray, requiredString } from './validate.js';

/** `sk_…abcd`: what WorkOS shows instead of the secret. */
function obfuscate(value: string): string {
  return `${value.slice(0, 3)}…${value.slice(-4)}`;
}

/** The WorkOS `api_key` object; `withValue` only in the answer that creates it. */
export function apiKeyJson(key: ApiKeyRecord, withValue = false): Record<string, unknown> {
  const owner = key.user_id
    ? { type: 'user', id: key.user_id, organization_id: key.organization_id }
    : { type: 'organization', id: key.organization_id };
  return {
    object: 'api_key',
    id: key.id,
    owner,
    name: key.name,
    obfuscated_value: obfuscate(key.value),
    ...(withValue ? { value: key.value } : {}),
    last_used_at: key.last_used_at,
    permissions: key.permissions,
    created_at: key.created_at,
    updated_at: key.updated_at,
  };
}

/** The key with this secret, marked as used now; undefined for an unknown or revoked one. */
export function findAndTouchApiKey(runtime: Runtime, value: string): ApiKeyRecord | undefined {
  const key = [...runtime.store.apiKeys.values()].find((candidate) => candidate.value === value);
  if (key) key.last_used_at = new Date().toISOString();
  return key;
}

export interface NewApiKey {
  organizationId: string;
  name: string;
  permissions?: string[];
  userId?: string;
  value?: string;
}

export function issueApiKey(runtime: Runtime, input: NewApiKey): ApiKeyRecord {
  const now = new Date().toISOString();
  const key: ApiKeyRecord = {
    id: newId('api_key'),
    name: input.name,
    value: input.value ?? `sk_${randomSecret()}`,
    organization_id: input.organizationId,
    user_id: input.userId ?? null,
    permissions: input.permissions ?? [],
    last_used_at: null,
    created_at: now,
    updated_at: now,
  };
  runtime.store.apiKeys.set(key.id, key);
  return key;
}

/** `POST /_emulator/api-keys` `{ organization_id, name?, permissions?, user_id?, value? }`: the new key, its value included. */
export function createApiKey(runtime: Runtime, input: unknown): Record<string, unknown> {
  const { store } = runtime;
  const issues = new Issues();
  const raw = objectAt(issues, '', input, ['organization_id', 'name', 'permissions', 'user_id', 'value']) ?? {};
  const organizationId = requiredString(issues, 'organization_id', raw.organization_id);
  if (organizationId && !store.organizations.has(organizationId)) issues.add('organization_id', `unknown organization '${organizationId}'`);
  const userId = optionalString(issues, 'user_id', raw.user_id) ?? undefined;
  if (userId && !store.users.has(userId)) issues.add('user_id', `unknown user '${userId}'`);
  const value = optionalString(issues, 'value', raw.value) ?? undefined;
  if (value !== undefined) valueProblems(runtime, value).forEach((problem) => issues.add('value', problem));
  const permissions = optionalStringArray(issues, 'permissions', raw.permissions);
  const name = optionalString(issues, 'name', raw.name) || 'Emulator API key';
  issues.assert();
  const key = issueApiKey(runtime, { organizationId, name, ...(permissions ? { permissions } : {}), ...(userId ? { userId } : {}), ...(value ? { value } : {}) });
  return apiKeyJson(key, true);
}

/** What is wrong with a chosen secret: empty, already taken, or the emulator's own API key. */
export function valueProblems(runtime: Pick<Runtime, 'apiKey' | 'store'>, value: string): string[] {
  if (value.trim() === '') return ['expected a non-empty string'];
  if (value === runtime.apiKey) return ["must differ from the emulator's own api_key"];
  if ([...runtime.store.apiKeys.values()].some((key) => key.value === value)) return ['another API key has this value'];
  return [];
}

/** Revokes (deletes) a key: validating its value gives `{ api_key: null }` from now on. */
export function revokeApiKey(runtime: Runtime, id: string): { id: string; deleted: true } {
  if (!runtime.store.apiKeys.delete(id)) throw new InputError(`id: unknown API key '${id}'`);
  return { id, deleted: true };
}
