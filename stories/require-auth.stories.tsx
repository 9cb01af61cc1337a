import { redirect } from '@storybook/nextjs-vite/navigation.mock';
import type { Meta, StoryObj } from '@storybook/nextjs-vite';
import { expect, waitFor, within } from 'storybook/test';
import * as client from '../src/components/index.js';
import * as server from '../src/components/index.react-server.js';
import { expectLoading, onlyInOwnState, ShowRedirect } from '../.storybook/story-helpers.js';

// `<RequireAuth>` protects a part of a page. Signed out, it redirects to sign-in and back (or renders
// `fallback` when given); signed in without a condition, it renders `fallback` (default nothing).
// (The docs page describes the component from its own JSDoc: see .storybook/docs-pages.ts.)
const meta = {
  title: 'Gates/RequireAuth',
  component: server.RequireAuth,
  args: { children: <p>Your dashboard</p> },
} satisfies Meta<typeof server.RequireAuth>;

export default meta;
type Story = StoryObj<typeof meta>;

/** No fallback: a server `redirect()` to the auth route, coming back to `returnTo` (shown, not followed). */
export const SignedOut: Story = {
  parameters: { authState: 'signedOut' },
  args: { returnTo: '/dashboard' },
  render: (args) => (
    <ShowRedirect>
      <server.RequireAuth {...args} />
    </ShowRedirect>
  ),
  play: onlyInOwnState(async ({ canvasElement }) => {
    await waitFor(() => expect(redirect).toHaveBeenCalledWith(expect.stringMatching(/\/callback\?.*return_to=%2Fdashboard/)));
    await expect(await within(canvasElement).findByRole('status')).toHaveTextContent('Redirects to sign-in: http://localhost:3000/callback?');
  }),
};

export const SignedOutWithFallback: Story = {
  parameters: { authState: 'signedOut' },
  args: { fallback: <p>Sign in to see your dashboard.</p> },
  play: onlyInOwnState(async ({ canvasElement }) => {
    await expect(await within(canvasElement).findByText('Sign in to see your dashboard.')).toBeInTheDocument();
  }),
};

export const SignedIn: Story = {
  parameters: { authState: 'signedIn' },
  play: onlyInOwnState(async ({ canvasElement }) => {
    await expect(await within(canvasElement).findByText('Your dashboard')).toBeInTheDocument();
  }),
};

/** `permission="members:manage"`: the admin preset has it. */
export const Admin: Story = {
  parameters: { authState: 'admin' },
  args: { permission: 'members:manage', children: <p>Member management</p>, fallback: <p>You need the members:manage permission.</p> },
  play: onlyInOwnState(async ({ canvasElement }) => {
    await expect(await within(canvasElement).findByText('Member management')).toBeInTheDocument();
  }),
};

/** The same permission for a member: the fallback, no redirect. */
export const SignedInWithoutPermission: Story = {
  parameters: { authState: 'signedIn' },
  args: Admin.args,
  play: onlyInOwnState(async ({ canvasElement }) => {
    await expect(await within(canvasElement).findByText('You need the members:manage permission.')).toBeInTheDocument();
  }),
};

/** An entitlement and a feature flag of the admin preset's organisation. */
export const AdminWithEntitlement: Story = {
  parameters: { authState: 'admin' },
  args: { entitlement: 'audit-logs', featureFlag: 'new-dashboard', children: <p>Audit logs (new dashboard)</p> },
  play: onlyInOwnState(async ({ canvasElement }) => {
    await expect(await within(canvasElement).findByText('Audit logs (new dashboard)')).toBeInTheDocument();
  }),
};

export const Loading: Story = {
  parameters: { authState: 'loading' },
  play: onlyInOwnState(expectLoading),
};

/** The client twin (signed out it navigates to sign-in in the browser; here with a fallback). */
export const ClientFace: Story = {
  args: { fallback: <p>Sign in to see your dashboard.</p> },
  render: (args) => <client.RequireAuth {...args} />,
  play: onlyInOwnState(async ({ canvasElement }) => {
    await expect(await within(canvasElement).findByText('Your dashboard')).toBeInTheDocument();
  }),
};
