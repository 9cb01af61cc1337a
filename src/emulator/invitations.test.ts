/** Invitations through the SDK: send, list, get, find by token, revoke, resend, accept, expiry, and their events. */
import { ConflictException, GenericServerException, NotFoundException, UnprocessableEntityException } from '@workos-inc/node';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { Emulator } from './index.js';
import { emulatorPerSuite, rejectionOf, sdkFor } from '../../test/support/emulator-harness.js';

let emulator: Emulator;
emulatorPerSuite((started) => (emulator = started));
afterEach(() => {
  vi.useRealTimers();
  emulator.control.reset();
});

const DAY = 24 * 60 * 60 * 1000;
const invite = (email: string, more: Record<string, unknown> = {}) =>
  sdkFor(emulator).userManagement.sendInvitation({ email, organizationId: 'org_acme', ...more });

describe('sending an invitation', () => {
  it('answers 201 with a pending invitation, its token and link, found by id and by token', async () => {
    const workos = sdkFor(emulator);
    const sent = await invite('erin@example.com', { roleSlug: 'admin', inviterUserId: 'user_alice' });
    expect(sent).toMatchObject({
      object: 'invitation',
      id: expect.stringMatching(/^invitation_/),
      email: 'erin@example.com',
      state: 'pending',
      acceptedAt: null,
      revokedAt: null,
      organizationId: 'org_acme',
      inviterUserId: 'user_alice',
      acceptedUserId: null,
      roleSlug: 'admin',
      token: expect.any(String),
    });
    expect(sent.acceptInvitationUrl).toBe(`${emulator.url}/invite?invitation_token=${encodeURIComponent(sent.token)}`);
    expect(Date.parse(sent.expiresAt) - Date.parse(sent.createdAt)).toBe(7 * DAY);
    expect(await workos.userManagement.getInvitation(sent.id)).toEqual(sent);
    expect(await workos.userManagement.findInvitationByToken(sent.token)).toEqual(sent);
    expect(await rejectionOf(workos.userManagement.findInvitationByToken('nope'))).toBeInstanceOf(NotFoundException);
    const [created] = (await workos.events.listEvents({ events: ['invitation.created'] })).data;
    expect(created!.data).toMatchObject({ id: sent.id, email: 'erin@example.com', state: 'pending' });
    expect(created!.data).not.toHaveProperty('token');
  });

  it('lists by organization and by email (in any case), newest first, paginated', async () => {
    const workos = sdkFor(emulator);
    const erin = await invite('erin@example.com');
    const finn = await invite('finn@example.com');
    const globex = await invite('erin@example.com', { organizationId: 'org_globex' });
    const ids = (list: { data: { id: string }[] }) => list.data.map((invitation) => invitation.id);
    expect(ids(await workos.userManagement.listInvitations({ organizationId: 'org_acme' }))).toEqual([finn.id, erin.id]);
    expect(ids(await workos.userManagement.listInvitations({ email: 'ERIN@example.com' }))).toEqual([globex.id, erin.id]);
    const page = await workos.userManagement.listInvitations({ limit: 2 });
    expect(ids(page)).toEqual([globex.id, finn.id]);
    expect(ids(await workos.userManagement.listInvitations({ after: page.listMetadata.after! }))).toEqual([erin.id]);
  });

  it('refuses a member, a second pending invitation, an unknown organization or role, and a bad address or lifetime', async () => {
    const alreadyMember = await rejectionOf(invite('alice@example.com'));
    expect(alreadyMember).toBeInstanceOf(ConflictException);
    expect(alreadyMember).toMatchObject({ code: 'user_already_organization_member' });
    await invite('erin@example.com');
    expect(await rejectionOf(invite('Erin@example.com'))).toMatchObject({ status: 409, code: 'invitation_already_pending' });
    expect(await rejectionOf(invite('erin@example.com', { organizationId: 'org_ghost' }))).toBeInstanceOf(NotFoundException);
    expect(await rejectionOf(invite('finn@example.com', { roleSlug: 'owner' }))).toBeInstanceOf(UnprocessableEntityException);
    expect(await rejectionOf(invite('not-an-address'))).toBeInstanceOf(UnprocessableEntityException);
    expect(await rejectionOf(invite('finn@example.com', { expiresInDays: 0 }))).toBeInstanceOf(UnprocessableEntityException);
  });
});

describe('after sending', () => {
  it('revokes a pending invitation once', async () => {
    const workos = sdkFor(emulator);
    const sent = await invite('erin@example.com');
    const revoked = await workos.userManagement.revokeInvitation(sent.id);
    expect(revoked).toMatchObject({ state: 'revoked', revokedAt: expect.any(String) });
    const again = await rejectionOf(workos.userManagement.revokeInvitation(sent.id));
    expect(again).toMatchObject({ status: 400, code: 'invitation_revoked' });
    expect(await rejectionOf(workos.userManagement.revokeInvitation('invitation_ghost'))).toBeInstanceOf(NotFoundException);
    const names = (await workos.events.listEvents({ events: ['invitation.created', 'invitation.revoked'] })).data.map((e) => e.event);
    expect(names).toEqual(['invitation.created', 'invitation.revoked']);
  });

  it('expires when its days are up; resending gives it as many days again', async () => {
    vi.useFakeTimers({ toFake: ['Date'] });
    const workos = sdkFor(emulator);
    const sent = await invite('erin@example.com', { expiresInDays: 1 });
    vi.setSystemTime(Date.now() + 2 * DAY);
    expect((await workos.userManagement.getInvitation(sent.id)).state).toBe('expired');
    const accept = await rejectionOf(workos.userManagement.acceptInvitation(sent.id));
    expect(accept).toMatchObject({ status: 400, code: 'invitation_expired' });
    const resent = await workos.userManagement.resendInvitation(sent.id);
    expect(resent).toMatchObject({ state: 'pending', token: sent.token });
    expect(Date.parse(resent.expiresAt) - Date.now()).toBe(DAY);
    const [event] = (await workos.events.listEvents({ events: ['invitation.resent'] })).data;
    expect(event!.data).toMatchObject({ id: sent.id, state: 'pending' });
  });

  it('is accepted through the API by an existing user, who joins with its role', async () => {
    const workos = sdkFor(emulator);
    const sent = await invite('carol@example.com', { roleSlug: 'admin' });
    const accepted = await workos.userManagement.acceptInvitation(sent.id);
    expect(accepted).toMatchObject({ state: 'accepted', acceptedUserId: 'user_carol', acceptedAt: expect.any(String) });
    const { data } = await workos.userManagement.listOrganizationMemberships({ userId: 'user_carol' });
    expect(data.map((m) => [m.organizationId, m.role.slug, m.status])).toEqual([['org_acme', 'admin', 'active']]);
    const resend = await rejectionOf(workos.userManagement.resendInvitation(sent.id));
    expect(resend).toMatchObject({ status: 400, code: 'invitation_accepted' });
    expect(resend).toBeInstanceOf(GenericServerException);
  });
});
