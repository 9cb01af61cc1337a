/**
 * Signing a Playwright browser context in. Two ways, both real: set a minted session cookie (fast,
 * no UI), or walk the emulator's hosted sign-in page like a user (exercises the app's auth route,
 * PKCE and callback). The types are structural, so the kit does not depend on Playwright.
 */
import { createTestSession } from './test-session.js';
import type { TestSession, TestSessionOptions } from './test-session.js';

/** The part of Playwright's `Page` the hosted flow uses. */
export interface PlaywrightPageLike {
  goto(url: string): Promise<unknown>;
  locator(selector: string): { click(): Promise<void>; count(): Promise<number>; first(): { click(): Promise<void> } };
  waitForLoadState(): Promise<void>;
  waitForURL(url: (url: URL) => boolean, options?: { timeout?: number }): Promise<void>;
  url(): string;
  close(): Promise<void>;
}

/** The part of Playwright's `BrowserContext` the helper uses. */
export interface PlaywrightContextLike {
  addCookies(cookies: Array<{ name: string; value: string; url: string; httpOnly?: boolean; sameSite?: 'Lax' | 'Strict' | 'None'; secure?: boolean }>): Promise<void>;
  newPage(): Promise<PlaywrightPageLike>;
}

export interface SignInAsOptions extends TestSessionOptions {
  /** The app's origin, e.g. `http://localhost:3000`. */
  baseURL: string;
  /** `cookie`: set a minted session cookie; `hosted`: sign in through the emulator's page. @default 'cookie' */
  via?: 'cookie' | 'hosted';
  /** Hosted flow: the app's auth route (the `handleAuth()` route). @default '/callback' */
  authRoute?: string;
  /** Hosted flow: where to land after signing in. @default '/' */
  returnTo?: string;
}

const cssString = (value: string) => `"${value.replace(/["\\]/g, '\\$&')}"`;

/** Walks the hosted sign-in: the user's button, then the organisation when asked, back to the app. */
async function signInThroughHostedPage(context: PlaywrightContextLike, options: SignInAsOptions): Promise<void> {
  const page = await context.newPage();
  try {
    const start = new URL(options.authRoute ?? '/callback', options.baseURL);
    start.searchParams.set('return_to', options.returnTo ?? '/');
    if (options.organizationId) start.searchParams.set('organization_id', options.organizationId);
    await page.goto(start.href);
    const user = options.user ?? 'alice@example.com';
    await page.locator(`button[name="email"][value=${cssString(user)}]`).click();
    await page.waitForLoadState();
    const backInApp = (url: URL) => url.origin === new URL(options.baseURL).origin;
    // A member of several organisations picks one (the requested one, else the first).
    const choice = page.locator(`button[name="organization_id"]${options.organizationId ? `[value=${cssString(options.organizationId)}]` : ''}`);
    if (!backInApp(new URL(page.url())) && (await choice.count()) > 0) await choice.first().click();
    await page.waitForURL(backInApp);
  } finally {
    await page.close();
  }
}

/**
 * Signs `context` in as a seeded emulator user. With `via: 'cookie'` (the default) the session is
 * minted with `createTestSession` and returned; the hosted flow returns nothing (the app set the cookie).
 * @example
 * await signInAs(context, { baseURL: 'http://localhost:3000', user: 'alice@example.com', organizationId: 'org_acme' });
 */
export async function signInAs(context: PlaywrightContextLike, options: SignInAsOptions): Promise<TestSession | undefined> {
  if (options.via === 'hosted') {
    await signInThroughHostedPage(context, options);
    return undefined;
  }
  const minted = await createTestSession(options);
  const secure = new URL(options.baseURL).protocol === 'https:';
  await context.addCookies(minted.cookies.map(({ name, value }) => ({ name, value, url: options.baseURL, httpOnly: true, sameSite: 'Lax' as const, secure })));
  return minted;
}
