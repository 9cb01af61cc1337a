/**
 * Helpers for the end-to-end specs: the emulator's control surface over HTTP, signing in through
 * the emulator's hosted page the way a person does or with the test kit's `signInAs`, the session
 * cookie, and screenshots.
 */
import { expect, type BrowserContext, type Locator, type Page } from '@playwright/test';
import { WorkOS } from '@workos-inc/node';
import { signInAs } from 'authkit-rsc/testing';
import { unsealData } from 'iron-session';
import { fileURLToPath } from 'node:url';
import { DEMO_COOKIE_PASSWORD } from '../../scripts/stack.mjs';
import { TARGETS, type Target } from './ports.js';

export const SCREENSHOT_DIR = fileURLToPath(new URL('../../example/e2e-screenshots/', import.meta.url));
export const SESSION_COOKIE = 'wos-session';
export const AUTHENTICATE = 'POST /user_management/authenticate';
export const LOGOUT = 'GET /user_management/sessions/logout';
/** The emulator's default API key (its seed), which the apps under test run with. */
const EMULATOR_API_KEY = 'sk_test_emulator';

/** Saves a full-page screenshot to example/e2e-screenshots/<name>.png. */
export async function screenshot(page: Page, name: string): Promise<void> {
  await page.screenshot({ path: `${SCREENSHOT_DIR}${name}.png`, fullPage: true });
}

/**
 * An element by test id among those shown. With Cache Components a streamed segment arrives in a
 * hidden container before React moves it into place, so for a moment the DOM can hold a hidden copy
 * beside the shown one; a strict locator would see two.
 */
export function shownTestId(scope: Page | Locator, testId: string): Locator {
  return scope.getByTestId(testId).filter({ visible: true });
}

/** What the session cookie holds (the test knows the demo password the app runs with). */
export async function unsealSession(sealed: string): Promise<{ accessToken: string; refreshToken: string; user: { email: string } }> {
  return unsealData(decodeURIComponent(sealed), { password: DEMO_COOKIE_PASSWORD });
}

/** The claims of an access token (decoded, not verified). */
export function claimsOf(accessToken: string): { sid: string; org_id?: string; role?: string } {
  return JSON.parse(Buffer.from(accessToken.split('.')[1]!, 'base64url').toString()) as { sid: string };
}

/** The helpers bound to one app of the run (its URL and its emulator's). */
export function helpersFor({ appUrl: APP_URL, emulatorUrl: EMULATOR_URL }: Target) {
  async function control(method: string, path: string, body?: unknown): Promise<Record<string, unknown>> {
    // Control routes take JSON only (the emulator's guard against cross-site posts), even without a body.
    const response = await fetch(`${EMULATOR_URL}/_emulator/${path}`, {
      method,
      headers: method === 'GET' ? {} : { 'content-type': 'application/json' },
      body: method === 'GET' ? undefined : JSON.stringify(body ?? {}),
    });
    if (!response.ok) throw new Error(`emulator ${method} ${path}: ${response.status} ${await response.text()}`);
    return (await response.json()) as Record<string, unknown>;
  }

  /** The emulator's `/_emulator/` control surface. */
  const emulator = {
    reset: () => control('POST', 'reset'),
    counters: async () => (await control('GET', 'counters')).counters as Record<string, number>,
    setAccessTokenTtl: (seconds: number) => control('PATCH', 'config', { access_token_ttl_seconds: seconds }),
    injectFault: (fault: { endpoint: string; times?: number; status?: number; retry_after?: number }) =>
      control('POST', 'faults', fault),
    clearFaults: () => control('DELETE', 'faults'),
    /** The invitations sent to `email` (with `accept_invitation_url`, what the email would link to), newest first. */
    invitations: async (email: string) =>
      (await control('GET', `invitations?email=${encodeURIComponent(email)}`)).invitations as Array<{ state: string; accept_invitation_url: string }>,
  };

  /**
   * On the emulator's hosted sign-in page: click the user's button, and on the organisation choice
   * (users with several memberships) pick `organization` (by name). Waits until back on the app.
   */
  async function chooseUserOnEmulator(page: Page, email: string, options: { organization?: string; shot?: string } = {}) {
    await expect(page).toHaveURL(new RegExp(`^${EMULATOR_URL}/user_management/authorize`));
    if (options.shot) await screenshot(page, options.shot);
    await page.getByRole('button', { name: email, exact: true }).click();
    if (options.organization) {
      await expect(page.getByRole('heading', { name: 'Choose an organization' })).toBeVisible();
      await page.getByRole('button', { name: options.organization, exact: true }).click();
    }
    await page.waitForURL((url) => url.origin === APP_URL && url.pathname !== '/callback');
  }

  /**
   * Signs the page's browser context in with the test kit's `signInAs` (`hosted`: the app's auth
   * route, PKCE, the emulator's page and the callback; `cookie`: a session minted on the emulator and
   * sealed with the app's password), then opens the home page, signed in.
   */
  async function signInAtHome(page: Page, email: string, options: { organizationId?: string; via: 'hosted' | 'cookie' }) {
    await signInAs(page.context(), {
      baseURL: APP_URL, emulatorUrl: EMULATOR_URL, cookiePassword: DEMO_COOKIE_PASSWORD,
      user: email, organizationId: options.organizationId, via: options.via,
    });
    await page.goto('/');
    await expect(shownTestId(page, 'user-email')).toHaveText(email);
  }

  /** The session cookie's value, if the browser holds one. */
  async function sessionCookie(context: BrowserContext): Promise<string | undefined> {
    return (await context.cookies(APP_URL)).find((cookie) => cookie.name === SESSION_COOKIE)?.value;
  }

  /** A refresh-token grant straight at the emulator (what the SDK sends), to see whether a session still lives. */
  async function refreshAtEmulator(refreshToken: string): Promise<{ status: number; body: Record<string, unknown> }> {
    const response = await fetch(`${EMULATOR_URL}/user_management/authenticate`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        grant_type: 'refresh_token',
        client_id: 'client_emulator',
        client_secret: EMULATOR_API_KEY,
        refresh_token: refreshToken,
      }),
    });
    return { status: response.status, body: (await response.json()) as Record<string, unknown> };
  }

  /** The real WorkOS SDK pointed at this app's emulator: what an admin's script or another device calls. */
  const { hostname, port } = new URL(EMULATOR_URL);
  const workos = new WorkOS(EMULATOR_API_KEY, { apiHostname: hostname, port: Number(port), https: false });

  return { emulator, chooseUserOnEmulator, signInAtHome, sessionCookie, refreshAtEmulator, workos };
}

/** The example app's helpers (the specs that only run against it import these). */
export const { emulator, chooseUserOnEmulator, signInAtHome, sessionCookie, refreshAtEmulator, workos } = helpersFor(TARGETS.example);
