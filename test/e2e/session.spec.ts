/**
 * The session's life: silent refresh when the access token expires (across pages and two tabs),
 * an emulator outage during refresh (the user stays signed in), sign-out (the session ends at the
 * emulator too) and a tampered cookie (the signed-out view, never an error page).
 */
import { expect, test } from '@playwright/test';
import { readFileSync } from 'node:fs';
import { APP_URL } from './ports.js';
import {
  AUTHENTICATE, LOGOUT, SESSION_COOKIE, claimsOf, emulator, refreshAtEmulator, screenshot, sessionCookie,
  shownTestId, signInAtHome, unsealSession, workos,
} from './support.js';

test.beforeEach(async () => {
  await emulator.reset();
});

const refreshes = async () => (await emulator.counters())[AUTHENTICATE] ?? 0;
/** Waits until an access token minted now with a `seconds` lifetime has expired. */
const outlive = (seconds: number) => new Promise((resolve) => setTimeout(resolve, seconds * 1000 + 600));

test('an expired access token is refreshed silently, across pages and two tabs', async ({ page, context }) => {
  await emulator.setAccessTokenTtl(2);
  await signInAtHome(page, 'bob@example.com', { via: 'hosted' });
  const firstCookie = await sessionCookie(context);
  const firstToken = (await unsealSession(firstCookie!)).accessToken;

  await outlive(2);
  const before = await refreshes();
  await page.getByRole('link', { name: 'Account' }).click();
  await expect(shownTestId(page, 'account-email')).toHaveText('bob@example.com');
  await expect(shownTestId(page, 'service-data')).toContainText('"verified": true'); // the new token works
  expect(await refreshes()).toBeGreaterThan(before);
  const secondCookie = await sessionCookie(context);
  expect(secondCookie).not.toBe(firstCookie);
  const secondToken = (await unsealSession(secondCookie!)).accessToken;
  expect(secondToken).not.toBe(firstToken);
  expect(claimsOf(secondToken).sid).toBe(claimsOf(firstToken).sid); // same session, new token

  // A second tab, then both tabs at once after the next expiry: one cookie jar, both signed in.
  const tab = await context.newPage();
  await tab.goto('/client');
  await expect(shownTestId(tab, 'client-email')).toHaveText('bob@example.com');
  await outlive(2);
  await Promise.all([page.goto('/'), tab.reload()]);
  await expect(shownTestId(page, 'user-email')).toHaveText('bob@example.com');
  await expect(shownTestId(tab, 'client-email')).toHaveText('bob@example.com');
  await expect(shownTestId(tab, 'token-status')).toHaveText('present');
  const response = await page.request.get('/api/me');
  expect(await response.json()).toMatchObject({ api: { status: 200, body: { verified: true } } });
});

test('an outage during a proactive refresh keeps serving the still-valid session', async ({ page, context }) => {
  await emulator.setAccessTokenTtl(30); // inside the 30 s refresh buffer from the start: every request tries to refresh
  await signInAtHome(page, 'bob@example.com', { via: 'hosted' });
  await emulator.injectFault({ endpoint: AUTHENTICATE, status: 503, retry_after: 0, times: 1000 });
  const before = await refreshes();
  // A link prefetch may have refreshed just before the outage, its answer kept by the proxy (30 s)
  // while the browser dropped the prefetch's cookie: one page view adopts it, then the outage is all.
  // That view's own refresh attempt (when there was nothing to adopt) fails and starts the backoff,
  // so the attempts are counted from before it.
  await page.reload();
  await page.waitForLoadState('networkidle');
  const sealed = await sessionCookie(context);

  await page.goto('/account');
  await expect(shownTestId(page, 'account-email')).toHaveText('bob@example.com');
  expect(await refreshes()).toBeGreaterThan(before); // it did try, and failed
  expect(await sessionCookie(context)).toBe(sealed);
});

test('an outage after the token expired serves the session stale, and the next request after recovery refreshes it', async ({ page, context }) => {
  await emulator.setAccessTokenTtl(2);
  await signInAtHome(page, 'alice@example.com', { organizationId: 'org_acme', via: 'hosted' });
  await emulator.injectFault({ endpoint: AUTHENTICATE, status: 503, retry_after: 1, times: 1000 });
  await outlive(2); // also lets link prefetches that refreshed before the outage finish
  const sealed = await sessionCookie(context);

  // WorkOS is down and the token has expired: the page still renders, signed in (stale), no error page.
  const response = await page.goto('/admin');
  expect(response?.status()).toBe(200);
  await expect(page.getByRole('heading', { name: 'Members of Acme' })).toBeVisible();
  expect(await sessionCookie(context)).toBe(sealed); // the cookie is kept
  await screenshot(page, '12-outage');

  await emulator.clearFaults();
  // Past the retry backoff the next request refreshes the session.
  await expect.poll(async () => {
    await page.goto('/admin');
    return sessionCookie(context);
  }, { timeout: 20_000, intervals: [2_000] }).not.toBe(sealed);
  await expect(page.getByRole('heading', { name: 'Members of Acme' })).toBeVisible();
});

