/** API keys over the WorkOS API: validation (what apps call), and an organisation's keys (list, create, delete). */
import { apiKeyJson, issueApiKey, findAndTouchApiKey } from '../api-keys.js';
import { apiBody } from '../api-body.js';
import { json, notFound, type EmuRequest, type Reply } from '../http.js';
import { paginate, parseListQuery } from '../paginate.js';
import type { Runtime } from '../runtime.js';

/** `POST /api_keys/validations` `{ value }` → `{ api_key }`, or `{ api_key: null }` for an unknown or revoked key. */
export function postValidation(request: EmuRequest, runtime: Runtime): Reply {
  const value = apiBody(request).requiredString('value');
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
  const body = apiBody(request);
  const name = body.requiredString('name');
  const permissions = body.strings('permissions');
  const key = issueApiKey(runtime, { organizationId, name, ...(permissions ? { permissions } : {}) });
  return json(201, apiKeyJson(key, true));
}
