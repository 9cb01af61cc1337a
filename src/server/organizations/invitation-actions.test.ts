/**
 * Invitations through the real actions and SDK against the emulator: managers send, list, revoke
 * and resend them for their session's organization only; members are refused; tokens never leave
 * the server.
 */
import { describe, expect, it, vi } from 'vitest';
import { signedInRequest } from '../../../test/support/components-request.js';
import { emulatorSuite } from '../../../test/support/emulator-suite.js';
import { redirectOf } from '../../../test/support/http.js';
import { form, managePermission, noticeFor } from '../../../test/support/organization-forms.js';
import { inviteMemberAction, resendInvitationAction, revokeInvitationAction } from '../../actions/index.js';
import { getWorkOS } from '../auth/get-workos.js';
import { listOrganizationInvitations } from './invitations.js';

vi.mock('next/headers', async () => (await import('../../testing/next-headers.js')).nextHeadersMock);
const cache = vi.hoisted(() => ({ revalidatePath: vi.fn(), revalidateTag: vi.fn() }));
vi.mock('next/cache', () => cache);

const suite = emulatorSuite();
const emulator = () => suite.emulator;
managePermission();
const action = { readOnly: false, path: '/organization' };
const alice = { user: 'alice@example.com', organizationId: 'org_acme' };

const invitationTo = (email: string) => emulator().control.invitations({ email })[0] as { id: string; state: string; organization_id: string; role_slug: string; inviter_user_id: string } | undefined;

describe('inviteMemberAction', () => {
  it("invites an address into the caller's organization with a role, and lists it without its token", async () => {
    await signedInRequest(emulator(), alice, action);
    const { url } = await redirectOf(() => inviteMemberAction(form({ email: 'erin@example.com', role: 'admin', organizationId: 'org_globex' })));
    expect(url).toBe('/organization#authkit-members');
    expect(await noticeFor('members')).toEqual({ code: 'invitation-sent', subject: 'erin@example.com' });
    expect(invitationTo('erin@example.com')).toMatchObject({ state: 'pending', organization_id: 'org_acme', role_slug: 'admin', inviter_user_id: 'user_alice' });
    expect(cache.revalidateTag).toHaveBeenCalledWith('authkit:organization:org_acme', { expire: 0 });
    const listed = await listOrganizationInvitations();
    expect(listed).toEqual([expect.objectContaining({ email: 'erin@example.com', role: 'admin' })]);
    expect(JSON.stringify(listed)).not.toMatch(/token|accept/i);
  });

  it('names the address when it is already a member or already invited', async () => {
    await signedInRequest(emulator(), alice, action);
    vi.spyOn(console, 'warn').mockImplementation(() => {});
    await redirectOf(() => inviteMemberAction(form({ email: 'bob@example.com' })));
    expect(await noticeFor('members')).toEqual({ code: 'already-member', subject: 'bob@example.com' });
    await redirectOf(() => inviteMemberAction(form({ email: 'erin@example.com' })));
    await redirectOf(() => inviteMemberAction(form({ email: 'erin@example.com' })));
    expect(await noticeFor('members')).toEqual({ code: 'already-invited', subject: 'erin@example.com' });
  });

  it('refuses a bad address or role before asking WorkOS, and a member altogether', async () => {
    await signedInRequest(emulator(), alice, action);
    for (const fields of [{ email: 'not-an-email' }, { email: 'a@b.example', role: 'x y' }, {}] as Record<string, string>[]) {
      await redirectOf(() => inviteMemberAction(form(fields)));
      expect(await noticeFor('members')).toEqual({ code: 'invalid-input' });
    }
    await signedInRequest(emulator(), { user: 'bob@example.com', organizationId: 'org_acme' }, action);
    await redirectOf(() => inviteMemberAction(form({ email: 'erin@example.com' })));
    expect(await noticeFor('members')).toEqual({ code: 'forbidden' });
    expect(invitationTo('erin@example.com')).toBeUndefined();
    expect(await listOrganizationInvitations()).toEqual([]);
  });

  it('says WorkOS is down instead of failing', async () => {
    await signedInRequest(emulator(), alice, action);
    vi.spyOn(console, 'warn').mockImplementation(() => {});
    emulator().control.injectFault({ endpoint: 'POST /user_management/invitations', status: 500, retry_after: 0, times: 10 });
    await redirectOf(() => inviteMemberAction(form({ email: 'erin@example.com' })));
    expect(await noticeFor('members')).toEqual({ code: 'unavailable' });
  });
});

describe('revokeInvitationAction / resendInvitationAction', () => {
  it('revoke and resend a pending invitation of the caller’s organization', async () => {
    await signedInRequest(emulator(), alice, action);
    await redirectOf(() => inviteMemberAction(form({ email: 'erin@example.com' })));
    const { id } = invitationTo('erin@example.com')!;
    const { url } = await redirectOf(() => resendInvitationAction(form({ invitationId: id })));
    expect(url).toBe('/organization#authkit-invitations');
    expect(await noticeFor('invitations')).toEqual({ code: 'invitation-resent', subject: 'erin@example.com' });
    await redirectOf(() => revokeInvitationAction(form({ invitationId: id })));
    expect(await noticeFor('invitations')).toEqual({ code: 'invitation-revoked', subject: 'erin@example.com' });
    expect(invitationTo('erin@example.com')!.state).toBe('revoked');
    expect(await listOrganizationInvitations()).toEqual([]);
    // Revoked: a second revoke finds nothing pending.
    await redirectOf(() => revokeInvitationAction(form({ invitationId: id })));
    expect(await noticeFor('invitations')).toEqual({ code: 'not-found' });
  });

  it("refuses another organization's invitation as not found", async () => {
    await signedInRequest(emulator(), alice, action);
    const { id } = await getWorkOS().userManagement.sendInvitation({ email: 'finn@example.com', organizationId: 'org_globex' });
    await redirectOf(() => revokeInvitationAction(form({ invitationId: id, organizationId: 'org_globex' })));
    expect(await noticeFor('invitations')).toEqual({ code: 'not-found' });
    expect(invitationTo('finn@example.com')!.state).toBe('pending');
  });

  it('refuses a member, and junk ids', async () => {
    await signedInRequest(emulator(), alice, action);
    await redirectOf(() => revokeInvitationAction(form({ invitationId: 'inv/../x' })));
    expect(await noticeFor('invitations')).toEqual({ code: 'invalid-input' });
    await redirectOf(() => inviteMemberAction(form({ email: 'erin@example.com' })));
    const { id } = invitationTo('erin@example.com')!;
    await signedInRequest(emulator(), { user: 'bob@example.com', organizationId: 'org_acme' }, action);
    await redirectOf(() => revokeInvitationAction(form({ invitationId: id })));
    expect(await noticeFor('invitations')).toEqual({ code: 'forbidden' });
    expect(invitationTo('erin@example.com')!.state).toBe('pending');
  });
});
