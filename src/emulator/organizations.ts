/**
 * Creating, changing and deleting organisations (what `workos.organizations` does), with the
 * `organization.*` events WorkOS sends. Creating one makes nobody a member: the app adds the
 * creator with a membership, as with WorkOS.
 */
import { deleteMembership } from './membership-changes.js';
import type { OrganizationDomainRecord, OrganizationRecord } from './records.js';
import { organizationJson } from './resources.js';
import type { Runtime } from './runtime.js';
import { endSession } from './sessions.js';
import { newId } from './tokens.js';

export interface DomainInput {
  domain: string;
  state: 'verified' | 'pending';
}

export interface OrganizationPatch {
  name?: string;
  /** Replaces the domains (a domain already there keeps its id). */
  domains?: DomainInput[];
  externalId?: string | null;
  metadata?: Record<string, string>;
  stripeCustomerId?: string | null;
}

function domainRecords(current: readonly OrganizationDomainRecord[], wanted: readonly DomainInput[]): OrganizationDomainRecord[] {
  return wanted.map(({ domain, state }) => {
    const existing = current.find((record) => record.domain === domain);
    return { id: existing?.id ?? newId('org_domain'), domain, state };
  });
}

export function createOrganization(runtime: Runtime, input: OrganizationPatch & { name: string }): OrganizationRecord {
  const now = new Date().toISOString();
  const org: OrganizationRecord = {
    id: newId('org'),
    name: input.name,
    domains: domainRecords([], input.domains ?? []),
    entitlements: [],
    feature_flags: [],
    require_sso: false,
    require_mfa: false,
    external_id: input.externalId ?? null,
    metadata: input.metadata ?? {},
    stripe_customer_id: input.stripeCustomerId ?? null,
    created_at: now,
    updated_at: now,
  };
  runtime.store.organizations.set(org.id, org);
  runtime.events.emit('organization.created', organizationJson(org));
  return org;
}

export function updateOrganization(runtime: Runtime, org: OrganizationRecord, patch: OrganizationPatch): OrganizationRecord {
  if (patch.name !== undefined) org.name = patch.name;
  if (patch.domains !== undefined) org.domains = domainRecords(org.domains, patch.domains);
  if (patch.externalId !== undefined) org.external_id = patch.externalId;
  if (patch.metadata !== undefined) org.metadata = patch.metadata;
  if (patch.stripeCustomerId !== undefined) org.stripe_customer_id = patch.stripeCustomerId;
  org.updated_at = new Date().toISOString();
  runtime.events.emit('organization.updated', organizationJson(org));
  return org;
}

/**
 * Deletes the organisation and what hangs off it: its memberships (each with its event), its API
 * keys, flag targets and invitations, and the sessions signed into it (ended: they could not refresh into an
 * organisation that no longer exists).
 */
export function deleteOrganization(runtime: Runtime, org: OrganizationRecord): void {
  const { store } = runtime;
  for (const membership of store.memberships.filter((m) => m.organization_id === org.id)) deleteMembership(runtime, membership);
  for (const session of store.sessions.values()) if (session.organizationId === org.id) endSession(runtime, session.id);
  for (const key of [...store.apiKeys.values()]) if (key.organization_id === org.id) store.apiKeys.delete(key.id);
  for (const flag of store.featureFlags.values()) flag.organization_ids = flag.organization_ids.filter((id) => id !== org.id);
  for (const invitation of [...store.invitations.values()]) if (invitation.organization_id === org.id) store.invitations.delete(invitation.id);
  store.organizations.delete(org.id);
  runtime.events.emit('organization.deleted', organizationJson(org));
}
