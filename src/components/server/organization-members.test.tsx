/**
 * `<OrganizationMembers>` and `<OrganizationInvitations>` (server): the current organization's
 * members and pending invitations read through the SDK from the emulator, and the forms a manager
 * (and only a manager) gets, each posting a server action.
 */
import { screen, within } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import { serverRender, signedInRequest, signedOutRequest } from '../../../test/support/components-request.js';
import { emulatorSuite } from '../../../test/support/emulator-suite.js';
import { form, managePermission } from '../../../test/support/organization-forms.js';
import { afterAction, fieldsOf, formActions, renderServer } from '../../../test/support/organization-render.js';
import { changeMemberRoleAction, inviteMemberAction, removeMemberAction, revokeInvitationAction } from '../../actions/index.js';
import { OrganizationInvitations } from './organization-invitations.js';
import { OrganizationMembers } from './organization-members.js';

vi.mock('next/headers', async () => (await import('../../testing/next-headers.js')).nextHeadersMock);
vi.mock('next/cache', () => ({ revalidatePath: vi.fn(), revalidateTag: vi.fn() }));
const suite = emulatorSuite();
const emulator = () => suite.emulator;
managePermission();

const page = { path: '/organization' };
const alice = { user: 'alice@example.com', organizationId: 'org_acme' };
const bob = { user: 'bob@example.com', organizationId: 'org_acme' };

describe('<OrganizationMembers> (server)', () => {
  it('renders nothing signed out', async () => {
    await signedOutRequest();
    expect((await renderServer(OrganizationMembers, {})).container).toBeEmptyDOMElement();
  });

  it('gives a manager a role form and a remove form per member and the invitation form, landing back here', async () => {
    await signedInRequest(emulator(), alice, page);
    await renderServer(OrganizationMembers, {});
    const section = screen.getByRole('region', { name: 'Members' });
    expect(section).toHaveAttribute('id', 'authkit-members');
    expect(section).toHaveAttribute('tabindex', '-1');
    expect(section).toHaveAttribute('data-state', 'ready');
    const table = within(section).getByRole('table', { name: 'Members' });
    expect(table).toHaveAttribute('data-state', 'manage');
    const role = within(table).getByRole('combobox', { name: 'Role of bob@example.com' });
    expect(fieldsOf(role.closest('form')!)).toEqual({ membershipId: 'om_bob_acme', returnTo: '/organization', role: 'member' });
    expect(within(role).getAllByRole('option').map((option) => option.textContent)).toEqual(['Admin', 'Member']);
    expect(within(table).getByRole('button', { name: 'Remove bob@example.com' })).toBeInTheDocument();
    // The manager's own row: no role form, a leave form with a required confirmation.
    expect(within(table).queryByRole('combobox', { name: 'Role of alice@example.com' })).toBeNull();
    expect(within(table).getByRole('checkbox', { name: 'I understand I will lose access to this organization' })).toBeRequired();
    const invite = within(section).getByRole('form', { name: 'Invite a member' });
    expect(within(invite).getByLabelText('Email address')).toHaveAttribute('type', 'email');
    expect(within(invite).getByRole('combobox', { name: 'Role' })).toHaveValue('member');
  });

  it('posts each form to its action', async () => {
    await signedInRequest(emulator(), alice, page);
    const actions = new Set(formActions(await serverRender(OrganizationMembers, {})));
    expect(actions).toEqual(new Set([changeMemberRoleAction, removeMemberAction, inviteMemberAction]));
  });

  it('shows a member the list only, with a way to leave', async () => {
    await signedInRequest(emulator(), bob, page);
    await renderServer(OrganizationMembers, {});
    const table = screen.getByRole('table', { name: 'Members' });
    expect(table).toHaveAttribute('data-state', 'view');
    expect(within(table).getAllByRole('row').slice(1).map((row) => row.textContent)).toEqual([
      expect.stringMatching(/^Alice Anderson.*alice@example\.com.*Admin.*Active/),
      expect.stringMatching(/bob@example\.com \(you\)Member.*Active.*Leave organization/),
    ]);
    expect(screen.queryByRole('combobox')).toBeNull();
    expect(screen.queryByRole('button', { name: /^Remove/ })).toBeNull();
    expect(screen.queryByRole('form', { name: 'Invite a member' })).toBeNull();
  });

  it('shows the last action’s outcome as a status or an alert', async () => {
    await signedInRequest(emulator(), alice, { ...page, readOnly: false });
    expect(await afterAction(() => changeMemberRoleAction(form({ membershipId: 'om_bob_acme', role: 'admin' })))).toBe('/organization#authkit-members');
    await renderServer(OrganizationMembers, {});
    expect(screen.getByRole('status')).toHaveTextContent('Changed the role of bob@example.com.');
    expect(screen.getByRole('combobox', { name: 'Role of bob@example.com' })).toHaveValue('admin');

    await signedInRequest(emulator(), alice, { ...page, readOnly: false });
    await afterAction(() => changeMemberRoleAction(form({ membershipId: 'om_alice_acme', role: 'member' })));
    await renderServer(OrganizationMembers, {});
    expect(screen.getByRole('alert')).toHaveTextContent('You cannot change your own role; ask another admin.');
    expect(screen.getByRole('alert')).toHaveAttribute('data-state', 'error');
  });

  it('says WorkOS is not answering instead of failing the page', async () => {
    await signedInRequest(emulator(), alice, page);
    vi.spyOn(console, 'warn').mockImplementation(() => {});
    emulator().control.injectFault({ endpoint: 'GET /user_management/organization_memberships', status: 503, retry_after: 0, times: 10 });
    await renderServer(OrganizationMembers, {});
    expect(screen.getByRole('region', { name: 'Members' })).toHaveAttribute('data-state', 'error');
    expect(screen.getByRole('alert')).toHaveTextContent('The sign-in service is not answering just now.');
    expect(screen.queryByRole('table')).toBeNull();
  });

  it('says so outside an organization', async () => {
    await signedInRequest(emulator(), { user: 'carol@example.com' }, page);
    await renderServer(OrganizationMembers, {});
    expect(screen.getByRole('region', { name: 'Members' })).toHaveTextContent('Your session is not in an organization.');
  });

  it('takes every string from `messages`, its own id, roles and return path', async () => {
    await signedInRequest(emulator(), alice, page);
    await renderServer(OrganizationMembers, {
      id: 'team', returnTo: '/settings/team', roles: ['admin', 'member', 'billing'], invite: false,
      messages: { members: { title: 'Mitglieder', listLabel: 'Mitglieder', roleOf: (email) => `Rolle von ${email}` }, roleName: (slug) => slug.toUpperCase() },
    });
    const section = screen.getByRole('region', { name: 'Mitglieder' });
    expect(section).toHaveAttribute('id', 'team');
    const select = within(section).getByRole('combobox', { name: 'Rolle von bob@example.com' });
    expect(within(select).getAllByRole('option').map((option) => option.textContent)).toEqual(['ADMIN', 'MEMBER', 'BILLING']);
    expect(fieldsOf(select.closest('form')!)).toMatchObject({ returnTo: '/settings/team', anchor: 'team' });
    expect(screen.queryByRole('form', { name: 'Invite a member' })).toBeNull();
  });
});