test('signing out ends the session at the emulator and shows the signed-out view', async ({ page, context }) => {
  await signInAtHome(page, 'alice@example.com', { organizationId: 'org_acme', via: 'hosted' });
  const { refreshToken } = await unsealSession((await sessionCookie(context))!);

  await page.getByRole('main').getByRole('button', { name: 'Sign out' }).click();
  await expect(page).toHaveURL(`${APP_URL}/`);
  await expect(page.getByRole('heading', { name: 'You are signed out' })).toBeVisible();
  await expect(page.getByRole('group', { name: 'Session' }).getByRole('link', { name: 'Sign in' })).toBeVisible();
  expect(await sessionCookie(context)).toBeUndefined();

  // Ended at the emulator: the logout endpoint was hit, and the session's refresh token is dead.
  expect((await emulator.counters())[LOGOUT]).toBe(1);
  const refresh = await refreshAtEmulator(refreshToken);
  expect(refresh.status).toBe(400);
  expect(refresh.body.error).toBe('invalid_grant');
});

test('a session revoked at WorkOS (elsewhere) is refused within seconds: the example polls the events API', async ({ page, context }) => {
  await signInAtHome(page, 'bob@example.com', { via: 'hosted' });
  const { accessToken } = await unsealSession((await sessionCookie(context))!);
  // Its access token lives 5 minutes: without the events, the session would outlive this test.
  await workos.userManagement.revokeSession({ sessionId: claimsOf(accessToken).sid });
  // example/instrumentation.ts polls every 2 s; the poller's bundle, the proxy's and the page's share what ended.
  await expect(async () => {
    await page.goto('/');
    await expect(page.getByRole('heading', { name: 'You are signed out' })).toBeVisible({ timeout: 500 });
  }).toPass({ timeout: 10_000, intervals: [500] });
  expect(await sessionCookie(context)).toBeUndefined(); // the proxy cleared it
});

test('signOut({ returnTo }) lands on the given page', async ({ page, context }) => {
  await signInAtHome(page, 'bob@example.com', { via: 'hosted' });
  await page.goto('/account');
  await page.getByRole('button', { name: 'Sign out and see the goodbye page' }).click();
  await expect(page).toHaveURL(`${APP_URL}/signed-out`);
  await expect(page.getByRole('heading', { name: 'You have signed out' })).toBeVisible();
  expect(await sessionCookie(context)).toBeUndefined();
});

test('a tampered session cookie shows the signed-out view, not an error page', async ({ page, context }) => {
  await signInAtHome(page, 'bob@example.com', { via: 'cookie' });
  const sealed = (await sessionCookie(context))!;
  const tampered = `${sealed.slice(0, -10)}${sealed.slice(-10).split('').reverse().join('')}`;
  await context.addCookies([{ name: SESSION_COOKIE, value: tampered, url: APP_URL }]);

  const response = await page.goto('/');
  expect(response?.status()).toBe(200);
  await expect(page.getByRole('heading', { name: 'You are signed out' })).toBeVisible();
  expect(await sessionCookie(context)).toBeUndefined(); // the proxy cleared it
  await screenshot(page, '13-tampered-cookie');

  // Garbage on a page that requires sign-in: sent to sign in, not a 500.
  await context.addCookies([{ name: SESSION_COOKIE, value: 'not-a-session', url: APP_URL }]);
  const account = await page.goto('/account');
  expect(account?.status()).toBe(200);
  await expect(page).toHaveURL(/\/user_management\/authorize/);
});

// With Cache Components Next renders each request in stages and reports a clock read in the
// static or runtime stage ("encountered the unstable value `Date.now()` while prerendering"):
// once per signed-in request, before the kit read its clock through performance (shared/clock.ts).
test('signed-in pages render without Next reporting a clock read, in this whole run of the app so far', async ({ page }) => {
  await signInAtHome(page, 'alice@example.com', { via: 'cookie', organizationId: 'org_acme' });
  for (const path of ['/', '/account', '/client', '/organization', '/choose-organization', '/']) {
    const response = await page.goto(path);
    expect(response?.status()).toBe(200);
  }
  await page.getByRole('link', { name: 'Account' }).click();
  await expect(shownTestId(page, 'account-email')).toHaveText('alice@example.com');
  // The app's log is appended to across runs: this run's part starts at its last start banner.
  const whole = readFileSync('test-results/e2e-example.log', 'utf8');
  expect(whole).toContain('Ready in');
  const thisRun = whole.slice(whole.lastIndexOf('Ready in'));
  expect(thisRun.match(/encountered the unstable value[^\n]*/g) ?? []).toEqual([]);
});
