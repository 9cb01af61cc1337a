import type { Meta, StoryObj } from '@storybook/nextjs-vite';
import { cookies } from '@storybook/nextjs-vite/headers.mock';
import { expect, userEvent, waitFor, within } from 'storybook/test';
import * as actions from '../src/actions/index.js';
import * as server from '../src/components/index.react-server.js';
import { writePendingSelection } from '../src/server/callback/pending-selection.js';
import { writeNotice } from '../src/server/organizations/notices.js';
import { sessionRoot } from '../src/server/root/current-root.js';
import { expectLoading, lastForm, onlyInOwnState } from '../.storybook/story-helpers.js';

// `<OrganizationPicker>`: where a sign-in goes when WorkOS asks the app to choose the organization
// (`handleAuth({ organizationSelectionPath })`). It lists the organizations WorkOS offered, kept in
// a sealed cookie by the callback, one form each posting `selectOrganizationAction`; with nothing
// pending, a link to sign in again.
const meta = {
  title: 'Organizations/OrganizationPicker',
  component: server.OrganizationPicker,
  args: {},
  parameters: { authState: 'signedOut' },
} satisfies Meta<typeof server.OrganizationPicker>;

export default meta;
type Story = StoryObj<typeof meta>;

/** What the callback leaves when Alice lets the app choose between Acme and Globex. */
const jar = { set: (name: string, value: string) => cookies().set(name, value) };
const pendingChoice = () => writePendingSelection(sessionRoot(), jar, {
  token: 'pending_mock', nonce: 'nonce_mock', userId: 'user_alice', email: 'alice@example.com', returnTo: '/',
  organizations: [{ id: 'org_acme', name: 'Acme' }, { id: 'org_globex', name: 'Globex' }],
});

export const Pending: Story = {
  beforeEach: pendingChoice,
  play: onlyInOwnState(async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await expect(await canvas.findByText('Signing in as alice@example.com. Which organization do you want to use?')).toBeInTheDocument();
    const list = canvas.getByRole('list', { name: 'Organizations' });
    await expect(within(list).getAllByRole('button').map((button) => button.textContent)).toEqual(['Acme', 'Globex']);
    await userEvent.click(within(list).getByRole('button', { name: 'Globex' }));
    await waitFor(() => expect(actions.selectOrganizationAction).toHaveBeenCalledTimes(1));
    await expect(lastForm(actions.selectOrganizationAction).get('organizationId')).toBe('org_globex');
  }),
};

/** A refused choice (a forged form naming an organization not offered): the notice, the choice still open. */
export const PendingNotOffered: Story = {
  beforeEach: async () => {
    await pendingChoice();
    await writeNotice(sessionRoot(), { scope: 'picker', code: 'not-offered' });
  },
  play: onlyInOwnState(async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await expect(await canvas.findByRole('alert')).toHaveTextContent('That organization was not offered for this sign-in.');
    await expect(canvas.getByRole('button', { name: 'Acme' })).toBeInTheDocument();
  }),
};

/** Nothing pending (expired, already used, or opened directly): a link to sign in again. */
export const Expired: Story = {
  play: onlyInOwnState(async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await expect(await canvas.findByRole('alert')).toHaveTextContent('This sign-in has expired or was already completed.');
    await expect(canvas.getByRole('link', { name: 'Sign in again' })).toHaveAttribute('href', expect.stringContaining('/callback?screen_hint=sign-in'));
  }),
};

export const Loading: Story = {
  parameters: { authState: 'loading' },
  play: onlyInOwnState(expectLoading),
};
