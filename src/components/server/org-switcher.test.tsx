/** The server org switcher: the signed-in user's active memberships, fetched through the SDK from the emulator. */
import { render, screen, within } from '@testing-library/react';
import type { ReactElement } from 'react';
import { describe, expect, it, vi } from 'vitest';
import { signedInRequest, signedOutRequest, serverRender } from '../../../test/support/components-request.js';
import { emulatorSuite } from '../../../test/support/emulator-suite.js';
import { switchOrganizationAction } from '../../actions/index.js';
import { OrgSwitcher } from './org-switcher.js';

vi.mock('next/headers', async () => (await import('../../testing/next-headers.js')).nextHeadersMock);
const suite = emulatorSuite();
const emulator = () => suite.emulator;

describe('<OrgSwitcher> (server)', () => {
  it('renders nothing signed out', async () => {
    await signedOutRequest();
    expect(render(await serverRender(OrgSwitcher, {})).container).toBeEmptyDOMElement();
  });

  it('renders nothing for a single active membership (a pending one does not count), unless showWhenSingle', async () => {
    // Bob: active in Acme, pending in Globex.
    await signedInRequest(emulator(), { user: 'bob@example.com', organizationId: 'org_acme' });
    expect(render(await serverRender(OrgSwitcher, {})).container).toBeEmptyDOMElement();
    render(await serverRender(OrgSwitcher, { showWhenSingle: true }));
    expect(screen.getAllByRole('button').map((button) => button.textContent)).toEqual(['Acme']);
  });

  it('lists every active membership as a labelled form, marking the current organisation', async () => {
    await signedInRequest(emulator(), { user: 'dave@example.com', organizationId: 'org_globex' });
    render(await serverRender(OrgSwitcher, { returnTo: '/projects' }));
    const list = screen.getByRole('list', { name: 'Organizations' });
    expect(within(list).getAllByRole('button').map((button) => button.textContent)).toEqual(['Globex', 'Initech', 'Umbrella']);
    const current = screen.getByRole('button', { name: 'Globex' });
    expect(current).toHaveAttribute('aria-current', 'true');
    expect(current).toHaveAttribute('data-state', 'active');
    expect(screen.getByRole('button', { name: 'Initech' })).toHaveAttribute('data-state', 'inactive');
    const form = screen.getByRole('form', { name: 'Switch to Umbrella' });
    expect(Object.fromEntries(new FormData(form as HTMLFormElement))).toEqual({ organizationId: 'org_umbrella', returnTo: '/projects' });
    expect(screen.getByText('Globex', { selector: 'summary' })).toBeInTheDocument();
  });

  it('posts each form to switchOrganizationAction (works without JavaScript)', async () => {
    await signedInRequest(emulator(), { user: 'alice@example.com', organizationId: 'org_acme' });
    const view = (await serverRender(OrgSwitcher, {})) as ReactElement<{ organizations: Array<{ id: string }> }>;
    expect(view.props.organizations.map((org) => org.id)).toEqual(['org_acme', 'org_globex']);
    const item = OrgSwitcher.Item({ organization: { id: 'org_globex', name: 'Globex', current: false } }) as ReactElement<{ children: ReactElement<{ action: unknown }> }>;
    expect(item.props.children.props.action).toBe(switchOrganizationAction);
  });

  it('takes a render prop built from its parts', async () => {
    await signedInRequest(emulator(), { user: 'alice@example.com', organizationId: 'org_acme' });
    render(await serverRender(OrgSwitcher, {
      children: ({ organizations, current }) => (
        <>
          <OrgSwitcher.Trigger>In {current?.name}</OrgSwitcher.Trigger>
          <ul>{organizations.map((org) => <OrgSwitcher.Item key={org.id} organization={org}>{org.name} ({org.role})</OrgSwitcher.Item>)}</ul>
        </>
      ),
    }));
    expect(screen.getByText('In Acme')).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Globex (member)' })).toHaveAttribute('data-state', 'inactive');
    expect(screen.getByRole('button', { name: 'Acme (admin)' })).toHaveAttribute('data-current');
  });

  it('uses the organisations it is given instead of fetching', async () => {
    await signedInRequest(emulator(), { user: 'alice@example.com', organizationId: 'org_acme' });
    emulator().control.resetCounters();
    render(await serverRender(OrgSwitcher, { organizations: [{ id: 'org_acme', name: 'Acme', current: true }, { id: 'org_x', name: 'X', current: false }] }));
    expect(screen.getAllByRole('button')).toHaveLength(2);
    expect(Object.values(emulator().control.counters()).reduce((sum, count) => sum + count, 0)).toBe(0);
  });
});
