import type { Meta, StoryObj } from '@storybook/nextjs-vite';
import { expect, within } from 'storybook/test';
import * as client from '../src/components/index.js';
import * as server from '../src/components/index.react-server.js';

// `<SignUpButton>`: a plain link that starts sign-up on the kit's auth route (AuthKit opens on its
// sign-up screen). Same props as `<SignInButton>`.
// (The docs page describes the component from its own JSDoc: see .storybook/docs-pages.ts.)
const meta = {
  title: 'Buttons/SignUpButton',
  component: server.SignUpButton,
  args: {},
  parameters: { authState: 'signedOut' },
} satisfies Meta<typeof server.SignUpButton>;

export default meta;
type Story = StoryObj<typeof meta>;

export const SignedOut: Story = {
  play: async ({ canvasElement }) => {
    await expect(await within(canvasElement).findByRole('link', { name: 'Sign up' })).toHaveAttribute('href', 'http://localhost:3000/callback?screen_hint=sign-up');
  },
};

export const SignedOutAsChild: Story = {
  args: {
    asChild: true,
    returnTo: '/welcome',
    children: <a style={{ padding: '6px 14px', border: '1px solid #4f46e5', borderRadius: 6, color: '#4f46e5', textDecoration: 'none' }}>Create an account</a>,
  },
  play: async ({ canvasElement }) => {
    const link = await within(canvasElement).findByRole('link', { name: 'Create an account' });
    await expect(link).toHaveAttribute('href', expect.stringContaining('return_to=%2Fwelcome'));
  },
};

export const ClientFace: Story = {
  render: (args) => <client.SignUpButton {...args} />,
  play: async ({ canvasElement }) => {
    await expect(await within(canvasElement).findByRole('link', { name: 'Sign up' })).toHaveAttribute('href', expect.stringContaining('screen_hint=sign-up'));
  },
};
