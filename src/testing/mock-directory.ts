/**
 * A stand-in for the WorkOS reads the components make on the server: the signed-in user's
 * organisation memberships (`<OrgSwitcher>`, the impersonation banner's organisation name), from
 * the active mock session; and the organization components' members, users, invitations and
 * sessions, from the mock organization directory (mock-organizations.ts). It answers those GETs
 * in WorkOS's wire format and passes every other request to the global `fetch`. It is the `fetch`
 * the mock session binds into the kit's session root (the WorkOS SDK's and the JWKS's), never a
 * patch of the global.
 */
import { currentMockSession } from './mock-registry.js';
import { organizationReply } from './mock-organizations-wire.js';

function requestUrl(input: RequestInfo | URL): URL | undefined {
  try {
    return new URL(typeof input === 'string' ? input : input instanceof URL ? input.href : input.url);
  } catch {
    return undefined;
  }
}

function membershipsResponse(url: URL): Response | undefined {
  const mock = currentMockSession();
  const userId = mock?.session?.user.id;
  if (!userId || url.pathname !== '/user_management/organization_memberships') return undefined;
  if (url.searchParams.get('user_id') !== userId) return undefined;
  const data = (mock.memberships ?? []).map((org, index) => ({
    object: 'organization_membership',
    id: `om_mock_${index}`,
    user_id: userId,
    organization_id: org.id,
    organization_name: org.name,
    status: 'active',
    role: { slug: org.role ?? 'member' },
    roles: [{ slug: org.role ?? 'member' }],
    directory_managed: false,
    custom_attributes: {},
    created_at: '2025-01-01T00:00:00.000Z',
    updated_at: '2025-01-01T00:00:00.000Z',
  }));
  return jsonReply({ object: 'list', data, list_metadata: { before: null, after: null } });
}

/**
 * A `Response` whose body settles in microtasks. A real one is read through a stream (later
 * tasks); an async server component rendered in the browser (Storybook's RSC mode) re-runs on every
 * retry, and only data that arrives within the same task lets that retry settle instead of looping.
 */
function jsonReply(body: object): Response {
  const text = JSON.stringify(body);
  const reply = {
    ok: true, status: 200, statusText: 'OK', redirected: false, type: 'basic', url: '',
    headers: new Headers({ 'content-type': 'application/json' }),
    text: async () => text,
    json: async () => JSON.parse(text) as unknown,
    clone: () => reply,
  };
  return reply as unknown as Response;
}

/**
 * `fetch` with the memberships listing answered from the active mock session, and the organization
 * components' reads from the mock organization directory.
 * @example bindSessionSeams({ fetch: mockDirectoryFetch })
 */
export const mockDirectoryFetch: typeof fetch = (input, init) => {
  const url = (init?.method ?? (input instanceof Request ? input.method : 'GET')).toUpperCase() === 'GET' ? requestUrl(input) : undefined;
  const organizations = url && organizationReply(url);
  // WorkOS down: a network failure (the SDK does not retry it, so the answer comes at once).
  if (organizations === 'down') return Promise.reject(new Error('WorkOS is unreachable (mock organization directory)'));
  const answer = url && (organizations ? jsonReply(organizations) : membershipsResponse(url));
  return answer ? Promise.resolve(answer) : globalThis.fetch(input, init);
};
