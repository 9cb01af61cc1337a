import type { Meta, StoryObj } from '@storybook/nextjs-vite';
import { expect, userEvent, waitFor, within } from 'storybook/test';
import * as actions from '../src/actions/index.js';
import { useAuth } from '../src/components/index.js';
import * as server from '../src/components/index.react-server.js';
import { expectLoading, onlyInOwnState } from '../.storybook/story-helpers.js';

/** A client component reading `useAuth()`: what an app's own components do. */
function WhoAmI() {
  const { user, loading, organizationId, role, permissions, impersonator, switchToOrganization, signOut } = useAuth();
  if (loading) return <p>Loading…</p>;
  if (!user) return <p>Nobody is signed in.</p>;
  return (
    <div style={{ display: 'grid', gap: 8, maxWidth: 420 }}>
      <p style={{ margin: 0 }}>
        Signed in as <strong>{user.firstName} {user.lastName}</strong> ({user.email})
      </p>
      <dl style={{ display: 'grid', gridTemplateColumns: 'max-content 1fr', gap: '2px 12px', margin: 0 }}>
        <dt>organization</dt><dd data-testid="organization">{organizationId ?? '—'}</dd>
        <dt>role</dt><dd>{role ?? '—'}</dd>
        <dt>permissions</dt><dd>{permissions?.join(', ') || '—'}</dd>
        {impersonator && (<><dt>impersonator</dt><dd>{impersonator.email}</dd></>)}
      </dl>
      <div style={{ display: 'flex', gap: 8 }}>
        <button type="button" onClick={() => void switchToOrganization('org_globex')}>Switch to Globex</button>
        <button type="button" onClick={() => void signOut()}>Sign out</button>
      </div>
    </div>
  );
}

// `<AuthKitProvider>` (server shell): reads the session once on the server and seeds the client
// provider with the redacted session (never the tokens), so `useAuth()` has data on the first
// render. The stories render the server shell around a client component that calls `useAuth()`.
// (The docs page describes the component from its own JSDoc: see .storybook/docs-pages.ts.)
const meta = {
  title: 'Provider/AuthKitProvider',
  component: server.AuthKitProvider,
  args: { children: <WhoAmI /> },
} satisfies Meta<typeof server.AuthKitProvider>;

export default meta;
type Story = StoryObj<typeof meta>;

export const SignedOut: Story = {
  parameters: { authState: 'signedOut' },
  play: onlyInOwnState(async ({ canvasElement }) => {
    await expect(await within(canvasElement).findByText('Nobody is signed in.')).toBeInTheDocument();
  }),
};

export const SignedIn: Story = {
  parameters: { authState: 'signedIn' },
  play: onlyInOwnState(async ({ canvasElement }) => {
    await expect(await within(canvasElement).findByText('bob@example.com', { exact: false })).toBeInTheDocument();
  }),
};

/** `switchToOrganization()` from `useAuth()` calls the (mocked) action and updates the session. */
export const Admin: Story = {
  parameters: { authState: 'admin' },
  play: onlyInOwnState(async ({ canvasElement, step }) => {
    const canvas = within(canvasElement);
    await expect(await canvas.findByTestId('organization')).toHaveTextContent('org_acme');
    await step('switch to Globex', async () => {
      await userEvent.click(canvas.getByRole('button', { name: 'Switch to Globex' }));
      await waitFor(() => expect(actions.switchOrganizationAction).toHaveBeenCalledWith('org_globex', undefined));
      await waitFor(async () => expect(await canvas.findByTestId('organization')).toHaveTextContent('org_globex'));
    });
  }),
};

export const ManyOrgs: Story = {
  parameters: { authState: 'manyOrgs' },
  play: onlyInOwnState(async ({ canvasElement }) => {
    await expect(await within(canvasElement).findByTestId('organization')).toHaveTextContent('org_globex');
  }),
};

export const Impersonating: Story = {
  parameters: { authState: 'impersonating' },
  args: { children: (<><server.Impersonation side="bottom" /><WhoAmI /></>) },
  play: onlyInOwnState(async ({ canvasElement }) => {
    await expect(await within(canvasElement).findByText('support@example.com', { selector: 'dd' })).toBeInTheDocument();
  }),
};

/** `signOut()` from `useAuth()` calls the (mocked) `signOutAction`; the provider then has no user. */
export const SignedInThenSignedOut: Story = {
  parameters: { authState: 'signedIn' },
  play: onlyInOwnState(async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await userEvent.click(await canvas.findByRole('button', { name: 'Sign out' }));
    await waitFor(() => expect(actions.signOutAction).toHaveBeenCalledTimes(1));
    await expect(await canvas.findByText('Nobody is signed in.')).toBeInTheDocument();
  }),
};

/** Server face: the session is being read (Suspense fallback). */
export const Loading: Story = {
  parameters: { authState: 'loading' },
  play: onlyInOwnState(expectLoading),
};

/**
 * Client face: the client provider without a seed is `loading` until `getAuthAction` answers
 * (the mock never does in this state). Use the toolbar to see the consumer in other states.
 */
export const ClientFaceLoading: Story = {
  parameters: { authState: 'loading' },
  render: () => <WhoAmI />,
  play: onlyInOwnState(async ({ canvasElement }) => {
    await expect(await within(canvasElement).findByText('Loading…')).toBeInTheDocument();
  }),
};
