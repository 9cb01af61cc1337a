/**
 * `selectOrganizationAction` and `getOrganizationSelection()`: the app's own picker page completes
 * the sign-in the callback left pending, from the sealed cookie; what the form names must be one of
 * the organizations WorkOS offered.
 */
import { describe, expect, it, vi } from 'vitest';
import { emulatorSuite } from '../../../test/support/emulator-suite.js';
import { redirectOf } from '../../../test/support/http.js';
import { mockRequest } from '../../testing/next-headers.js';
import { form, noticeFor, sessionNow } from '../../../test/support/organization-forms.js';
import { letTheAppChoose, SELECTION_COOKIE } from '../../../test/support/organization-selection.js';
import { selectOrganizationAction } from '../../actions/index.js';
import { handleAuth } from '../callback/handle-auth.js';
import { SetCookieHeaders } from '../session/cookie-options.js';
import { TestBrowser } from '../../../test/support/http.js';
import { describeSelection } from '../callback/complete-selection.js';
import { readPendingSelection, writePendingSelection } from '../callback/pending-selection.js';
import { sessionRoot } from '../root/current-root.js';
import { getOrganizationSelection } from './selection.js';

vi.mock('next/headers', async () => (await import('../../testing/next-headers.js')).nextHeadersMock);
vi.mock('next/cache', () => ({ revalidatePath: vi.fn(), revalidateTag: vi.fn() }));

const suite = emulatorSuite();
const emulator = () => suite.emulator;

/** A request to the app's picker page carrying the cookies a callback left. */
async function pendingRequest(email = 'alice@example.com') {
  const { browser } = await letTheAppChoose(handleAuth({ organizationSelectionPath: '/choose-organization' }), email);
  mockRequest.reset({ cookies: Object.fromEntries(browser.jar), readOnly: false, headers: { referer: 'http://localhost:3000/choose-organization' } });
}

describe('getOrganizationSelection', () => {
  it('gives the picker the organizations offered, the email and the return path, never the token', async () => {
    await pendingRequest();
    const selection = await getOrganizationSelection();
    expect(selection).toEqual({
      organizations: [{ id: 'org_acme', name: 'Acme' }, { id: 'org_globex', name: 'Globex' }],
      email: 'alice@example.com',
      returnTo: '/projects',
    });
    mockRequest.reset({});
    expect(await getOrganizationSelection()).toBeNull();
  });

  it("keeps a list too long for a cookie out of it, and offers the user's active memberships instead", async () => {
    const organizations = Array.from({ length: 120 }, (_, i) => ({ id: `org_01HXYZABCDEFGHJKMNPQRS${i}`, name: `A rather long organization name number ${i}` }));
    const cookies = new SetCookieHeaders();
    await writePendingSelection(sessionRoot(), cookies, { token: 't', nonce: 'n', userId: 'user_alice', email: 'alice@example.com', organizations, returnTo: '/' });
    const sealed = cookies.written.get(SELECTION_COOKIE)!;
    expect(sealed.length).toBeLessThan(3800);
    const stored = await readPendingSelection(sessionRoot(), new TestBrowser().request('/', { headers: { cookie: `${SELECTION_COOKIE}=${encodeURIComponent(sealed)}` } }).cookies);
    expect((await describeSelection(sessionRoot(), stored!)).organizations).toEqual([{ id: 'org_acme', name: 'Acme' }, { id: 'org_globex', name: 'Globex' }]);
  });
});

describe('selectOrganizationAction', () => {
  it('signs in to the organization picked and redirects to the flow’s return path', async () => {
    await pendingRequest();
    const { url } = await redirectOf(() => selectOrganizationAction(form({ organizationId: 'org_globex' })));
    expect(url).toBe('/projects');
    const session = await sessionNow();
    expect(session.status === 'signed-in' && [session.info.user.email, session.info.organizationId]).toEqual(['alice@example.com', 'org_globex']);
    expect(mockRequest.cookie(SELECTION_COOKIE)).toBeUndefined();
  });

  it('refuses an organization that was not offered (a forged form), keeping the choice open', async () => {
    await pendingRequest();
    const { url } = await redirectOf(() => selectOrganizationAction(form({ organizationId: 'org_umbrella' })));
    expect(url).toBe('/choose-organization#authkit-picker');
    expect(await noticeFor('picker')).toEqual({ code: 'not-offered' });
    expect((await sessionNow()).status).toBe('signed-out');
    expect(mockRequest.cookie(SELECTION_COOKIE)).toBeDefined();
  });

  it('says the sign-in expired without a pending choice', async () => {
    mockRequest.reset({ readOnly: false });
    await redirectOf(() => selectOrganizationAction(form({ organizationId: 'org_acme' })));
    expect(await noticeFor('picker')).toEqual({ code: 'selection-expired' });
  });

  it('says WorkOS is down and keeps the choice open', async () => {
    await pendingRequest();
    vi.spyOn(console, 'warn').mockImplementation(() => {});
    emulator().control.injectFault({ endpoint: 'POST /user_management/authenticate', status: 503, retry_after: 0, times: 10 });
    await redirectOf(() => selectOrganizationAction(form({ organizationId: 'org_acme' })));
    expect(await noticeFor('picker')).toEqual({ code: 'unavailable' });
    expect(mockRequest.cookie(SELECTION_COOKIE)).toBeDefined();
  });
});
