/** The server impersonation banner: real impersonated sessions from the emulator, zero client JavaScript. */
import { render, screen, within } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import { signedInRequest, signedOutRequest, serverRender } from '../../../test/support/components-request.js';
import { emulatorSuite } from '../../../test/support/emulator-suite.js';
import { Impersonation } from './impersonation.js';

vi.mock('next/headers', async () => (await import('../../testing/next-headers.js')).nextHeadersMock);
const suite = emulatorSuite();
const emulator = () => suite.emulator;

const impersonator = { email: 'support@workos.test', reason: 'Ticket #42' };

describe('<Impersonation> (server)', () => {
  it('renders nothing signed out or without an impersonator', async () => {
    await signedOutRequest();
    expect(render(await serverRender(Impersonation, {})).container).toBeEmptyDOMElement();
    await signedInRequest(emulator(), { user: 'alice@example.com', organizationId: 'org_acme' });
    expect(render(await serverRender(Impersonation, {})).container).toBeEmptyDOMElement();
  });

  it('announces who impersonates whom, in which organisation (by name) and why', async () => {
    await signedInRequest(emulator(), { user: 'alice@example.com', organizationId: 'org_globex', impersonator });
    render(await serverRender(Impersonation, { side: 'top' }));
    const banner = screen.getByRole('status');
    expect(banner).toHaveTextContent('support@workos.test is impersonating alice@example.com in Globex (reason: Ticket #42)');
    expect(banner).toHaveAttribute('data-side', 'top');
    expect(banner.style.top).toBe('0px');
    expect(document.querySelector('[data-workos-impersonation-root]')).toBe(banner);
  });

  it('stops with a labelled sign-out form carrying the return path', async () => {
    await signedInRequest(emulator(), { user: 'alice@example.com', organizationId: 'org_acme', impersonator });
    const { container } = render(await serverRender(Impersonation, { returnTo: '/admin' }));
    const form = within(screen.getByRole('status')).getByRole('form', { name: 'Stop impersonating' });
    expect(within(form).getByRole('button', { name: 'Stop impersonating' })).toHaveAttribute('type', 'submit');
    expect(container.querySelector('input[name=returnTo]')).toHaveValue('/admin');
  });

  it('still shows the banner (with the organisation id) when the memberships cannot be read', async () => {
    // Dave: a user this process has not listed yet (a user's list is kept for 30 s, and would hide the outage).
    await signedInRequest(emulator(), { user: 'dave@example.com', organizationId: 'org_globex', impersonator });
    emulator().control.injectFault({ endpoint: 'GET /user_management/organization_memberships', status: 500, times: 10 });
    render(await serverRender(Impersonation, {}));
    expect(screen.getByRole('status')).toHaveTextContent('in org_globex');
  });
});
