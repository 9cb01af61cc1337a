import type { Meta, StoryObj } from '@storybook/nextjs-vite';
import { expect, userEvent, waitFor, within } from 'storybook/test';
import * as actions from '../src/actions/index.js';
import * as server from '../src/components/index.react-server.js';
import { setMockOrganizationDirectory } from '../src/testing/index.js';
import { expectLoading, expectNothing, lastForm, onlyInOwnState } from '../.storybook/story-helpers.js';

// `<OrganizationMembers>`: the current organization's members with their roles and statuses. A
// manager (the session grants WORKOS_MANAGE_MEMBERS_PERMISSION; the mock admins have it) gets a role
// form and a remove form per member and the invitation form; everyone can leave. Plain forms posting
// server actions (mocked here: they change the mock directory and leave the notice the real ones do).
const meta = {
  title: 'Organizations/OrganizationMembers',
  component: server.OrganizationMembers,
  args: {},
  parameters: { authState: 'admin' },
} satisfies Meta<typeof server.OrganizationMembers>;

export default meta;
type Story = StoryObj<typeof meta>;

/** Alice, admin of Acme: changing Bob's role goes through `changeMemberRoleAction`, and the list says so. */
export const Admin: Story = {
  play: onlyInOwnState(async ({ canvasElement, step }) => {
    const canvas = within(canvasElement);
    const table = await canvas.findByRole('table', { name: 'Members' });
    await expect(table).toHaveAttribute('data-state', 'manage');
    await step("make Bob an admin", async () => {
      await userEvent.selectOptions(canvas.getByRole('combobox', { name: 'Role of bob@example.com' }), 'admin');
      await userEvent.click(within(canvas.getByRole('row', { name: /bob@example\.com/ })).getByRole('button', { name: 'Change role' }));
      await waitFor(() => expect(actions.changeMemberRoleAction).toHaveBeenCalledTimes(1));
      const form = lastForm(actions.changeMemberRoleAction);
      await expect([form.get('membershipId'), form.get('role')]).toEqual(['om_mock_bob', 'admin']);
    });
    await step('the page comes back with the notice and the new role', async () => {
      await expect(await canvas.findByRole('status')).toHaveTextContent('Changed the role of bob@example.com.');
      await expect(canvas.getByRole('combobox', { name: 'Role of bob@example.com' })).toHaveValue('admin');
    });
  }),
};

/** The invitation form: an email and a role, posted to `inviteMemberAction`. */
export const AdminInvites: Story = {
  play: onlyInOwnState(async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    const invite = await canvas.findByRole('form', { name: 'Invite a member' });
    await userEvent.type(within(invite).getByLabelText('Email address'), 'erin@example.com');
    await userEvent.click(within(invite).getByRole('button', { name: 'Send invitation' }));
    await waitFor(() => expect(actions.inviteMemberAction).toHaveBeenCalledTimes(1));
    await expect(lastForm(actions.inviteMemberAction).get('email')).toBe('erin@example.com');
    await expect(await canvas.findByRole('status')).toHaveTextContent('Invitation sent to erin@example.com.');
  }),
};

/** Removing a member: `removeMemberAction`; the row goes. */
export const AdminRemoves: Story = {
  play: onlyInOwnState(async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await userEvent.click(await canvas.findByRole('button', { name: 'Remove carol@example.com' }));
    await expect(await canvas.findByRole('status')).toHaveTextContent('Removed carol@example.com.');
    await expect(canvas.queryByRole('row', { name: /carol@example\.com/ })).toBeNull();
  }),
};

/** Bob, a member: the list only, and a way to leave (its confirmation is required). */
export const Member: Story = {
  parameters: { authState: 'signedIn' },
  play: onlyInOwnState(async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await expect(await canvas.findByRole('table', { name: 'Members' })).toHaveAttribute('data-state', 'view');
    await expect(canvas.queryByRole('combobox')).toBeNull();
    await expect(canvas.queryByRole('form', { name: 'Invite a member' })).toBeNull();
    await expect(canvas.getByRole('checkbox', { name: 'I understand I will lose access to this organization' })).toBeRequired();
  }),
};

/** WorkOS does not answer: the section says so, the page still renders. */
export const WorkOSDown: Story = {
  beforeEach: () => setMockOrganizationDirectory({ down: true }),
  play: onlyInOwnState(async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await expect(await canvas.findByRole('alert')).toHaveTextContent('The sign-in service is not answering just now.');
    await expect(canvas.getByRole('region', { name: 'Members' })).toHaveAttribute('data-state', 'error');
  }),
};

/** Every string from one `messages` object (here German), and the roles to offer. */
export const CustomMessages: Story = {
  args: {
    roles: ['admin', 'member', 'billing'],
    messages: {
      members: {
        title: 'Mitglieder', listLabel: 'Mitglieder', member: 'Mitglied', role: 'Rolle', actions: 'Aktionen', changeRole: 'Rolle ändern',
        roleOf: (email) => `Rolle von ${email}`, remove: 'Entfernen', removeLabel: (email) => `${email} entfernen`, inviteTitle: 'Mitglied einladen',
        inviteEmail: 'E-Mail-Adresse', inviteRole: 'Rolle', invite: 'Einladung senden', leave: 'Organisation verlassen', you: '(du)',
        confirmLeave: 'Ich verliere den Zugang zu dieser Organisation', statusName: (status) => (status === 'active' ? 'Aktiv' : 'Inaktiv'),
      },
      roleName: (slug) => ({ admin: 'Verwaltung', member: 'Mitglied', billing: 'Abrechnung' })[slug] ?? slug,
    },
  },
  play: onlyInOwnState(async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await expect(await canvas.findByRole('region', { name: 'Mitglieder' })).toBeInTheDocument();
    await expect(within(canvas.getByRole('combobox', { name: 'Rolle von bob@example.com' })).getAllByRole('option').map((o) => o.textContent))
      .toEqual(['Verwaltung', 'Mitglied', 'Abrechnung']);
  }),
};

export const SignedOut: Story = {
  parameters: { authState: 'signedOut' },
  play: onlyInOwnState(expectNothing),
};

export const Loading: Story = {
  parameters: { authState: 'loading' },
  play: onlyInOwnState(expectLoading),
};
