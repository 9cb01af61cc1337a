/**
 * Signing in and up through the emulator's hosted pages, and coming back to the page that asked:
 * the home page's buttons, the proxy's middlewareAuth, withAuth({ ensureSignedIn }) in a server
 * page and useAuth({ ensureSignedIn }) in a client page.
 */
import { expect, test } from '@playwright/test';
import { APP_URL, EMULATOR_URL } from './ports.js';
import { chooseUserOnEmulator, emulator, screenshot, sessionCookie, shownTestId } from './support.js';

test.beforeEach(async () => {
  await emulator.reset();
});

test('signs in from the home page through the emulator and lands back signed in', async ({ page, context }) => {
  await page.goto('/');
  await expect(page.getByRole('heading', { name: 'You are signed out' })).toBeVisible();
  await screenshot(page, '01-home-signed-out');

  await page.getByRole('main').getByRole('link', { name: 'Sign in', exact: true }).click();
  // Alice has two organizations, so the emulator asks which one.
  await chooseUserOnEmulator(page, 'alice@example.com', { organization: 'Acme', shot: '02-emulator-sign-in' });

  await expect(page).toHaveURL(`${APP_URL}/`);
  await expect(shownTestId(page, 'user-email')).toHaveText('alice@example.com');
  await expect(shownTestId(page, 'user-name')).toHaveText('Alice Anderson');
  await expect(shownTestId(page, 'role')).toHaveText('admin');
  await expect(page.getByRole('heading', { name: 'Welcome back, Alice' })).toBeVisible();
  await expect(page.getByRole('group', { name: 'Session' })).toContainText('alice@example.com');
  expect(await sessionCookie(context)).toBeTruthy();
  await screenshot(page, '03-home-signed-in');
});

test('signs up a new user on the emulator and lands back signed in as them', async ({ page }) => {
  await page.goto('/');
  await page.getByRole('main').getByRole('link', { name: 'Sign up', exact: true }).click();
  await expect(page).toHaveURL(new RegExp(`^${EMULATOR_URL}/user_management/authorize.*screen_hint=sign-up`));
  await expect(page.getByRole('heading', { name: 'Create an account' })).toBeVisible();
  await page.getByLabel('Email').fill('erin@example.com');
  await page.getByLabel('First name').fill('Erin');
  await page.getByLabel('Last name').fill('Evans');
  await screenshot(page, '04-emulator-sign-up');
  await page.getByRole('button', { name: 'Create account' }).click();

  await expect(page).toHaveURL(`${APP_URL}/`);
  await expect(shownTestId(page, 'user-email')).toHaveText('erin@example.com');
  await expect(shownTestId(page, 'user-name')).toHaveText('Erin Evans');
  await expect(shownTestId(page, 'organization-id')).toHaveText('none');
});

test('middlewareAuth sends a signed-out visitor to sign in and back to the page, query included', async ({ page }) => {
  await page.goto('/admin?tab=members');
  await chooseUserOnEmulator(page, 'alice@example.com', { organization: 'Acme' });
  await expect(page).toHaveURL(`${APP_URL}/admin?tab=members`);
  await expect(page.getByRole('heading', { name: /^Members of Acme/ })).toBeVisible();
});

test('a signed-out click on a protected link (a client-side navigation) also goes to sign in and back', async ({ page }) => {
  await page.goto('/');
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Admin' }).click();
  await chooseUserOnEmulator(page, 'alice@example.com', { organization: 'Acme' });
  await expect(page).toHaveURL(`${APP_URL}/admin`);
  await expect(page.getByRole('heading', { name: 'Members of Acme' })).toBeVisible();
});

test('withAuth({ ensureSignedIn: true }) sends a signed-out visitor to sign in and back', async ({ page }) => {
  await page.goto('/account');
  await chooseUserOnEmulator(page, 'bob@example.com');
  await expect(page).toHaveURL(`${APP_URL}/account`);
  await expect(shownTestId(page, 'account-email')).toHaveText('bob@example.com');
  await expect(shownTestId(page, 'account-role')).toContainText('member');
  // The access token reached the API and verified against the JWKS.
  await expect(shownTestId(page, 'service-data')).toContainText('"verified": true');
  await screenshot(page, '05-account');
});

test('useAuth({ ensureSignedIn: true }) in a client page sends a signed-out visitor to sign in and back', async ({ page }) => {
  await page.goto('/client');
  await chooseUserOnEmulator(page, 'bob@example.com');
  await expect(page).toHaveURL(`${APP_URL}/client`);
  await expect(shownTestId(page, 'client-email')).toHaveText('bob@example.com');
  await expect(shownTestId(page, 'token-status')).toHaveText('present');
  await page.getByRole('button', { name: 'Call the API' }).click();
  await expect(shownTestId(page, 'client-api-result')).toContainText('"verified": true');
  await screenshot(page, '06-client-page');
});

test('a route handler calls an API with the access token', async ({ page }) => {
  await page.goto('/account');
  await chooseUserOnEmulator(page, 'bob@example.com');
  const response = await page.request.get('/api/me');
  expect(response.status()).toBe(200);
  expect(await response.json()).toMatchObject({
    email: 'bob@example.com',
    api: { status: 200, body: { verified: true, sub: 'user_bob', org_id: 'org_acme', role: 'member' } },
  });
});
