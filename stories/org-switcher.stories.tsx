import type { Meta, StoryObj } from '@storybook/nextjs-vite';
import { expect, userEvent, waitFor, within } from 'storybook/test';
import * as actions from '../src/actions/index.js';
import * as client from '../src/components/index.js';
import * as server from '../src/components/index.react-server.js';
import { currentMockSession } from '../src/testing/index.js';
import { expectLoading, expectNothing, onlyInOwnState } from '../.storybook/story-helpers.js';

// `<OrgSwitcher>` lists the user's active memberships (fetched on the server), marks the current
// one, and switches with `switchOrganizationAction`: one plain `<form>` per organisation, so it
// works without JavaScript. Hidden for a single membership unless `showWhenSingle`.
// (The docs page describes the component from its own JSDoc: see .storybook/docs-pages.ts.)
const meta = {
  title: 'Components/OrgSwitcher',
  component: server.OrgSwitcher,
  args: {},
} satisfies Meta<typeof server.OrgSwitcher>;

export default meta;
type Story = StoryObj<typeof meta>;

/** Dave belongs to five organisations; switching goes through the (mocked) server action. */
export const ManyOrgs: Story = {
  parameters: { authState: 'manyOrgs' },
  play: onlyInOwnState(async ({ canvasElement, step }) => {
    const canvas = within(canvasElement);
    await step('open the switcher', async () => {
      await userEvent.click(await canvas.findByText('Globex', { selector: 'summary' }));
    });
    await step('switch to Hooli', async () => {
      await userEvent.click(canvas.getByRole('button', { name: 'Hooli' }));
      await waitFor(() => expect(actions.switchOrganizationAction).toHaveBeenCalledTimes(1));
      const form = (actions.switchOrganizationAction as unknown as { mock: { calls: [FormData][] } }).mock.calls[0]![0];
      await expect(form.get('organizationId')).toBe('org_hooli');
    });
    await step('the server re-renders with Hooli current', async () => {
      await expect(await canvas.findByText('Hooli', { selector: 'summary' })).toBeInTheDocument();
    });
  }),
};

/** Alice: admin of Acme (current), member of Globex. */
export const Admin: Story = {
  parameters: { authState: 'admin' },
  play: onlyInOwnState(async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await userEvent.click(await canvas.findByText('Acme', { selector: 'summary' }));
    await expect(canvas.getByRole('button', { name: 'Acme' })).toHaveAttribute('data-state', 'active');
    await expect(canvas.getByRole('button', { name: 'Globex' })).toHaveAttribute('data-state', 'inactive');
  }),
};

/** One membership: nothing, unless `showWhenSingle`. */
export const SignedIn: Story = {
  parameters: { authState: 'signedIn' },
  play: onlyInOwnState(expectNothing),
};

export const SignedInShowWhenSingle: Story = {
  parameters: { authState: 'signedIn' },
  args: { showWhenSingle: true },
  play: onlyInOwnState(async ({ canvasElement }) => {
    await expect(await within(canvasElement).findByText('Acme', { selector: 'summary' })).toBeInTheDocument();
  }),
};

export const SignedOut: Story = {
  parameters: { authState: 'signedOut' },
  play: onlyInOwnState(expectNothing),
};

/** Custom markup with the render prop and the compound parts; `data-state` styles the current item. */
export const ManyOrgsCustomRendering: Story = {
  parameters: { authState: 'manyOrgs' },
  args: {
    children: ({ organizations, current }) => (
      <>
        <server.OrgSwitcher.Trigger>Workspace: {current?.name}</server.OrgSwitcher.Trigger>
        <ul style={{ listStyle: 'none', padding: 0 }}>
          {organizations.map((org) => (
            <server.OrgSwitcher.Item key={org.id} organization={org} style={{ fontWeight: org.current ? 700 : 400 }}>
              {org.name} {org.role ? `(${org.role})` : ''}
            </server.OrgSwitcher.Item>
          ))}
        </ul>
      </>
    ),
  },
  play: onlyInOwnState(async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await userEvent.click(await canvas.findByText('Workspace: Globex'));
    await expect(canvas.getByRole('button', { name: 'Globex (admin)' })).toHaveAttribute('data-current');
  }),
};

export const Loading: Story = {
  parameters: { authState: 'loading' },
  play: onlyInOwnState(expectLoading),
};

/** The client twin without `organizations`: it asks `getOrganizationsAction` (mocked) once, showing nothing until then. */
export const ClientFace: Story = {
  parameters: { authState: 'manyOrgs' },
  render: (args) => <client.OrgSwitcher {...args} />,
  play: onlyInOwnState(async ({ canvasElement }) => {
    await expect(await within(canvasElement).findByText('Globex', { selector: 'summary' })).toBeInTheDocument();
    await expect(actions.getOrganizationsAction).toHaveBeenCalledTimes(1);
  }),
};

/** The client twin given `organizations` (say, from `listOrganizationMemberships()` in a server component): no request. */
export const ClientFaceWithOrganizations: Story = {
  parameters: { authState: 'manyOrgs' },
  render: (args) => <client.OrgSwitcher {...args} organizations={currentMockSession()?.organizations} />,
  play: onlyInOwnState(async ({ canvasElement }) => {
    await expect(await within(canvasElement).findByText('Globex', { selector: 'summary' })).toBeInTheDocument();
    await expect(actions.getOrganizationsAction).not.toHaveBeenCalled();
  }),
};
