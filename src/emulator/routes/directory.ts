/** The read endpoints behind the API key: users, organisations and organisation memberships. */
import { apiError, json, notFound, type EmuRequest, type Reply } from '../http.js';
import { paginate, parseListQuery } from '../paginate.js';
import { membershipJson, organizationJson, userJson } from '../resources.js';
import type { Runtime } from '../runtime.js';
import type { MembershipStatus } from '../types.js';

export function getUser(request: EmuRequest, runtime: Runtime): Reply {
  const user = runtime.store.users.get(request.params.id!);
  if (!user) throw notFound('User', request.params.id!);
  return json(200, userJson(user));
}

/**
 * `GET /user_management/users?email&organization_id` plus pagination. `email` matches exactly
 * (case-insensitively); `organization_id` keeps the users with a membership of any status there
 * (the memberships list says which status), and an unknown organisation is an empty list.
 */
export function listUsers(request: EmuRequest, runtime: Runtime): Reply {
  const search = request.url.searchParams;
  const query = parseListQuery(request.url);
  const email = search.get('email')?.trim().toLowerCase() || undefined;
  const organizationId = search.get('organization_id') || undefined;
  const members = organizationId
    ? new Set(runtime.store.memberships.filter((m) => m.organization_id === organizationId).map((m) => m.user_id))
    : undefined;
  const users = [...runtime.store.users.values()].filter(
    (user) => (!email || user.email.toLowerCase() === email) && (!members || members.has(user.id)),
  );
  return json(200, paginate(users, query, userJson));
}

/** `GET …/external_id/:externalId`: the user or organisation the app knows by its own id. */
export function byExternalId<T extends { external_id: string | null }>(
  label: string,
  all: (runtime: Runtime) => Iterable<T>,
  toJson: (item: T) => Record<string, unknown>,
) {
  return (request: EmuRequest, runtime: Runtime): Reply => {
    const externalId = request.params.externalId!;
    const found = [...all(runtime)].find((item) => item.external_id === externalId);
    if (!found) throw notFound(label, externalId);
    return json(200, toJson(found));
  };
}

export function getOrganization(request: EmuRequest, runtime: Runtime): Reply {
  const org = runtime.store.organizations.get(request.params.id!);
  if (!org) throw notFound('Organization', request.params.id!);
  return json(200, organizationJson(org));
}

/** `domains` arrives comma-joined (`domains=a.example,b.example`), as the SDK sends it. */
export function listOrganizations(request: EmuRequest, runtime: Runtime): Reply {
  const query = parseListQuery(request.url);
  const domains = splitList(request.url.searchParams.get('domains'));
  const orgs = [...runtime.store.organizations.values()].filter(
    (org) => domains.length === 0 || org.domains.some(({ domain }) => domains.includes(domain.toLowerCase())),
  );
  return json(200, paginate(orgs, query, organizationJson));
}

const STATUSES: MembershipStatus[] = ['active', 'inactive', 'pending'];

/** At least one of `user_id`/`organization_id`; `statuses` comma-joined; only active ones by default. */
export function listMemberships(request: EmuRequest, runtime: Runtime): Reply {
  const search = request.url.searchParams;
  const query = parseListQuery(request.url);
  const userId = search.get('user_id');
  const organizationId = search.get('organization_id');
  if (!userId && !organizationId) {
    throw apiError(422, 'invalid_request_parameters', 'Provide user_id or organization_id.', {
      errors: [{ field: 'user_id', code: 'user_id_or_organization_id_required' }],
    });
  }
  const statuses = splitList(search.get('statuses'));
  const unknown = statuses.filter((status) => !STATUSES.includes(status as MembershipStatus));
  if (unknown.length > 0) {
    throw apiError(422, 'invalid_request_parameters', `Unknown status '${unknown[0]}'.`, {
      errors: [{ field: 'statuses', code: 'invalid_status' }],
    });
  }
  const wanted = statuses.length > 0 ? statuses : ['active'];
  const memberships = runtime.store.memberships.filter(
    (m) =>
      (!userId || m.user_id === userId) &&
      (!organizationId || m.organization_id === organizationId) &&
      wanted.includes(m.status),
  );
  return json(200, paginate(memberships, query, (m) => membershipJson(runtime.store, m)));
}

export function getMembership(request: EmuRequest, runtime: Runtime): Reply {
  const membership = runtime.store.memberships.find((m) => m.id === request.params.id);
  if (!membership) throw notFound('Organization membership', request.params.id!);
  return json(200, membershipJson(runtime.store, membership));
}

function splitList(value: string | null): string[] {
  return (value ?? '')
    .split(',')
    .map((item) => item.trim().toLowerCase())
    .filter(Boolean);
}
