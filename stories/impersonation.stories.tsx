import type { Meta, StoryObj } from '@storybook/nextjs-vite';
import { expect, userEvent, waitFor, within } from 'storybook/test';
import * as actions from '../src/actions/index.js';
import * as client from '../src/components/index.js';
import * as server from '../src/components/index.react-server.js';
import { expectLoading, expectNothing, onlyInOwnState } from '../.storybook/story-helpers.js';

// `<Impersonation>`: while an admin impersonates the user, a banner (announced, `role="status"`)
// says who is impersonating whom, in which organisation and why, with a "Stop impersonating" form
// that signs the session out. Styled with `--workos-impersonation-*` CSS variables.
// (The docs page describes the component from its own JSDoc: see .storybook/docs-pages.ts.)
const meta = {
  title: 'Components/Impersonation',
  component: server.Impersonation,
  args: { side: 'bottom' },
  parameters: { layout: 'fullscreen' },
} satisfies Meta<typeof server.Impersonation>;

export default meta;
type Story = StoryObj<typeof meta>;

export const Impersonating: Story = {
  parameters: { authState: 'impersonating' },
  play: onlyInOwnState(async ({ canvasElement }) => {
    const banner = await within(canvasElement).findByRole('status');
    await expect(banner).toHaveTextContent('support@example.com is impersonating bob@example.com in Acme (reason: Investigating ticket #4521)');
  }),
};

/** "Stop impersonating" posts the form to `signOutAction` (mocked): the session ends, the banner goes. */
export const ImpersonatingStopped: Story = {
  parameters: { authState: 'impersonating' },
  play: onlyInOwnState(async ({ canvasElement, step }) => {
    const canvas = within(canvasElement);
    await step('stop impersonating', async () => {
      await userEvent.click(await canvas.findByRole('button', { name: 'Stop impersonating' }));
      await waitFor(() => expect(actions.signOutAction).toHaveBeenCalledTimes(1));
    });
    await step('the session ended: no banner', async () => {
      await waitFor(() => expect(canvas.queryByRole('status')).toBeNull());
    });
  }),
};

/** `side="top"`, a `returnTo` for after stopping, and themed through the CSS variables. */
export const ImpersonatingTop: Story = {
  parameters: { authState: 'impersonating' },
  args: {
    side: 'top',
    returnTo: '/admin/users',
    style: { ['--workos-impersonation-background-color' as string]: '#1f2937', ['--workos-impersonation-color' as string]: '#f9fafb' },
  },
  play: onlyInOwnState(async ({ canvasElement }) => {
    const banner = await within(canvasElement).findByRole('status');
    await expect(banner).toHaveAttribute('data-side', 'top');
    await expect(banner.querySelector('input[name="returnTo"]')).toHaveValue('/admin/users');
  }),
};

/** Nobody is impersonating: no banner. */
export const SignedIn: Story = {
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

/** The client twin, from `useAuth()` (the organisation name comes from the provider's seed). */
export const ClientFace: Story = {
  parameters: { authState: 'impersonating' },
  render: (args) => <client.Impersonation {...args} />,
  play: onlyInOwnState(async ({ canvasElement }) => {
    await expect(await within(canvasElement).findByRole('status')).toHaveTextContent('in Acme');
  }),
};
