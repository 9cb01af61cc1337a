import { screen, waitFor, within } from '@testing-library/react';
import { userEvent } from '@testing-library/user-event';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { signedInSession } from '../../../test/support/components-fixtures.js';
import { renderWithAuth } from '../../../test/support/components-render.js';
import { Impersonation } from './impersonation.js';

vi.mock('../../actions/index.js', () => import('../../../test/support/components-actions.js'));
const { resetActionMocks, signOutAction } = await import('../../../test/support/components-actions.js');

beforeEach(() => resetActionMocks());

const impersonated = signedInSession({ impersonator: { email: 'support@workos.test', reason: 'Ticket #42' } });

describe('<Impersonation> (client)', () => {
  it('renders nothing without an impersonator, or signed out', () => {
    expect(renderWithAuth(<Impersonation />, signedInSession()).container).toBeEmptyDOMElement();
    expect(renderWithAuth(<Impersonation />, 'signedOut').container).toBeEmptyDOMElement();
  });

  it('announces who impersonates whom, in which organisation, and why', () => {
    renderWithAuth(<Impersonation />, impersonated, { organizationName: 'Acme' });
    const banner = screen.getByRole('status');
    expect(banner).toHaveTextContent('support@workos.test is impersonating ada@example.com in Acme (reason: Ticket #42)');
  });

  it('falls back to the organisation id when the provider was not given its name', () => {
    renderWithAuth(<Impersonation />, impersonated, { organizationName: undefined });
    expect(screen.getByRole('status')).toHaveTextContent('in org_acme');
  });

  it('leaves out the reason and organisation when there are none', () => {
    renderWithAuth(<Impersonation />, signedInSession({ organizationId: undefined, impersonator: { email: 'support@workos.test', reason: null } }));
    expect(screen.getByRole('status')).toHaveTextContent(/^support@workos\.test is impersonating ada@example\.com Stop impersonating$/);
  });

  it('sits at the bottom by default, at the top with side="top", styled by CSS variables', () => {
    const view = renderWithAuth(<Impersonation />, impersonated);
    const bottom = screen.getByRole('status');
    expect(bottom).toHaveAttribute('data-side', 'bottom');
    // The reference's root attribute too, so its selectors and styles keep matching.
    expect(document.querySelector('[data-workos-impersonation-root]')).toBe(bottom);
    expect(bottom.getAttribute('style')).toContain('var(--workos-impersonation-background-color');
    expect(bottom.style.borderTop).toContain('var(--workos-impersonation-border-width');
    view.unmount();
    renderWithAuth(<Impersonation side="top" className="banner" />, impersonated);
    const top = screen.getByRole('status');
    expect(top).toHaveAttribute('data-side', 'top');
    expect(top).toHaveClass('banner');
    expect(top.style.top).toBe('0px');
  });

  it('stops with a labelled form posting to signOutAction, with the return path', async () => {
    renderWithAuth(<Impersonation returnTo="/admin/users" />, impersonated);
    const form = within(screen.getByRole('status')).getByRole('form', { name: 'Stop impersonating' });
    await userEvent.click(within(form).getByRole('button', { name: 'Stop impersonating' }));
    await waitFor(() => expect(signOutAction).toHaveBeenCalledTimes(1));
    expect((signOutAction.mock.calls[0]![0] as FormData).get('returnTo')).toBe('/admin/users');
  });
});
