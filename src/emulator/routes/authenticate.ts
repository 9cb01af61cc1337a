/**
 * `POST /user_management/authenticate`: one endpoint for every grant, dispatched on `grant_type`.
 * Errors are OAuth-shaped (`{error, error_description}` → the SDK's `OauthException`) or step-up
 * shaped (403 → `AuthenticationException`). No state changes unless the grant succeeds.
 */
import { json, oauthError, parseBody, type EmuRequest, type Reply } from '../http.js';
import type { Runtime } from '../runtime.js';
import { exchangeCode } from './grant-code.js';
import { selectOrganization } from './grant-organization-selection.js';
import { type Client, type GrantParams, requireParam } from './grant-params.js';
import { refresh } from './grant-refresh.js';

export const ORGANIZATION_SELECTION_GRANT = 'urn:workos:oauth:grant-type:organization-selection';

function authenticateClient(runtime: Runtime, params: GrantParams): Client {
  const id = requireParam(params, 'client_id');
  if (id !== runtime.clientId) throw oauthError(400, 'invalid_client', `Unknown client_id '${id}'.`);
  const secret = params.client_secret;
  if (secret !== undefined && secret !== runtime.apiKey) {
    throw oauthError(400, 'invalid_client', 'Invalid client_secret.');
  }
  return { id, confidential: secret !== undefined };
}

export function postAuthenticate(request: EmuRequest, runtime: Runtime): Reply {
  const body = parseBody(request);
  if (!body.ok) throw oauthError(400, 'invalid_request', body.reason);
  const params = body.value;
  const grant = requireParam(params, 'grant_type');
  const client = authenticateClient(runtime, params);
  switch (grant) {
    case 'authorization_code':
      return json(200, exchangeCode(runtime, params, client));
    case 'refresh_token':
      return refresh(runtime, params, client);
    case ORGANIZATION_SELECTION_GRANT:
      return json(200, selectOrganization(runtime, params, client));
    default:
      throw oauthError(400, 'unsupported_grant_type', `The grant_type '${grant}' is not supported by the emulator.`);
  }
}
