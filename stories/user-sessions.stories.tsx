import type { Meta, StoryObj } from '@storybook/nextjs-vite';
import { expect, userEvent, waitFor, within } from 'storybook/test';
import * as actions from '../src/actions/index.js';
import * as server from '../src/components/index.react-server.js';
import { setMockOrganizationDirectory } from '../src/testing/index.js';
import { expectLoading, expectNothing, lastForm, onlyInOwnState } from '../.storybook/story-helpers.js';

// `<UserSessions>`: the signed-in user's active sessions (device, IP address, last seen), a form to
// sign out any of them (this one signs the user out), and one to sign out all the others.
const meta = {
  title: 'Organizations/UserSessions',
  component: server.UserSessions,
  args: {},
  parameters: { authState: 'signedIn' },
} satisfies Meta<typeof server.UserSessions>;

export default meta;
type Story = StoryObj<typeof meta>;

/** This desktop and a phone; signing the phone out goes through `revokeSessionAction`. */
export const SignedIn: Story = {
  play: onlyInOwnState(async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    const rows = (await canvas.findAllByRole('row')).slice(1);
    await expect(rows.map((row) => row.textContent)).toEqual([
      expect.stringMatching(/^Chrome on macOS This device198\.51\.100\.10/),
      expect.stringMatching(/^Safari on iOS203\.0\.113\.4/),
    ]);
    await userEvent.click(canvas.getByRole('button', { name: 'Sign out Safari on iOS' }));
    await waitFor(() => expect(actions.revokeSessionAction).toHaveBeenCalledTimes(1));
    await expect(lastForm(actions.revokeSessionAction).get('sessionId')).toBe('session_mock_phone');
    await expect(await canvas.findByRole('status')).toHaveTextContent('Signed out that session.');
    await expect(canvas.queryByRole('button', { name: 'Sign out all other sessions' })).toBeNull();
  }),
};

/** "Sign out here": this session ends, so the user is signed out. */
export const SignOutHere: Story = {
  play: onlyInOwnState(async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await userEvent.click(await canvas.findByRole('button', { name: 'Sign out here' }));
    await waitFor(() => expect(canvas.queryByRole('region', { name: 'Active sessions' })).toBeNull());
  }),
};

export const OnlyThisSession: Story = {
  beforeEach: () => setMockOrganizationDirectory({ otherSessions: [] }),
  play: onlyInOwnState(async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await expect(await canvas.findAllByRole('row')).toHaveLength(2);
    await expect(canvas.queryByRole('button', { name: 'Sign out all other sessions' })).toBeNull();
  }),
};

export const WorkOSDown: Story = {
  beforeEach: () => setMockOrganizationDirectory({ down: true }),
  play: onlyInOwnState(async ({ canvasElement }) => {
    await expect(await within(canvasElement).findByRole('alert')).toHaveTextContent('not answering');
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
