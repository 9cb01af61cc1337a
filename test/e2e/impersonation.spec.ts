/**
 * Impersonation, started the way WorkOS does it (from its dashboard, here the emulator's admin
 * page, through the app's initiate-login URL): the <Impersonation> banner says who is
 * impersonating whom, and "Stop impersonating" ends the session.
 */
import { expect, test } from '@playwright/test';
import { APP_URL, EMULATOR_URL } from './ports.js';
import { LOGOUT, emulator, screenshot, sessionCookie, shownTestId } from './support.js';

test.beforeEach(async () => {
  await emulator.reset();
});

test('the banner shows while impersonating, and "Stop impersonating" ends the session', async ({ page, context }) => {
  await page.goto(`${EMULATOR_URL}/_emulator/impersonate`);
  await page.getByLabel('Your email (the impersonator)').fill('support@example.com');
  await page.getByLabel('User to impersonate').selectOption({ label: 'bob@example.com' });
  await page.getByLabel('Organization').selectOption({ label: 'Acme' });
  await page.getByLabel('Reason').fill('Ticket 42');
  await page.getByLabel("App's initiate-login URL").fill(`${APP_URL}/callback`);
  await screenshot(page, '10-emulator-impersonate');
  await page.getByRole('button', { name: 'Start impersonation' }).click();

  await expect(page).toHaveURL(`${APP_URL}/`);
  const banner = page.getByRole('status');
  await expect(banner).toHaveText(/support@example\.com is impersonating bob@example\.com in Acme \(reason: Ticket 42\)/);
  await expect(shownTestId(page, 'user-email')).toHaveText('bob@example.com');
  await screenshot(page, '11-impersonation-banner');

  // The banner is in the root layout: it follows the user to every page.
  await page.goto('/account');
  await expect(banner).toBeVisible();
  await expect(page.getByRole('main').getByText('support@example.com', { exact: true })).toBeVisible(); // "Impersonated by"

  await banner.getByRole('button', { name: 'Stop impersonating' }).click();
  await expect(page).toHaveURL(`${APP_URL}/`);
  await expect(page.getByRole('heading', { name: 'You are signed out' })).toBeVisible();
  await expect(page.getByRole('status')).toHaveCount(0);
  expect(await sessionCookie(context)).toBeUndefined();
  expect((await emulator.counters())[LOGOUT]).toBe(1);
});
