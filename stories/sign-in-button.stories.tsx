import type { Meta, StoryObj } from '@storybook/nextjs-vite';
import { expect, within } from 'storybook/test';
import * as client from '../src/components/index.js';
import * as server from '../src/components/index.react-server.js';

// `<SignInButton>`: a plain link to the kit's auth route (`getSignInUrl()`), which starts the WorkOS
// flow there. `returnTo`, `organizationId` and `loginHint` go into the URL; `asChild` renders your
// own element. It renders in every auth state (wrap it in `<SignedOut>` to hide it).
// (The docs page describes the component from its own JSDoc: see .storybook/docs-pages.ts.)
const meta = {
  title: 'Buttons/SignInButton',
  component: server.SignInButton,
  args: {},
  parameters: { authState: 'signedOut' },
} satisfies Meta<typeof server.SignInButton>;

export default meta;
type Story = StoryObj<typeof meta>;

const linkIn = async (canvasElement: HTMLElement, name: string) => within(canvasElement).findByRole('link', { name });

export const SignedOut: Story = {
  play: async ({ canvasElement }) => {
    const link = await linkIn(canvasElement, 'Sign in');
    await expect(link.getAttribute('href')).toBe('http://localhost:3000/callback?screen_hint=sign-in');
  },
};

/** Back to `/dashboard` after signing in, into Acme, with the email filled in. */
export const SignedOutWithReturnTo: Story = {
  args: { returnTo: '/dashboard', organizationId: 'org_acme', loginHint: 'alice@example.com' },
  play: async ({ canvasElement }) => {
    const href = new URL((await linkIn(canvasElement, 'Sign in')).getAttribute('href')!);
    await expect(Object.fromEntries(href.searchParams)).toEqual({
      screen_hint: 'sign-in', return_to: '/dashboard', organization_id: 'org_acme', login_hint: 'alice@example.com',
    });
  },
};

/** `asChild`: your element (here a styled anchor) gets the `href`. */
export const SignedOutAsChild: Story = {
  args: {
    asChild: true,
    children: <a style={{ padding: '6px 14px', borderRadius: 6, background: '#4f46e5', color: 'white', textDecoration: 'none' }}>Log in to Acme</a>,
  },
  play: async ({ canvasElement }) => {
    await expect(await linkIn(canvasElement, 'Log in to Acme')).toHaveAttribute('href', expect.stringContaining('/callback?screen_hint=sign-in'));
  },
};

/** The client twin builds the same URL from the provider's auth route. */
export const ClientFace: Story = {
  args: { returnTo: '/dashboard' },
  render: (args) => <client.SignInButton {...args} />,
  play: async ({ canvasElement }) => {
    await expect(await linkIn(canvasElement, 'Sign in')).toHaveAttribute('href', 'http://localhost:3000/callback?screen_hint=sign-in&return_to=%2Fdashboard');
  },
};
