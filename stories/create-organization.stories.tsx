import type { Meta, StoryObj } from '@storybook/nextjs-vite';
import { expect, userEvent, waitFor, within } from 'storybook/test';
import * as actions from '../src/actions/index.js';
import * as server from '../src/components/index.react-server.js';
import { expectLoading, expectNothing, lastForm, onlyInOwnState } from '../.storybook/story-helpers.js';

// `<CreateOrganization>`: one labelled name field posting `createOrganizationAction`, which creates
// the organization, makes the signed-in user its admin and switches the session into it.
const meta = {
  title: 'Organizations/CreateOrganization',
  component: server.CreateOrganization,
  args: {},
  parameters: { authState: 'signedIn' },
} satisfies Meta<typeof server.CreateOrganization>;

export default meta;
type Story = StoryObj<typeof meta>;

export const SignedIn: Story = {
  play: onlyInOwnState(async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await userEvent.type(await canvas.findByRole('textbox', { name: 'Organization name' }), 'Bob’s Shop');
    await userEvent.click(canvas.getByRole('button', { name: 'Create organization' }));
    await waitFor(() => expect(actions.createOrganizationAction).toHaveBeenCalledTimes(1));
    await expect(lastForm(actions.createOrganizationAction).get('name')).toBe('Bob’s Shop');
    await expect(await canvas.findByRole('status')).toHaveTextContent('Created Bob’s Shop. You are its admin.');
  }),
};

export const CustomMessages: Story = {
  args: { messages: { create: { title: 'Nouvelle organisation', nameLabel: 'Nom', submit: 'Créer' } } },
  play: onlyInOwnState(async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await expect(await canvas.findByRole('region', { name: 'Nouvelle organisation' })).toBeInTheDocument();
    await expect(canvas.getByRole('textbox', { name: 'Nom' })).toBeRequired();
  }),
};

export const SignedOut: Story = {
  parameters: { authState: 'signedOut' },
  play: onlyInOwnState(expectNothing),
};

export const Loading: Story = {
  parameters: { authState: 'loading' },
  play: onlyInOwnState(expectLoading),
};
