/** Wire shapes of WorkOS objects (snake_case, every field the SDK deserializer reads). */
import type { MembershipRecord, OrganizationRecord, UserRecord } from './records.js';
import type { Store } from './store.js';

export function userJson(user: UserRecord): Record<string, unknown> {
  const name = [user.first_name, user.last_name].filter(Boolean).join(' ');
  return {
    object: 'user',
    id: user.id,
    email: user.email,
    email_verified: user.email_verified,
    first_name: user.first_name,
    last_name: user.last_name,
    name: name || null,
    profile_picture_url: user.profile_picture_url,
    last_sign_in_at: user.last_sign_in_at,
    locale: user.locale,
    external_id: user.external_id,
    metadata: user.metadata,
    created_at: user.created_at,
    updated_at: user.updated_at,
  };
}

export function organizationJson(org: OrganizationRecord): Record<string, unknown> {
  return {
    object: 'organization',
    id: org.id,
    name: org.name,
    allow_profiles_outside_organization: false,
    domains: org.domains.map(({ id, domain, state }) => ({
      object: 'organization_domain',
      id,
      organization_id: org.id,
      domain,
      state,
      verification_strategy: state === 'verified' ? 'dns' : 'manual',
      created_at: org.created_at,
      updated_at: org.updated_at,
    })),
    external_id: org.external_id,
    metadata: org.metadata,
    ...(org.stripe_customer_id === null ? {} : { stripe_customer_id: org.stripe_customer_id }),
    created_at: org.created_at,
    updated_at: org.updated_at,
  };
}

export function membershipJson(store: Store, membership: MembershipRecord): Record<string, unknown> {
  return {
    object: 'organization_membership',
    id: membership.id,
    user_id: membership.user_id,
    organization_id: membership.organization_id,
    organization_name: store.organizations.get(membership.organization_id)?.name ?? null,
    status: membership.status,
    role: { slug: membership.role },
    roles: membership.roles.map((slug) => ({ slug })),
    directory_managed: false,
    custom_attributes: {},
    created_at: membership.created_at,
    updated_at: membership.updated_at,
  };
}

/** WorkOS's connection id for an organisation's (emulated) SSO connection. */
export function connectionIdFor(organizationId: string): string {
  return `conn_${organizationId.replace(/^org_/, '')}`;
}
