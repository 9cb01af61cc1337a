/**
 * `<UserSessions>`, `<CreateOrganization>` and `<OrganizationPicker>` (server): their data read on
 * the server (the emulator through the SDK, the pending choice from its sealed cookie), their forms
 * posting server actions, their loading, empty, error and notice states.
 */
import { screen, within } from '@testing-library/react';
import { Suspense, isValidElement, type ReactElement, type ReactNode } from 'react';
import { describe, expect, it, vi } from 'vitest';
import { buildWithCacheComponents } from '../../../test/support/cache-components.js';
import { serverRender, signedInRequest, signedOutRequest } from '../../../test/support/components-request.js';
import { emulatorSuite } from '../../../test/support/emulator-suite.js';
import { mockRequest } from '../../testing/next-headers.js';
import { form } from '../../../test/support/organization-forms.js';
import { afterAction, fieldsOf, formActions, renderServer } from '../../../test/support/organization-render.js';
import { letTheAppChoose } from '../../../test/support/organization-selection.js';
import { createOrganizationAction, revokeOtherSessionsAction, revokeSessionAction, selectOrganizationAction } from '../../actions/index.js';
import { handleAuth } from '../../server/callback/handle-auth.js';
import { CreateOrganization } from './create-organization.js';
import { OrganizationMembers } from './organization-members.js';
import { OrganizationPicker } from './organization-picker.js';
import { UserSessions } from './user-sessions.js';

vi.mock('next/headers', async () => (await import('../../testing/next-headers.js')).nextHeadersMock);
vi.mock('next/cache', () => ({ revalidatePath: vi.fn(), revalidateTag: vi.fn() }));
const suite = emulatorSuite();
const emulator = () => suite.emulator;

const PHONE = 'Mozilla/5.0 (Linux; Android 14) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/126.0 Mobile Safari/537.36';

describe('<UserSessions> (server)', () => {
  it("lists the user's sessions, this one first, with a sign-out form each and one for all the others", async () => {
    await emulator().control.createSession({ email: 'alice@example.com', organization_id: 'org_acme', user_agent: PHONE, ip_address: '203.0.113.9' });
    await signedInRequest(emulator(), { user: 'alice@example.com', organizationId: 'org_acme' }, { path: '/account' });
    await renderServer(UserSessions, {});
    const table = screen.getByRole('table', { name: 'Active sessions' });
    const [, current, phone] = within(table).getAllByRole('row');
    expect(current).toHaveAttribute('aria-current', 'true');
    expect(current).toHaveTextContent(/^authkit-emulator \(minted session\) This device127\.0\.0\.1.*UTC.*UTCSign out here$/);
    expect(phone).toHaveTextContent(/^Chrome on Android203\.0\.113\.9/);
    const signOutPhone = within(phone!).getByRole('button', { name: 'Sign out Chrome on Android' });
    expect(fieldsOf(signOutPhone.closest('form')!)).toEqual({ sessionId: expect.stringMatching(/^session_/), returnTo: '/account' });
    expect(screen.getByRole('button', { name: 'Sign out all other sessions' })).toBeInTheDocument();
    expect(new Set(formActions(await serverRender(UserSessions, {})))).toEqual(new Set([revokeSessionAction, revokeOtherSessionsAction]));
  });

  it('offers no "all other sessions" with only this one, renders nothing signed out, and says WorkOS is down', async () => {
    await signedInRequest(emulator(), { user: 'bob@example.com' });
    await renderServer(UserSessions, {});
    expect(screen.getAllByRole('row')).toHaveLength(2);
    expect(screen.queryByRole('button', { name: 'Sign out all other sessions' })).toBeNull();
    vi.spyOn(console, 'warn').mockImplementation(() => {});
    emulator().control.injectFault({ endpoint: 'GET /user_management/users/:id/sessions', status: 500, retry_after: 0, times: 10 });
    const { container } = await renderServer(UserSessions, {});
    expect(within(container).getByRole('alert')).toHaveTextContent('not answering');
    await signedOutRequest();
    expect((await renderServer(UserSessions, {})).container).toBeEmptyDOMElement();
  });
});

