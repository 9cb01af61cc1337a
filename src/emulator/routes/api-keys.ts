/** API keys over the WorkOS API: validation (what apps call), and an organisation's keys (list, create, delete). */
import { apiError, json, jsonBody, notFound, type EmuRequest, type Reply } from '../http.js';
import { apiKeyJson, issueApiKey, findAndTouchApiKey } from '../api-keys.js';
import { paginate, parseListQuery } from '../paginate.js';
import type { Runtime } from '../runtime.js';

function required(field: string): never {
  throw apiError(422, 'invalid_request_parameters', `The ${field} field is required.`, { errors: [{ field, code: 'required' }] });
}

/** `POST /api_keys/validations` `{ value }` → `{ api_key }`, or `{ api_key: null }` for an unknown or revoked key. */
export function postValidation(request: EmuRequest, runtime: Runtime): Reply {
  const { value } = jsonBody(request);
  if (typeof value !== 'string' || value === '') required('value');
  const key = findAndTouchApiKey(runtime, value);
  return json(200, { api_key: key ? apiKeyJson(key) : null });
}

/** `DELETE /api_keys/:id`: 204; the key no longer validates. */
export function deleteApiKey(request: EmuRequest, runtime: Runtime): Reply {
  const id = request.params.id!;
  if (!runtime.store.apiKeys.delete(id)) throw notFound('API key', id);
  return { status: 204, headers: {}, body: '' };
}

function organizationOf(request: EmuRequest, runtime: Runtime): string {
  const id = request.params.id!;
  if (!runtime.store.organizations.has(id)) throw notFound('Organization', id);
  return id;
}

/** `GET /organizations/:id/api_keys`: the organisation's keys (obfuscated), paginated. */
export function listOrganizationApiKeys(request: EmuRequest, runtime: Runtime): Reply {
  const organizationId = organizationOf(request, runtime);
  const keys = [...runtime.store.apiKeys.values()].filter((key) => key.organization_id === organizationId);
  return json(200, paginate(keys, parseListQuery(request.url), (key) => apiKeyJson(key)));
}

/** `POST /organizations/:id/api_keys` `{ name, permissions? }`: 201 with the key and, this once, its `value`. */
export function postOrganizationApiKey(request: EmuRequest, runtime: Runtime): Reply {
  const organizationId = organizationOf(request, runtime);
  const { name, permissions } = jsonBody(request);
  if (typeof name !== 'string' || name.trim() === '') required('name');
  if (permissions !== undefined && !(Array.isArray(permissions) && permissions.every((slug) => typeof slug === 'string'))) {
    throw apiError(422, 'invalid_request_parameters', 'permissions must be a list of permission slugs.', {
      errors: [{ field: 'permissions', code: 'invalid' }],
    });
  }
  const key = issueApiKey(runtime, { organizationId, name, ...(permissions ? { permissions: permissions as string[] } : {}) });
  return json(201, apiKeyJson(key, true));
}
