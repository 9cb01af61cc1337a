/**
 * The mock organization directory in WorkOS's wire format, for the SDK calls the organization
 * components make (organization memberships and users by organization, invitations, a user's
 * sessions), answered from the active mock session's organization and user.
 */
import { currentMockSession } from './mock-registry.js';
import { mockOrganizationDirectory } from './mock-organizations.js';

const STAMP = '2025-01-01T00:00:00.000Z';
const list = (data: object[]) => ({ object: 'list', data, list_metadata: { before: null, after: null } });

function memberships(organizationId: string) {
  const { members } = mockOrganizationDirectory();
  const name = currentMockSession()?.organizations?.find((org) => org.id === organizationId)?.name ?? organizationId;
  return list(members.map((member) => ({
    object: 'organization_membership', id: member.membershipId, user_id: member.userId, organization_id: organizationId,
    organization_name: name, status: member.status, role: { slug: member.role }, roles: [{ slug: member.role }],
    directory_managed: false, custom_attributes: {}, created_at: STAMP, updated_at: STAMP,
  })));
}

function users() {
  return list(mockOrganizationDirectory().members.map((member) => ({
    object: 'user', id: member.userId, email: member.email, email_verified: true, first_name: member.firstName ?? null,
    last_name: member.lastName ?? null, profile_picture_url: null, last_sign_in_at: null, locale: null, external_id: null,
    metadata: {}, created_at: STAMP, updated_at: STAMP,
  })));
}

function invitations(organizationId: string) {
  return list(mockOrganizationDirectory().invitations.map((invitation) => ({
    object: 'invitation', id: invitation.id, email: invitation.email, state: 'pending', accepted_at: null, revoked_at: null,
    expires_at: invitation.expiresAt, organization_id: organizationId, inviter_user_id: null, accepted_user_id: null,
    role_slug: invitation.role ?? null, token: 'mock_invitation_token', accept_invitation_url: 'https://example.com/invite',
    created_at: invitation.createdAt, updated_at: invitation.createdAt,
  })));
}

function sessions(userId: string) {
  const { currentSession, otherSessions } = mockOrganizationDirectory();
  return list([...(currentSession ? [currentSession] : []), ...otherSessions].map((session) => ({
    object: 'session', id: session.id, user_id: userId, ip_address: session.ipAddress ?? null, user_agent: session.userAgent ?? null,
    auth_method: 'password', status: 'active', expires_at: '2026-02-01T00:00:00.000Z', ended_at: null,
    created_at: session.createdAt, updated_at: session.updatedAt,
  })));
}

/**
 * The answer to an organization read, when `url` is one for the mock session's organization or
 * user; `'down'` while the directory says WorkOS is unreachable; undefined for anything else.
 */
export function organizationReply(url: URL): object | 'down' | undefined {
  const mock = currentMockSession();
  const userId = mock?.session?.user.id;
  const organizationId = mock?.auth?.organizationId;
  const query = url.searchParams;
  let body: object | undefined;
  if (url.pathname === `/user_management/users/${userId}/sessions`) body = sessions(userId!);
  else if (organizationId && query.get('organization_id') === organizationId) {
    if (url.pathname === '/user_management/organization_memberships') body = memberships(organizationId);
    if (url.pathname === '/user_management/users') body = users();
    if (url.pathname === '/user_management/invitations') body = invitations(organizationId);
  }
  return body && mockOrganizationDirectory().down ? 'down' : body;
}
