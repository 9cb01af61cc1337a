import { screen, waitFor, within } from '@testing-library/react';
import { userEvent } from '@testing-library/user-event';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { acme, globex, initech, signedInSession } from '../../../test/support/components-fixtures.js';
import { renderWithAuth } from '../../../test/support/components-render.js';
import { OrgSwitcher } from './org-switcher.js';

vi.mock('../../actions/index.js', () => import('../../../test/support/components-actions.js'));
const { resetActionMocks, switchOrganizationAction, getOrganizationsAction } = await import('../../../test/support/components-actions.js');

beforeEach(() => resetActionMocks());

const many = [acme, globex, initech];

describe('<OrgSwitcher> (client)', () => {
  it('renders nothing signed out, or with a single membership', () => {
    expect(renderWithAuth(<OrgSwitcher organizations={many} />, 'signedOut').container).toBeEmptyDOMElement();
    expect(renderWithAuth(<OrgSwitcher organizations={[acme]} />, signedInSession()).container).toBeEmptyDOMElement();
  });

  it('renders a single membership with showWhenSingle', () => {
    renderWithAuth(<OrgSwitcher organizations={[acme]} showWhenSingle />, signedInSession());
    expect(screen.getByRole('button', { name: 'Acme' })).toBeInTheDocument();
  });

  it('lists every membership as a labelled form with a submit button, under a labelled list', () => {
    renderWithAuth(<OrgSwitcher organizations={many} />, signedInSession());
    const list = screen.getByRole('list', { name: 'Organizations' });
    expect(within(list).getAllByRole('listitem')).toHaveLength(3);
    for (const org of many) {
      const form = screen.getByRole('form', { name: `Switch to ${org.name}` });
      expect(within(form).getByRole('button', { name: org.name })).toHaveAttribute('type', 'submit');
    }
    // The disclosure's trigger names the current organisation.
    expect(screen.getByText('Acme', { selector: 'summary' })).toBeInTheDocument();
  });

  it('marks the organisation useAuth() reports as current (aria-current, data-current, data-state)', () => {
    // The list's own `current` flags are stale: the session moved to Globex.
    renderWithAuth(<OrgSwitcher organizations={many} />, signedInSession({ organizationId: 'org_globex' }));
    const current = screen.getByRole('button', { name: 'Globex' });
    expect(current).toHaveAttribute('aria-current', 'true');
    expect(current).toHaveAttribute('data-current');
    expect(current).toHaveAttribute('data-state', 'active');
    const other = screen.getByRole('button', { name: 'Acme' });
    expect(other).not.toHaveAttribute('aria-current');
    expect(other).not.toHaveAttribute('data-current');
    expect(other).toHaveAttribute('data-state', 'inactive');
  });

  it('submits the organisation id and return path to switchOrganizationAction', async () => {
    renderWithAuth(<OrgSwitcher organizations={many} returnTo="/projects" />, signedInSession());
    await userEvent.click(screen.getByText('Acme', { selector: 'summary' }));
    await userEvent.click(screen.getByRole('button', { name: 'Globex' }));
    await waitFor(() => expect(switchOrganizationAction).toHaveBeenCalledTimes(1));
    const form = switchOrganizationAction.mock.calls[0]![0] as FormData;
    expect(Object.fromEntries(form)).toEqual({ organizationId: 'org_globex', returnTo: '/projects' });
  });

  it('takes a render prop composed of its parts', () => {
    renderWithAuth(
      <OrgSwitcher organizations={many} label="Teams" className="switcher">
        {({ organizations, current }) => (
          <>
            <OrgSwitcher.Trigger>Team: {current?.name}</OrgSwitcher.Trigger>
            <ul>
              {organizations.filter((org) => !org.current).map((org) => (
                <OrgSwitcher.Item key={org.id} organization={org} className="item">Go to {org.name}</OrgSwitcher.Item>
              ))}
            </ul>
          </>
        )}
      </OrgSwitcher>,
      signedInSession(),
    );
    expect(screen.getByText('Team: Acme')).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Go to Globex' })).toHaveClass('item');
    expect(screen.queryByRole('button', { name: /Acme/ })).toBeNull();
    expect(document.querySelector('[data-authkit-org-switcher]')).toHaveClass('switcher');
  });

  it('lets an item render the caller’s own control (asChild)', () => {
    renderWithAuth(
      <OrgSwitcher organizations={many}>
        {({ organizations }) => <ul>{organizations.map((org) => <OrgSwitcher.Item key={org.id} organization={org} asChild><button className="pill">{org.name}</button></OrgSwitcher.Item>)}</ul>}
      </OrgSwitcher>,
      signedInSession(),
    );
    const pill = screen.getByRole('button', { name: 'Acme' });
    expect(pill).toHaveClass('pill');
    expect(pill).toHaveAttribute('type', 'submit');
    expect(pill).toHaveAttribute('data-state', 'active');
  });

  describe('without an organizations prop', () => {
    it('shows the placeholder while loading (same box, `loading` overrides it), then the caller’s memberships from getOrganizationsAction', async () => {
      let answer!: (organizations: typeof many) => void;
      getOrganizationsAction.mockReturnValue(new Promise((resolve) => (answer = resolve)));
      const { container } = renderWithAuth(<><OrgSwitcher /><OrgSwitcher loading={<i>wait</i>} /></>, signedInSession({ organizationId: 'org_globex' }));
      const placeholder = container.querySelector('details[data-authkit-org-switcher][data-state="loading"]');
      expect(placeholder).toHaveAttribute('aria-busy', 'true');
      expect(placeholder).toHaveTextContent('Organizations');
      expect(screen.getByText('wait')).toBeInTheDocument();
      answer(many);
      // The list's `current` flags are the server's; useAuth() decides (Globex).
      expect(await screen.findAllByText('Globex', { selector: 'summary' })).toHaveLength(2);
      const [first] = screen.getAllByRole('list', { name: 'Organizations' });
      expect(within(first!).getByRole('button', { name: 'Globex' })).toHaveAttribute('data-state', 'active');
      expect(within(first!).getAllByRole('listitem')).toHaveLength(3);
      expect(screen.queryByText('wait')).toBeNull();
      expect(getOrganizationsAction).toHaveBeenCalledTimes(1);
    });

    it('asks once per mount, and twins mounted together share the request', async () => {
      getOrganizationsAction.mockResolvedValue(many);
      const view = renderWithAuth(<><OrgSwitcher /><OrgSwitcher label="Teams" /></>, signedInSession());
      expect(await screen.findByRole('list', { name: 'Teams' })).toBeInTheDocument();
      expect(screen.getByRole('list', { name: 'Organizations' })).toBeInTheDocument();
      expect(getOrganizationsAction).toHaveBeenCalledTimes(1);
      view.unmount();
      renderWithAuth(<OrgSwitcher />, signedInSession());
      expect(await screen.findByRole('list', { name: 'Organizations' })).toBeInTheDocument();
      expect(getOrganizationsAction).toHaveBeenCalledTimes(2);
    });

    it('asks nothing when given organizations or signed out', async () => {
      renderWithAuth(<OrgSwitcher organizations={many} />, signedInSession());
      renderWithAuth(<OrgSwitcher />, 'signedOut');
      await waitFor(() => expect(screen.getByRole('list', { name: 'Organizations' })).toBeInTheDocument());
      expect(getOrganizationsAction).not.toHaveBeenCalled();
    });

    it('renders nothing when the request fails', async () => {
      getOrganizationsAction.mockRejectedValue(new TypeError('Failed to fetch'));
      const { container } = renderWithAuth(<OrgSwitcher showWhenSingle />, signedInSession());
      await waitFor(() => expect(getOrganizationsAction).toHaveBeenCalledTimes(1));
      await new Promise((resolve) => setTimeout(resolve, 10));
      expect(container).toBeEmptyDOMElement();
    });
  });
});
