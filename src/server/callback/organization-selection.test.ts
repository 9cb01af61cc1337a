/**
 * `organization_selection_required` at the auth route: the emulator's "Let the app choose" makes
 * the code exchange answer it; the callback keeps the pending choice in a sealed cookie and sends
 * the browser to a picker (the route's own, the app's page, or the app's hook), and the route's
 * own picker completes the sign-in through the SDK's organization-selection grant.
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { letTheAppChoose, pickerOf, SELECTION_COOKIE } from '../../../test/support/organization-selection.js';
import type { HandleAuthSuccessData } from '../../shared/types.js';
import { sessionRoot } from '../root/current-root.js';
import { readSession } from '../session/read-session.js';
import { emulatorSuite } from '../../../test/support/emulator-suite.js';
import { sealCustomState } from './custom-state.js';
import { handleAuth } from './handle-auth.js';
import type { OrganizationSelectionData } from './options.js';

const suite = emulatorSuite();
beforeEach(() => {
  vi.spyOn(console, 'warn').mockImplementation(() => {});
});
afterEach(() => {
  vi.restoreAllMocks();
});

const signedInOrganization = async (sealed: string | undefined) => {
  const state = await readSession(sessionRoot(), sealed);
  return state.status === 'signed-in' ? [state.info.user.email, state.info.organizationId] : state.status;
};

describe("handleAuth: the route's own organization picker", () => {
  it('sends the browser to the picker, which signs in to the organization picked and returns to the flow’s path', async () => {
    const onSuccess = vi.fn<(data: HandleAuthSuccessData) => void>();
    const GET = handleAuth({ onSuccess });
    const { browser, callback } = await letTheAppChoose(GET, 'alice@example.com', `/callback?return_to=%2Fprojects&custom_state=${encodeURIComponent(await sealCustomState(sessionRoot(), 'from-link'))}`);
    expect(callback.status).toBe(307);
    expect(callback.headers.get('location')).toBe('http://localhost:3000/callback?organization_selection=1');
    expect(callback.headers.get('cache-control')).toBe('private, no-store');
    expect([...browser.jar.keys()]).toEqual([SELECTION_COOKIE]); // no session yet; the flow cookie is spent

    const page = await GET(browser.request('/callback?organization_selection=1'));
    const html = await page.text();
    expect(page.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(html).toContain('<h1>Choose an organization</h1>');
    expect(html).toContain('Signing in as alice@example.com.');
    const { buttons, nonce } = pickerOf(html);
    expect(buttons).toEqual([['org_acme', 'Acme'], ['org_globex', 'Globex']]);
    expect(html).not.toContain(browser.jar.get(SELECTION_COOKIE)!.slice(0, 40));

    const done = browser.receive(await GET(browser.request(`/callback?organization_selection=${nonce}&organization_id=org_globex`)));
    expect(done.status).toBe(307);
    expect(done.headers.get('location')).toBe('http://localhost:3000/projects');
    expect(await signedInOrganization(browser.jar.get('wos-session'))).toEqual(['alice@example.com', 'org_globex']);
    expect(browser.jar.has(SELECTION_COOKIE)).toBe(false);
    expect(onSuccess).toHaveBeenCalledWith(expect.objectContaining({ organizationId: 'org_globex', state: 'from-link' }));
  });

  it('only shows the picker for a link without this browser’s nonce (no one else can complete a sign-in)', async () => {
    const GET = handleAuth();
    const { browser } = await letTheAppChoose(GET);
    for (const forged of ['/callback?organization_selection=1&organization_id=org_acme', '/callback?organization_selection=guess&organization_id=org_acme']) {
      const page = browser.receive(await GET(browser.request(forged)));
      expect(page.status).toBe(200);
      expect(pickerOf(await page.text()).buttons).toHaveLength(2);
    }
    expect(browser.jar.has('wos-session')).toBe(false);
    expect(suite.emulator.control.counters()['POST /user_management/authenticate']).toBe(1); // the code exchange only
  });

  it('refuses an organization WorkOS did not offer, keeping the choice open', async () => {
    const GET = handleAuth();
    const { browser } = await letTheAppChoose(GET);
    const { nonce } = pickerOf(await (await GET(browser.request('/callback?organization_selection=1'))).text());
    const page = browser.receive(await GET(browser.request(`/callback?organization_selection=${nonce}&organization_id=org_umbrella`)));
    expect(page.status).toBe(400);
    expect(await page.text()).toContain('<p role="alert" data-state="error">That organization was not offered for this sign-in.</p>');
    expect(browser.jar.has(SELECTION_COOKIE)).toBe(true);
  });

  it('keeps the choice open while WorkOS is down, and completes it once it is back', async () => {
    const GET = handleAuth();
    const { browser } = await letTheAppChoose(GET);
    const { nonce } = pickerOf(await (await GET(browser.request('/callback?organization_selection=1'))).text());
    suite.emulator.control.injectFault({ endpoint: 'POST /user_management/authenticate', status: 503, retry_after: 0, times: 10 });
    const down = browser.receive(await GET(browser.request(`/callback?organization_selection=${nonce}&organization_id=org_acme`)));
    expect(down.status).toBe(503);
    expect(await down.text()).toContain('The sign-in service is not answering just now.');
    suite.emulator.control.clearFaults();
    browser.receive(await GET(browser.request(`/callback?organization_selection=${nonce}&organization_id=org_acme`)));
    expect(await signedInOrganization(browser.jar.get('wos-session'))).toEqual(['alice@example.com', 'org_acme']);
  });

  it('says the sign-in expired when there is no pending choice, or WorkOS no longer accepts its token', async () => {
    const GET = handleAuth();
    const { browser } = await letTheAppChoose(GET);
    const copy = new Map(browser.jar);
    const { nonce } = pickerOf(await (await GET(browser.request('/callback?organization_selection=1'))).text());
    browser.receive(await GET(browser.request(`/callback?organization_selection=${nonce}&organization_id=org_acme`)));
    const gone = await GET(browser.request('/callback?organization_selection=1'));
    expect(gone.status).toBe(400);
    expect(await gone.text()).toMatch(/This sign-in has expired or was already completed\.[\s\S]*<a href="\/callback">Sign in again<\/a>/);
    // A copy of the cookie taken before: WorkOS refuses the spent token, and the copy is cleared.
    browser.jar.clear();
    for (const [name, value] of copy) browser.jar.set(name, value);
    const spent = browser.receive(await GET(browser.request(`/callback?organization_selection=${nonce}&organization_id=org_globex`)));
    expect(spent.status).toBe(400);
    expect(browser.jar.has(SELECTION_COOKIE)).toBe(false);
    expect(browser.jar.has('wos-session')).toBe(false);
  });

  it('sends an organization that requires SSO through sign-in for it', async () => {
    const GET = handleAuth();
    const { browser } = await letTheAppChoose(GET, 'dave@example.com', '/callback');
    const { nonce } = pickerOf(await (await GET(browser.request('/callback?organization_selection=1'))).text());
    const step = browser.receive(await GET(browser.request(`/callback?organization_selection=${nonce}&organization_id=org_initech`)));
    expect(step.status).toBe(302);
    expect(step.headers.get('location')).toBe('http://localhost:3000/callback?return_to=%2F&organization_id=org_initech');
    expect(browser.jar.has(SELECTION_COOKIE)).toBe(false);
  });

  it('takes its strings from `messages`', async () => {
    const GET = handleAuth({ messages: { picker: { title: 'Organisation wählen', signedInAs: (email) => `Anmeldung als ${email}` } } });
    const { browser } = await letTheAppChoose(GET);
    const html = await (await GET(browser.request('/callback?organization_selection=1'))).text();
    expect(html).toContain('<h1>Organisation wählen</h1>');
    expect(html).toContain('Anmeldung als alice@example.com');
    expect(html).toMatch(/<html>/); // no lang="en" once the strings are the app's
  });
});

describe('handleAuth: the app’s own picker', () => {
  it('sends the browser to organizationSelectionPath, which must be a path on the app', async () => {
    const { callback } = await letTheAppChoose(handleAuth({ organizationSelectionPath: '/choose-organization' }));
    expect(callback.headers.get('location')).toBe('http://localhost:3000/choose-organization');
    expect(() => handleAuth({ organizationSelectionPath: 'https://evil.example/pick' })).toThrow(/organizationSelectionPath: "https:\/\/evil.example\/pick" is not a path on this app/);
  });

  it('lets onOrganizationSelectionRequired answer, with the pending choice still set', async () => {
    const hook = vi.fn<(data: OrganizationSelectionData) => Response>(() => new Response('custom', { status: 200 }));
    const { browser, callback } = await letTheAppChoose(handleAuth({ onOrganizationSelectionRequired: hook }));
    expect(await callback.text()).toBe('custom');
    expect(browser.jar.has(SELECTION_COOKIE)).toBe(true);
    expect(hook).toHaveBeenCalledWith(expect.objectContaining({
      organizations: [{ id: 'org_acme', name: 'Acme' }, { id: 'org_globex', name: 'Globex' }],
      user: { id: 'user_alice', email: 'alice@example.com' },
      pendingAuthenticationToken: expect.any(String),
      returnTo: '/projects',
    }));
  });

  it('answers with onError when the hook throws', async () => {
    const onError = vi.fn(() => new Response('sorry', { status: 500 }));
    const { browser, callback } = await letTheAppChoose(handleAuth({ onOrganizationSelectionRequired: () => { throw new Error('boom'); }, onError }));
    expect(callback.status).toBe(500);
    expect(browser.jar.has(SELECTION_COOKIE)).toBe(false);
    expect(onError).toHaveBeenCalledWith(expect.objectContaining({ error: expect.objectContaining({ code: 'authentication_failed' }) }));
  });
});