describe('<OrganizationInvitations> (server)', () => {
  it('lists pending invitations with resend and revoke forms for a manager', async () => {
    await signedInRequest(emulator(), alice, { ...page, readOnly: false });
    await afterAction(() => inviteMemberAction(form({ email: 'erin@example.com', role: 'admin' })));
    await renderServer(OrganizationInvitations, {});
    const section = screen.getByRole('region', { name: 'Pending invitations' });
    expect(section).toHaveAttribute('id', 'authkit-invitations');
    const row = within(section).getByRole('row', { name: /erin@example\.com/ });
    expect(row).toHaveTextContent(/erin@example\.com.*Admin.*UTC/);
    const revoke = within(row).getByRole('button', { name: 'Revoke the invitation to erin@example.com' });
    expect(fieldsOf(revoke.closest('form')!)).toEqual({ invitationId: expect.stringMatching(/^invitation_/), returnTo: '/organization' });
    expect(within(row).getByRole('button', { name: 'Resend the invitation to erin@example.com' })).toBeInTheDocument();
  });

  it('says when there are none, and shows the outcome of a revoke', async () => {
    await signedInRequest(emulator(), alice, { ...page, readOnly: false });
    await afterAction(() => inviteMemberAction(form({ email: 'erin@example.com' })));
    const { id } = emulator().control.invitations({ email: 'erin@example.com' })[0] as { id: string };
    await signedInRequest(emulator(), alice, { ...page, readOnly: false });
    await afterAction(() => revokeInvitationAction(form({ invitationId: id })));
    await renderServer(OrganizationInvitations, {});
    expect(screen.getByRole('status')).toHaveTextContent('Revoked the invitation to erin@example.com.');
    expect(screen.getByRole('region', { name: 'Pending invitations' })).toHaveAttribute('data-state', 'empty');
    expect(screen.getByText('No pending invitations.')).toBeInTheDocument();
  });

  it('renders nothing for a member, or signed out', async () => {
    await signedInRequest(emulator(), bob, page);
    expect((await renderServer(OrganizationInvitations, {})).container).toBeEmptyDOMElement();
    await signedOutRequest();
    expect((await renderServer(OrganizationInvitations, {})).container).toBeEmptyDOMElement();
  });
});
