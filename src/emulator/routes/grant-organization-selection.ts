/**
 * The `urn:workos:oauth:grant-type:organization-selection` grant: finishes a sign-in that answered
 * `organization_selection_required` (see the hosted page's "Let the app choose").
 */
import { apiError, oauthError } from '../http.js';
import type { Runtime } from '../runtime.js';
import { deviceFromGrant } from '../session-json.js';
import { mintResponse, startSession, stepUpError, stepUpNeeded } from '../sessions.js';
import type { AuthenticateResponseJson } from '../types.js';
import { type Client, type GrantParams, requireParam } from './grant-params.js';

export function selectOrganization(runtime: Runtime, params: GrantParams, client: Client): AuthenticateResponseJson {
  const token = requireParam(params, 'pending_authentication_token');
  const organizationId = requireParam(params, 'organization_id');
  const pending = runtime.store.pending.get(token);
  if (
    !pending ||
    pending.kind !== 'organization_selection_required' ||
    pending.expiresAt < Date.now() ||
    pending.clientId !== client.id
  ) {
    throw apiError(400, 'invalid_pending_authentication_token', 'The pending authentication token is invalid or has expired.');
  }
  const org = runtime.store.organizations.get(organizationId);
  if (!org || !runtime.store.activeMembership(pending.userId, organizationId)) {
    throw oauthError(400, 'invalid_grant', `The user is not a member of organization '${organizationId}'.`);
  }
  const { userId, clientId, method, impersonator, authTime } = pending;
  const device = deviceFromGrant(params, pending.device);
  const auth = { userId, clientId, method, authTime, organizationId, ...(impersonator ? { impersonator } : {}), ...(device ? { device } : {}) };
  const stepUp = stepUpNeeded(org);
  if (stepUp) throw stepUpError(runtime, stepUp, auth);
  runtime.store.pending.delete(token);
  return mintResponse(runtime, startSession(runtime, auth));
}
