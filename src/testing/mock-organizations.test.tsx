/**
 * The mock organization directory: the organization components render from it in any state
 * without WorkOS (the SDK's own calls, answered in WorkOS's wire format), and the mock actions
 * change it and leave the same notices the real actions do.
 */
import { render, screen, within } from '@testing-library/react';
import { beforeEach, describe, expect, it, vi } from 'vitest';

vi.mock('next/headers', async () => (await import('./index.js')).nextHeadersMock);
vi.mock('../actions/index.js', async () => (await import('./index.js')).createMockActions(vi.fn));

import * as actions from '../actions/index.js';
import * as server from '../components/index.react-server.js';
import { mockOrganizationDirectory, mockRequest, resolveServerComponents, setMockOrganizationDirectory, setMockSession } from './index.js';

beforeEach(() => {
  mockRequest.reset();
  setMockOrganizationDirectory();
});

const form = (fields: Record<string, string>) => {
  const data = new FormData();
  for (const [name, value] of Object.entries(fields)) data.set(name, value);
  return data;
};
const renderServer = async (ui: React.ReactNode) => render(await resolveServerComponents(ui));

describe('the mock organization directory', () => {
  it('gives the organization components their data through the SDK, the mock user among the members', async () => {
    await setMockSession('manyOrgs');
    await renderServer(<server.OrganizationMembers />);
    const rows = within(screen.getByRole('table', { name: 'Members' })).getAllByRole('row').slice(1);
    expect(rows.map((row) => row.textContent)).toEqual([
      expect.stringMatching(/^Alice Anderson.*Admin/), expect.stringMatching(/^Bob Brown/), expect.stringMatching(/^Carol Chen.*Inactive/),
      expect.stringMatching(/^Dave Diaz.*dave@example\.com \(you\)/),
    ]);
    expect(screen.getByRole('table', { name: 'Members' })).toHaveAttribute('data-state', 'manage');
  });

  it('changes with the mock actions, which leave the notice', async () => {
    await setMockSession('admin');
    await actions.changeMemberRoleAction(form({ membershipId: 'om_mock_bob', role: 'admin' }));
    expect(mockOrganizationDirectory().members.find((member) => member.email === 'bob@example.com')?.role).toBe('admin');
    await renderServer(<server.OrganizationMembers />);
    expect(screen.getByRole('status')).toHaveTextContent('Changed the role of bob@example.com.');
    expect(screen.getByRole('combobox', { name: 'Role of bob@example.com' })).toHaveValue('admin');
  });

  it('takes WorkOS down on request', async () => {
    await setMockSession('signedIn');
    setMockOrganizationDirectory({ down: true });
    vi.spyOn(console, 'warn').mockImplementation(() => {});
    await renderServer(<server.UserSessions />);
    expect(screen.getByRole('alert')).toHaveTextContent('not answering');
  });
});
