/** The route table: WorkOS's paths at the root, the emulator's own under `/_emulator`. */
import { json } from '../http.js';
import { FAVICON, FAVICON_TYPE } from '../pages/layout.js';
import { organizationJson, userJson } from '../resources.js';
import { type Route, FAVICON_PATH, isControlRoute, routeKey } from '../router.js';
import type { Runtime } from '../runtime.js';
import { deleteApiKey, listOrganizationApiKeys, postOrganizationApiKey, postValidation } from './api-keys.js';
import { postAuthenticate } from './authenticate.js';
import { getAuthorize, postAuthorize } from './authorize.js';
import { controlHandlers as control } from './control.js';
import {
  byExternalId,
  getMembership,
  getOrganization,
  getUser,
  listMemberships,
  listOrganizations,
  listUsers,
} from './directory.js';
import {
  changeTarget,
  getFlag,
  getSnapshot,
  listFlags,
  listOrganizationFlags,
  listUserFlags,
  setFlagEnabled,
} from './feature-flags.js';
import { listEvents } from './events.js';
import { getImpersonate, postImpersonate } from './impersonate.js';
import {
  getInvitation,
  getInvitationByToken,
  invitationStep,
  listInvitations,
  postInvitation,
} from './invitations.js';
import { getInvite } from './invite.js';
import { deleteMembershipRoute, postMembership, putMembership, setMembershipActive } from './memberships.js';
import { deleteOrganizationRoute, postOrganization, putOrganization } from './organizations.js';
import { getLogout, listUserSessions, postRevoke } from './sessions.js';
import { getStepUp, postStepUp } from './step-up.js';
import { deleteUserRoute, postUser, putUser } from './users.js';

function getJwks(request: { params: Record<string, string> }, runtime: Runtime) {
  if (request.params.clientId !== runtime.clientId) {
    return json(404, { message: `Unknown client '${request.params.clientId}'.`, code: 'entity_not_found' });
  }
  return json(200, { keys: runtime.keys.publicJwks });
}