describe('<CreateOrganization> (server)', () => {
  it('is a labelled name field posting createOrganizationAction, and shows what it did', async () => {
    await signedInRequest(emulator(), { user: 'bob@example.com' }, { path: '/organization', readOnly: false });
    await afterAction(() => createOrganizationAction(form({ name: 'Bob’s Shop' })));
    await renderServer(CreateOrganization, {});
    const section = screen.getByRole('region', { name: 'Create an organization' });
    expect(within(section).getByRole('status')).toHaveTextContent('Created Bob’s Shop. You are its admin.');
    const name = within(section).getByRole('textbox', { name: 'Organization name' });
    expect(name).toBeRequired();
    expect(name).toHaveAttribute('maxlength', '100');
    expect(formActions(await serverRender(CreateOrganization, {}))).toEqual([createOrganizationAction]);
    await signedOutRequest();
    expect((await renderServer(CreateOrganization, {})).container).toBeEmptyDOMElement();
  });
});

describe('<OrganizationPicker> (server)', () => {
  it('lists the organizations WorkOS offered, each a form posting selectOrganizationAction', async () => {
    const { browser } = await letTheAppChoose(handleAuth({ organizationSelectionPath: '/choose-organization' }));
    mockRequest.reset({ cookies: Object.fromEntries(browser.jar), readOnly: true });
    await renderServer(OrganizationPicker, {});
    const section = screen.getByRole('region', { name: 'Choose an organization' });
    expect(section).toHaveTextContent('Signing in as alice@example.com.');
    const list = within(section).getByRole('list', { name: 'Organizations' });
    expect(within(list).getAllByRole('button').map((button) => button.textContent)).toEqual(['Acme', 'Globex']);
    expect(fieldsOf(within(list).getByRole('button', { name: 'Globex' }).closest('form')!)).toEqual({ organizationId: 'org_globex' });
    expect(new Set(formActions(await serverRender(OrganizationPicker, {})))).toEqual(new Set([selectOrganizationAction]));
  });

  it('offers signing in again when nothing is pending, and shows why an attempt failed', async () => {
    await signedOutRequest({ readOnly: false });
    await afterAction(() => selectOrganizationAction(form({ organizationId: 'org_acme' })));
    await renderServer(OrganizationPicker, {});
    const section = screen.getByRole('region', { name: 'Choose an organization' });
    expect(section).toHaveAttribute('data-state', 'expired');
    expect(within(section).getByRole('alert')).toHaveTextContent('This sign-in has expired or was already completed. Please sign in again.');
    expect(within(section).getByRole('link', { name: 'Sign in again' })).toHaveAttribute('href', expect.stringMatching(/\/callback\?screen_hint=sign-in$/));
  });
});

describe('with Cache Components', () => {
  buildWithCacheComponents(true);
  type Boundary = ReactElement<{ fallback: ReactElement; children: ReactNode }>;

  it.each([
    ['OrganizationMembers', OrganizationMembers, 'Members'],
    ['UserSessions', UserSessions, 'Active sessions'],
    ['CreateOrganization', CreateOrganization, 'Create an organization'],
    ['OrganizationPicker', OrganizationPicker, 'Choose an organization'],
  ] as const)('<%s> streams into its own boundary; until then its section, busy, holds the place', async (_name, Part, title) => {
    const element = (await Part({})) as Boundary;
    expect(isValidElement(element) && element.type === Suspense).toBe(true);
    await renderServer(() => element.props.fallback, {});
    expect(screen.getByRole('region', { name: title })).toHaveAttribute('aria-busy', 'true');
    expect(screen.getByRole('region', { name: title })).toHaveAttribute('data-state', 'loading');
  });
});
