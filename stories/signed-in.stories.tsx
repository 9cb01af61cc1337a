import type { Meta, StoryObj } from '@storybook/nextjs-vite';
import { expect, within } from 'storybook/test';
import { SignedIn } from '../src/components/index.react-server.js';
import { onlyInOwnState } from '../.storybook/story-helpers.js';

/**
 * `<SignedIn>` (server face): renders `children` when signed in and every condition holds, else
 * `fallback`. Switch the auth state with the toolbar's "Auth" menu.
 */
const meta = {
  title: 'Gates/SignedIn',
  component: SignedIn,
  args: { children: <p>Welcome back — this is only for signed-in users.</p>, fallback: <p>Please sign in to continue.</p> },
} satisfies Meta<typeof SignedIn>;

export default meta;
type Story = StoryObj<typeof meta>;

export const SignedInUser: Story = {
  name: 'Signed in',
  parameters: { authState: 'signedIn' },
  play: onlyInOwnState(async ({ canvasElement }) => {
    await expect(await within(canvasElement).findByText(/only for signed-in users/)).toBeInTheDocument();
  }),
};

export const SignedOut: Story = {
  parameters: { authState: 'signedOut' },
  play: onlyInOwnState(async ({ canvasElement }) => {
    await expect(await within(canvasElement).findByText('Please sign in to continue.')).toBeInTheDocument();
  }),
};