export const ROUTES: readonly Route[] = [
  { method: 'GET', path: '/health', handler: () => json(200, { status: 'ok' }) },
  { method: 'GET', path: FAVICON_PATH, handler: () => ({ status: 200, headers: { 'Content-Type': FAVICON_TYPE }, body: FAVICON }) },
  { method: 'GET', path: '/user_management/authorize', handler: getAuthorize },
  { method: 'POST', path: '/user_management/authorize', form: 'authorize', handler: postAuthorize },
  { method: 'POST', path: '/user_management/authenticate', auth: 'optional-api-key', handler: postAuthenticate },
  { method: 'GET', path: '/sso/jwks/:clientId', handler: getJwks },
  { method: 'GET', path: '/user_management/sessions/logout', handler: getLogout },
  { method: 'POST', path: '/user_management/sessions/revoke', auth: 'api-key', handler: postRevoke },
  { method: 'GET', path: '/user_management/users', auth: 'api-key', handler: listUsers },
  { method: 'POST', path: '/user_management/users', auth: 'api-key', handler: postUser },
  { method: 'GET', path: '/user_management/users/external_id/:externalId', auth: 'api-key', handler: byExternalId('User', (runtime) => runtime.store.users.values(), userJson) },
  { method: 'GET', path: '/user_management/users/:id', auth: 'api-key', handler: getUser },
  { method: 'PUT', path: '/user_management/users/:id', auth: 'api-key', handler: putUser },
  { method: 'DELETE', path: '/user_management/users/:id', auth: 'api-key', handler: deleteUserRoute },
  { method: 'GET', path: '/user_management/users/:id/sessions', auth: 'api-key', handler: listUserSessions },
  { method: 'GET', path: '/invite', handler: getInvite },
  { method: 'POST', path: '/user_management/invitations', auth: 'api-key', handler: postInvitation },
  { method: 'GET', path: '/user_management/invitations', auth: 'api-key', handler: listInvitations },
  { method: 'GET', path: '/user_management/invitations/by_token/:token', auth: 'api-key', handler: getInvitationByToken },
  { method: 'GET', path: '/user_management/invitations/:id', auth: 'api-key', handler: getInvitation },
  { method: 'POST', path: '/user_management/invitations/:id/revoke', auth: 'api-key', handler: invitationStep('revoke') },
  { method: 'POST', path: '/user_management/invitations/:id/resend', auth: 'api-key', handler: invitationStep('resend') },
  { method: 'POST', path: '/user_management/invitations/:id/accept', auth: 'api-key', handler: invitationStep('accept') },
  { method: 'GET', path: '/user_management/organization_memberships', auth: 'api-key', handler: listMemberships },
  { method: 'POST', path: '/user_management/organization_memberships', auth: 'api-key', handler: postMembership },
  { method: 'GET', path: '/user_management/organization_memberships/:id', auth: 'api-key', handler: getMembership },
  { method: 'PUT', path: '/user_management/organization_memberships/:id', auth: 'api-key', handler: putMembership },
  { method: 'DELETE', path: '/user_management/organization_memberships/:id', auth: 'api-key', handler: deleteMembershipRoute },
  { method: 'PUT', path: '/user_management/organization_memberships/:id/deactivate', auth: 'api-key', handler: setMembershipActive(false) },
  { method: 'PUT', path: '/user_management/organization_memberships/:id/reactivate', auth: 'api-key', handler: setMembershipActive(true) },
  { method: 'GET', path: '/organizations', auth: 'api-key', handler: listOrganizations },
  { method: 'POST', path: '/organizations', auth: 'api-key', handler: postOrganization },
  { method: 'GET', path: '/organizations/external_id/:externalId', auth: 'api-key', handler: byExternalId('Organization', (runtime) => runtime.store.organizations.values(), organizationJson) },
  { method: 'GET', path: '/organizations/:id', auth: 'api-key', handler: getOrganization },
  { method: 'PUT', path: '/organizations/:id', auth: 'api-key', handler: putOrganization },
  { method: 'DELETE', path: '/organizations/:id', auth: 'api-key', handler: deleteOrganizationRoute },
  { method: 'POST', path: '/api_keys/validations', auth: 'api-key', handler: postValidation },
  { method: 'DELETE', path: '/api_keys/:id', auth: 'api-key', handler: deleteApiKey },
  { method: 'GET', path: '/organizations/:id/api_keys', auth: 'api-key', handler: listOrganizationApiKeys },
  { method: 'POST', path: '/organizations/:id/api_keys', auth: 'api-key', handler: postOrganizationApiKey },
  { method: 'GET', path: '/sdk/feature-flags', auth: 'api-key', handler: getSnapshot },
  { method: 'GET', path: '/feature-flags', auth: 'api-key', handler: listFlags },
  { method: 'GET', path: '/feature-flags/:slug', auth: 'api-key', handler: getFlag },
  { method: 'PUT', path: '/feature-flags/:slug/enable', auth: 'api-key', handler: setFlagEnabled(true) },
  { method: 'PUT', path: '/feature-flags/:slug/disable', auth: 'api-key', handler: setFlagEnabled(false) },
  { method: 'POST', path: '/feature-flags/:slug/targets/:targetId', auth: 'api-key', handler: changeTarget(true) },
  { method: 'DELETE', path: '/feature-flags/:slug/targets/:targetId', auth: 'api-key', handler: changeTarget(false) },
  { method: 'GET', path: '/organizations/:id/feature-flags', auth: 'api-key', handler: listOrganizationFlags },
  { method: 'GET', path: '/user_management/users/:id/feature-flags', auth: 'api-key', handler: listUserFlags },
  { method: 'GET', path: '/events', auth: 'api-key', handler: listEvents },
  { method: 'GET', path: '/_emulator', handler: control.index },
  { method: 'GET', path: '/_emulator/counters', handler: control.counters },
  { method: 'DELETE', path: '/_emulator/counters', handler: control.clearCounters },
  { method: 'GET', path: '/_emulator/faults', handler: control.faults },
  { method: 'POST', path: '/_emulator/faults', handler: control.addFault },
  { method: 'DELETE', path: '/_emulator/faults', handler: control.clearFaults },
  { method: 'GET', path: '/_emulator/config', handler: control.config },
  { method: 'PATCH', path: '/_emulator/config', handler: control.updateConfig },
  { method: 'POST', path: '/_emulator/config', handler: control.updateConfig },
  { method: 'GET', path: '/_emulator/sessions', handler: control.sessions },
  { method: 'POST', path: '/_emulator/sessions', handler: control.createSession },
  { method: 'GET', path: '/_emulator/invitations', handler: control.invitations },
  { method: 'GET', path: '/_emulator/keys', handler: control.keys },
  { method: 'POST', path: '/_emulator/keys/rotate', handler: control.rotateKey },
  { method: 'POST', path: '/_emulator/keys/retire', handler: control.retireKeys },
  { method: 'PATCH', path: '/_emulator/memberships/:id', handler: control.updateMembership },
  { method: 'DELETE', path: '/_emulator/memberships/:id', handler: control.removeMembership },
  { method: 'GET', path: '/_emulator/feature-flags', handler: control.featureFlags },
  { method: 'PATCH', path: '/_emulator/feature-flags/:slug', handler: control.updateFeatureFlag },
  { method: 'GET', path: '/_emulator/api-keys', handler: control.apiKeys },
  { method: 'POST', path: '/_emulator/api-keys', handler: control.createApiKey },
  { method: 'DELETE', path: '/_emulator/api-keys/:id', handler: control.revokeApiKey },
  { method: 'GET', path: '/_emulator/webhooks', handler: control.webhooks },
  { method: 'PUT', path: '/_emulator/webhooks', handler: control.setWebhooks },
  { method: 'POST', path: '/_emulator/reset', handler: control.reset },
  { method: 'GET', path: '/_emulator/impersonate', handler: getImpersonate },
  { method: 'POST', path: '/_emulator/impersonate', form: 'impersonate', handler: postImpersonate },
  { method: 'GET', path: '/_emulator/step-up/:token', handler: getStepUp },
  { method: 'POST', path: '/_emulator/step-up/:token', form: 'step-up', handler: postStepUp },
];

/** Route keys that counters and faults apply to (everything outside `/_emulator`). */
export const ENDPOINTS: readonly string[] = ROUTES.filter((route) => !isControlRoute(route)).map(routeKey);
