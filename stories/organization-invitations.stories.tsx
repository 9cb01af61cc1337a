import type { Meta, StoryObj } from '@storybook/nextjs-vite';
import { expect, userEvent, waitFor, within } from 'storybook/test';
import * as actions from '../src/actions/index.js';
import * as server from '../src/components/index.react-server.js';
import { setMockOrganizationDirectory } from '../src/testing/index.js';
import { expectLoading, expectNothing, lastForm, onlyInOwnState } from '../.storybook/story-helpers.js';

// `<OrganizationInvitations>`: the current organization's pending invitations (email, role, expiry)
// with resend and revoke forms, for managers only; nothing for anyone else.
const meta = {
  title: 'Organizations/OrganizationInvitations',
  component: server.OrganizationInvitations,
  args: {},
  parameters: { authState: 'admin' },
} satisfies Meta<typeof server.OrganizationInvitations>;

export default meta;
type Story = StoryObj<typeof meta>;

/** One pending invitation; revoking it goes through `revokeInvitationAction` and the list empties. */
export const Admin: Story = {
  play: onlyInOwnState(async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    const row = await canvas.findByRole('row', { name: /dana@example\.com/ });
    await expect(row).toHaveTextContent(/Member.*Jan 9, 2026/);
    await userEvent.click(within(row).getByRole('button', { name: 'Revoke the invitation to dana@example.com' }));
    await waitFor(() => expect(actions.revokeInvitationAction).toHaveBeenCalledTimes(1));
    await expect(lastForm(actions.revokeInvitationAction).get('invitationId')).toBe('invitation_mock_dana');
    await expect(await canvas.findByRole('status')).toHaveTextContent('Revoked the invitation to dana@example.com.');
    await expect(canvas.getByText('No pending invitations.')).toBeInTheDocument();
  }),
};

/** Resending: `resendInvitationAction`. */
export const AdminResends: Story = {
  play: onlyInOwnState(async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await userEvent.click(await canvas.findByRole('button', { name: 'Resend the invitation to dana@example.com' }));
    await expect(await canvas.findByRole('status')).toHaveTextContent('Invitation sent again to dana@example.com.');
  }),
};

export const Empty: Story = {
  beforeEach: () => setMockOrganizationDirectory({ invitations: [] }),
  play: onlyInOwnState(async ({ canvasElement }) => {
    const region = await within(canvasElement).findByRole('region', { name: 'Pending invitations' });
    await expect(region).toHaveAttribute('data-state', 'empty');
  }),
};

export const WorkOSDown: Story = {
  beforeEach: () => setMockOrganizationDirectory({ down: true }),
  play: onlyInOwnState(async ({ canvasElement }) => {
    await expect(await within(canvasElement).findByRole('alert')).toHaveTextContent('not answering');
  }),
};

/** A member: nothing (invitations are the managers' business). */
export const Member: Story = {
  parameters: { authState: 'signedIn' },
  play: onlyInOwnState(expectNothing),
};

export const SignedOut: Story = {
  parameters: { authState: 'signedOut' },
  play: onlyInOwnState(expectNothing),
};

export const Loading: Story = {
  parameters: { authState: 'loading' },
  play: onlyInOwnState(expectLoading),
};
