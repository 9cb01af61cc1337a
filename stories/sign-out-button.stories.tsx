import type { Meta, StoryObj } from '@storybook/nextjs-vite';
import { expect, userEvent, waitFor, within } from 'storybook/test';
import * as actions from '../src/actions/index.js';
import * as client from '../src/components/index.js';
import * as server from '../src/components/index.react-server.js';
import { onlyInOwnState } from '../.storybook/story-helpers.js';

// `<SignOutButton>`: a `<form>` whose submit button calls `signOutAction` (a server action), so it
// works before hydration and without JavaScript. `returnTo` says where WorkOS sends the browser next.
// (The docs page describes the component from its own JSDoc: see .storybook/docs-pages.ts.)
const meta = {
  title: 'Buttons/SignOutButton',
  component: server.SignOutButton,
  args: {},
  parameters: { authState: 'signedIn' },
} satisfies Meta<typeof server.SignOutButton>;

export default meta;
type Story = StoryObj<typeof meta>;

/** Signing out: the action is called with the form, and the mock session ends. */
export const SignedIn: Story = {
  args: { returnTo: '/goodbye' },
  play: onlyInOwnState(async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await userEvent.click(await canvas.findByRole('button', { name: 'Sign out' }));
    await waitFor(() => expect(actions.signOutAction).toHaveBeenCalledTimes(1));
    const form = (actions.signOutAction as unknown as { mock: { calls: [FormData][] } }).mock.calls[0]![0];
    await expect(form.get('returnTo')).toBe('/goodbye');
  }),
};

/** Inside `<SignedIn>`, the usual layout: after signing out the button is gone. */
export const SignedInInsideGate: Story = {
  render: (args) => (
    <server.SignedIn fallback={<p>Signed out.</p>}>
      <server.SignOutButton {...args} />
    </server.SignedIn>
  ),
  play: onlyInOwnState(async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await userEvent.click(await canvas.findByRole('button', { name: 'Sign out' }));
    await expect(await canvas.findByText('Signed out.')).toBeInTheDocument();
  }),
};

/** `asChild`: your own submit control. */
export const SignedInAsChild: Story = {
  args: { asChild: true, children: <button style={{ color: '#b91c1c' }}>Log out of Acme</button> },
  play: onlyInOwnState(async ({ canvasElement }) => {
    await expect(await within(canvasElement).findByRole('button', { name: 'Log out of Acme' })).toHaveAttribute('type', 'submit');
  }),
};

export const ClientFace: Story = {
  render: (args) => <client.SignOutButton {...args} />,
  play: onlyInOwnState(async ({ canvasElement }) => {
    await expect(await within(canvasElement).findByRole('form', { name: 'Sign out' })).toBeInTheDocument();
  }),
};
