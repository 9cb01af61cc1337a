/**
 * getSession() after a server action: Next re-renders the page in the same request with the
 * cookies the action set, while the proxy's forwarded hand-over still describes the request as
 * it arrived. The cookie the action wrote must win, or the page shows the pre-action session.
 */
import { describe, expect, it, vi } from 'vitest';
vi.mock('next/headers', async () => (await import('../../testing/next-headers.js')).nextHeadersMock);
import { mockRequest, nextHeadersMock } from '../../testing/next-headers.js';
import { withAuth } from '../auth/with-auth.js';
import { emulatorSuite } from '../../../test/support/emulator-suite.js';
import { forwardedHeaders, TestBrowser } from '../../../test/support/http.js';
import { afterProxy } from '../../../test/support/render.js';
import { mintSession } from '../../../test/support/sessions.js';
import { sessionRoot } from '../root/current-root.js';
import { getSession } from './get-session.js';
import { writeRequestSession } from './write-session.js';

const suite = emulatorSuite();

async function signedInBrowser(organizationId: string): Promise<TestBrowser> {
  const browser = new TestBrowser();
  browser.jar.set('wos-session', (await mintSession(suite.emulator, { organization_id: organizationId })).sealed);
  return browser;
}

/**
 * The request a render sees after an action replaced the session cookie during the same request:
 * `headers()` as the request arrived (the proxy's forwarded Cookie header, the pre-action session),
 * `cookies()` with the action's write.
 */
function reRenderAfterAction(proxyResponse: Response, cookieWrittenByAction: string | undefined): void {
  mockRequest.reset({
    cookies: cookieWrittenByAction === undefined ? {} : { 'wos-session': cookieWrittenByAction },
    headers: Object.fromEntries(forwardedHeaders(proxyResponse)),
    readOnly: true,
  });
}

describe('getSession', () => {
  it('reads the session the proxy left in the Cookie header', async () => {
    await afterProxy(await signedInBrowser('org_acme'), '/', { readOnly: true });
    const state = await getSession();
    expect(state.status === 'signed-in' && state.info.organizationId).toBe('org_acme');
  });

  it('prefers the session a server action wrote over the pre-action hand-over', async () => {
    const response = await afterProxy(await signedInBrowser('org_acme'), '/', { readOnly: true });
    const switched = await mintSession(suite.emulator, { organization_id: 'org_globex' });
    reRenderAfterAction(response, switched.sealed);
    const state = await getSession();
    expect(state.status === 'signed-in' && state.info.organizationId).toBe('org_globex');
  });

  it('reads a request without a session cookie as signed out at once, checking no hand-over (whatever it claims)', async () => {
    const response = await afterProxy(await signedInBrowser('org_acme'), '/', { readOnly: true });
    const verify = vi.spyOn(sessionRoot().handOverKey, 'verify');
    mockRequest.reset({ cookies: { theme: 'dark' }, headers: Object.fromEntries(forwardedHeaders(response)), readOnly: true });
    expect(await getSession()).toEqual({ status: 'signed-out', reason: 'no-cookie' });
    expect(verify).not.toHaveBeenCalled();
    verify.mockRestore();
  });

  it('sees a session an action wrote for a visitor who arrived signed out, in the same request (withAuth too)', async () => {
    mockRequest.reset({ cookies: { theme: 'dark' }, readOnly: false });
    expect(await getSession()).toEqual({ status: 'signed-out', reason: 'no-cookie' });
    const { sealed } = await mintSession(suite.emulator, { organization_id: 'org_acme' });
    await writeRequestSession(sessionRoot(), sealed);
    expect((await nextHeadersMock.headers()).get('cookie')).toBe('theme=dark'); // as it arrived
    const state = await getSession();
    expect(state.status === 'signed-in' && state.info.organizationId).toBe('org_acme');
    expect((await withAuth()).user?.email).toBe('alice@example.com');
  });

  it('reads signed out when the action cleared the cookie', async () => {
    const response = await afterProxy(await signedInBrowser('org_acme'), '/', { readOnly: true });
    reRenderAfterAction(response, undefined);
    expect((await getSession()).status).toBe('signed-out');
  });
});
