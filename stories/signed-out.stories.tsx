import type { Meta, StoryObj } from '@storybook/nextjs-vite';
import { expect, within } from 'storybook/test';
import * as client from '../src/components/index.js';
import * as server from '../src/components/index.react-server.js';
import { expectLoading, onlyInOwnState } from '../.storybook/story-helpers.js';

// `<SignedOut>` renders `children` when nobody is signed in, else `fallback`: the place for a
// sign-in button in a layout. Server face shown; the client twin is the last story.
// (The docs page describes the component from its own JSDoc: see .storybook/docs-pages.ts.)
const meta = {
  title: 'Gates/SignedOut',
  component: server.SignedOut,
  args: {
    children: (
      <p>
        New here? <server.SignUpButton /> or <server.SignInButton />
      </p>
    ),
    fallback: <p>You are signed in.</p>,
  },
} satisfies Meta<typeof server.SignedOut>;

export default meta;
type Story = StoryObj<typeof meta>;

export const SignedOut: Story = {
  parameters: { authState: 'signedOut' },
  play: onlyInOwnState(async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await expect(await canvas.findByRole('link', { name: 'Sign in' })).toHaveAttribute('href', expect.stringContaining('screen_hint=sign-in'));
    await expect(canvas.getByRole('link', { name: 'Sign up' })).toHaveAttribute('href', expect.stringContaining('screen_hint=sign-up'));
  }),
};

export const SignedIn: Story = {
  parameters: { authState: 'signedIn' },
  play: onlyInOwnState(async ({ canvasElement }) => {
    await expect(await within(canvasElement).findByText('You are signed in.')).toBeInTheDocument();
  }),
};

export const Loading: Story = {
  parameters: { authState: 'loading' },
  play: onlyInOwnState(expectLoading),
};

/** The client twin, with client buttons, in the toolbar's state (default: signed in). */
export const ClientFace: Story = {
  args: {
    children: (
      <p>
        New here? <client.SignUpButton /> or <client.SignInButton />
      </p>
    ),
  },
  render: (args) => <client.SignedOut {...args} />,
  play: onlyInOwnState(async ({ canvasElement }) => {
    await expect(await within(canvasElement).findByText('You are signed in.')).toBeInTheDocument();
  }),
};
