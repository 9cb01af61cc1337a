import type { Meta, StoryObj } from '@storybook/nextjs-vite';
import { expect, within } from 'storybook/test';
import * as client from '../src/components/index.js';
import * as server from '../src/components/index.react-server.js';
import { expectLoading, onlyInOwnState } from '../.storybook/story-helpers.js';

// `<SignedIn>` renders `children` when the user is signed in and meets every condition (`role`,
// `roles`, `permission`, `entitlement`, `featureFlag`, `organizationId`, `condition`), else
// `fallback`. These stories show the server face (an async server component reading the session
// through `withAuth()`); pick any auth state in the toolbar's "Auth" menu.
// (The docs page describes the component from its own JSDoc: see .storybook/docs-pages.ts.)
const meta = {
  title: 'Gates/SignedIn',
  component: server.SignedIn,
  args: {
    children: <p>Welcome back. This is only for signed-in users.</p>,
    fallback: <p>Please sign in to continue.</p>,
  },
} satisfies Meta<typeof server.SignedIn>;

export default meta;
type Story = StoryObj<typeof meta>;

export const SignedIn: Story = {
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

/** `role="admin"`: the admin preset meets it. */
export const Admin: Story = {
  parameters: { authState: 'admin' },
  args: { role: 'admin', children: <p>Admin tools</p>, fallback: <p>Admins only.</p> },
  play: onlyInOwnState(async ({ canvasElement }) => {
    await expect(await within(canvasElement).findByText('Admin tools')).toBeInTheDocument();
  }),
};

/** The same `role="admin"` gate for a member: the fallback. */
export const SignedInWithoutRole: Story = {
  parameters: { authState: 'signedIn' },
  args: Admin.args,
  play: onlyInOwnState(async ({ canvasElement }) => {
    await expect(await within(canvasElement).findByText('Admins only.')).toBeInTheDocument();
  }),
};

/** `organizationId="org_globex"`: Dave's session is scoped to Globex. */
export const ManyOrgs: Story = {
  parameters: { authState: 'manyOrgs' },
  args: { organizationId: 'org_globex', children: <p>Globex workspace</p>, fallback: <p>Switch to Globex to see this.</p> },
  play: onlyInOwnState(async ({ canvasElement }) => {
    await expect(await within(canvasElement).findByText('Globex workspace')).toBeInTheDocument();
  }),
};

/** A predicate: hide billing while someone is impersonating the user. */
export const Impersonating: Story = {
  parameters: { authState: 'impersonating' },
  args: { condition: (auth) => !auth.impersonator, children: <p>Billing settings</p>, fallback: <p>Billing is hidden while impersonating.</p> },
  play: onlyInOwnState(async ({ canvasElement }) => {
    await expect(await within(canvasElement).findByText('Billing is hidden while impersonating.')).toBeInTheDocument();
  }),
};

/** The session has not been read yet: the page's Suspense fallback shows. */
export const Loading: Story = {
  parameters: { authState: 'loading' },
  play: onlyInOwnState(expectLoading),
};

/** The client twin (same props, reads `useAuth()`), in the toolbar's state (default: signed in). */
export const ClientFace: Story = {
  render: (args) => <client.SignedIn {...args} />,
  play: onlyInOwnState(async ({ canvasElement }) => {
    await expect(await within(canvasElement).findByText(/only for signed-in users/)).toBeInTheDocument();
  }),
};
