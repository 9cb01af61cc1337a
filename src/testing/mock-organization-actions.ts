/**
 * The organization actions of `authkit-rsc/actions`, acting on the mock organization directory and
 * the mock session the way the real ones act on WorkOS: each changes what it names and leaves its
 * notice for the component (through the kit's own notice code), then the story re-renders. They do
 * not check rights: a story shows what the component offers, the real actions decide.
 */
import type { Notice, NoticeCode, NoticeScope } from '../shared/organization-types.js';
import { activeCookieJar, currentMockSession, setActive } from './mock-registry.js';
import { setMockSession } from './mock-server.js';
import { createMockSession } from './mock-session.js';
import { mockOrganizationDirectory, updateMockOrganizationDirectory } from './mock-organizations.js';
import { serverModule } from './server-modules.js';

const field = (form: unknown, name: string) => {
  const value = form instanceof FormData ? form.get(name) : undefined;
  return typeof value === 'string' && value !== '' ? value : undefined;
};

/** Leaves the notice (the kit's own sealed cookie) and re-renders, as the real action's redirect would. */
async function land(scope: NoticeScope, code: NoticeCode, subject?: string): Promise<void> {
  const notice: Notice = { scope, code, ...(subject ? { subject } : {}) };
  try {
    const server = await serverModule(async () => ({
      ...(await import('../server/root/current-root.js')),
      ...(await import('../server/organizations/notices.js')),
    }));
    await server.writeNotice(server.sessionRoot(), notice);
  } catch {
    // No `next/headers` here (a client-only test): the change still happened.
  }
  const mock = currentMockSession();
  const jar = activeCookieJar();
  if (mock && jar) setActive({ mock, jar });
}

const emailOf = (membershipId: string | undefined) => mockOrganizationDirectory().members.find((m) => m.membershipId === membershipId)?.email;

export function organizationActionImplementations() {
  return {
    async selectOrganizationAction(_form: FormData): Promise<never> {
      return undefined as never;
    },
    async createOrganizationAction(form: FormData): Promise<never> {
      await land('create-organization', 'organization-created', field(form, 'name'));
      return undefined as never;
    },
    async changeMemberRoleAction(form: FormData): Promise<never> {
      const [id, role] = [field(form, 'membershipId'), field(form, 'role')];
      updateMockOrganizationDirectory(({ members }) => ({ members: members.map((m) => (m.membershipId === id && role ? { ...m, role } : m)) }));
      await land('members', 'role-changed', emailOf(id));
      return undefined as never;
    },
    async removeMemberAction(form: FormData): Promise<never> {
      const id = field(form, 'membershipId');
      const email = emailOf(id);
      updateMockOrganizationDirectory(({ members }) => ({ members: members.filter((m) => m.membershipId !== id) }));
      await land('members', 'member-removed', email);
      return undefined as never;
    },
    async inviteMemberAction(form: FormData): Promise<never> {
      const [email, role] = [field(form, 'email'), field(form, 'role')];
      const invitation = { id: `invitation_mock_${Date.now()}`, email: email ?? '', role, createdAt: '2026-01-06T12:00:00.000Z', expiresAt: '2026-01-13T12:00:00.000Z' };
      updateMockOrganizationDirectory(({ invitations }) => ({ invitations: [invitation, ...invitations] }));
      await land('members', 'invitation-sent', email);
      return undefined as never;
    },
    async revokeInvitationAction(form: FormData): Promise<never> {
      const id = field(form, 'invitationId');
      const email = mockOrganizationDirectory().invitations.find((invitation) => invitation.id === id)?.email;
      updateMockOrganizationDirectory(({ invitations }) => ({ invitations: invitations.filter((invitation) => invitation.id !== id) }));
      await land('invitations', 'invitation-revoked', email);
      return undefined as never;
    },
    async resendInvitationAction(form: FormData): Promise<never> {
      const id = field(form, 'invitationId');
      await land('invitations', 'invitation-resent', mockOrganizationDirectory().invitations.find((invitation) => invitation.id === id)?.email);
      return undefined as never;
    },
    /** This session: signs the mock session out; another: drops it from the list. */
    async revokeSessionAction(form: FormData): Promise<never> {
      const id = field(form, 'sessionId');
      if (id === mockOrganizationDirectory().currentSession?.id) {
        await setMockSession(createMockSession('signedOut'));
        return undefined as never;
      }
      updateMockOrganizationDirectory(({ otherSessions }) => ({ otherSessions: otherSessions.filter((session) => session.id !== id) }));
      await land('sessions', 'session-revoked');
      return undefined as never;
    },
    async revokeOtherSessionsAction(_form: FormData): Promise<never> {
      updateMockOrganizationDirectory(() => ({ otherSessions: [] }));
      await land('sessions', 'other-sessions-revoked');
      return undefined as never;
    },
  };
}
