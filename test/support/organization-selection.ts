/**
 * Drives a sign-in to the point where WorkOS asks the app to choose the organization: the auth
 * route's start, the emulator's hosted page with "Let the app choose", then the callback, in a
 * `TestBrowser` that keeps the cookies.
 */
import type { handleAuth } from '../../src/server/callback/handle-auth.js';
import { TestBrowser } from './http.js';
import { signInThroughHostedPage } from './hosted-sign-in.js';

export const SELECTION_COOKIE = 'wos-auth-organization-selection';

/** Starts at `startPath` as `email`, lets the app choose; returns the callback's answer and the browser. */
export async function letTheAppChoose(GET: ReturnType<typeof handleAuth>, email = 'alice@example.com', startPath = '/callback?return_to=%2Fprojects') {
  const browser = new TestBrowser();
  const start = browser.receive(await GET(browser.request(startPath)));
  const back = await signInThroughHostedPage(start.headers.get('location')!, email, { letAppChoose: true });
  const callback = browser.receive(await GET(browser.request(`${back.pathname}${back.search}`)));
  return { browser, callback };
}

/** The picker page's organization buttons (`[id, name]`) and the nonce its form carries. */
export function pickerOf(html: string): { buttons: [string, string][]; nonce: string | undefined } {
  const buttons = [...html.matchAll(/<button type="submit" name="organization_id" value="([^"]+)">([^<]+)<\/button>/g)].map(([, id, name]) => [id!, name!] as [string, string]);
  const nonce = /name="organization_selection" value="([^"]+)"/.exec(html)?.[1];
  return { buttons, nonce };
}
