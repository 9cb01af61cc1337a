/**
 * `workos.organizations` writes: `POST /organizations` `{ name, domain_data?, external_id?, metadata? }`
 * (201), `PUT /organizations/:id` (the same fields, each optional, plus `stripe_customer_id`),
 * `DELETE /organizations/:id` (204).
 */
import { type ApiBody, apiBody, invalidField } from '../api-body.js';
import { json, notFound, type EmuRequest, type Reply } from '../http.js';
import { type DomainInput, type OrganizationPatch, createOrganization, deleteOrganization, updateOrganization } from '../organizations.js';
import type { OrganizationRecord } from '../records.js';
import { organizationJson } from '../resources.js';
import type { Runtime } from '../runtime.js';
import { isRecord } from '../validate.js';

const DOMAIN = /^(?=.{1,253}$)([a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z]{2,63}$/;

/** `domain_data: [{ domain, state }]` as the SDK sends it; the older `domains: [...]` means verified domains. */
function domainsOf(body: ApiBody): DomainInput[] | undefined {
  const legacy = body.strings('domains');
  const data = body.raw.domain_data;
  if (data === undefined || data === null) return legacy?.map((domain) => ({ domain: domain.toLowerCase(), state: 'verified' }));
  if (!Array.isArray(data)) throw invalidField('domain_data', 'invalid', 'domain_data must be a list of { domain, state }.');
  return data.map((item) => {
    const domain = isRecord(item) && typeof item.domain === 'string' ? item.domain.trim().toLowerCase() : '';
    const state = isRecord(item) ? (item.state ?? 'pending') : undefined;
    if (!DOMAIN.test(domain)) throw invalidField('domain_data', 'invalid_domain', `'${domain.slice(0, 100)}' is not a domain name.`);
    if (state !== 'verified' && state !== 'pending') {
      throw invalidField('domain_data', 'invalid_state', "A domain's state must be 'verified' or 'pending'.");
    }
    return { domain, state };
  });
}

function patchOf(body: ApiBody): OrganizationPatch {
  const domains = domainsOf(body);
  const externalId = body.string('external_id');
  const metadata = body.stringMap('metadata');
  const stripeCustomerId = body.string('stripe_customer_id');
  return {
    ...(body.has('name') ? { name: body.requiredString('name').trim() } : {}),
    ...(domains ? { domains } : {}),
    ...(externalId !== undefined ? { externalId } : {}),
    ...(metadata ? { metadata } : {}),
    ...(stripeCustomerId !== undefined ? { stripeCustomerId } : {}),
  };
}

function organizationAt(request: EmuRequest, runtime: Runtime): OrganizationRecord {
  const org = runtime.store.organizations.get(request.params.id!);
  if (!org) throw notFound('Organization', request.params.id!);
  return org;
}

export function postOrganization(request: EmuRequest, runtime: Runtime): Reply {
  const body = apiBody(request);
  const name = body.requiredString('name').trim();
  return json(201, organizationJson(createOrganization(runtime, { ...patchOf(body), name })));
}

export function putOrganization(request: EmuRequest, runtime: Runtime): Reply {
  const org = organizationAt(request, runtime);
  return json(200, organizationJson(updateOrganization(runtime, org, patchOf(apiBody(request)))));
}

export function deleteOrganizationRoute(request: EmuRequest, runtime: Runtime): Reply {
  deleteOrganization(runtime, organizationAt(request, runtime));
  return { status: 204, headers: {}, body: '' };
}
