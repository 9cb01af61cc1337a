/**
 * The flows every supported set-up must carry, run against the fixture apps (scripts/fixture-apps.mjs:
 * Next 16 with Cache Components off, and Next 15 with middleware.ts on the Edge runtime; the example
 * app, with Cache Components on, has its own specs for the same flows): the static content in the
 * first HTML, sign-in, an organization switch (with and without JavaScript), <RequireAuth>,
 * withAuth({ ensureSignedIn }), impersonation, a silent refresh, and sign-out.
 */
import { expect, test, type Page } from '@playwright/test';
import { TARGETS, type TargetName } from './ports.js';
import { AUTHENTICATE, LOGOUT, helpersFor, shownTestId } from './support.js';

const target = () => TARGETS[test.info().project.metadata.target as TargetName];
const helpers = () => helpersFor(target());

test.beforeEach(async () => {
  await helpers().emulator.reset();
});

/** Signs in through the app's sign-in link and the emulator's hosted page. */
async function signIn(page: Page, email: string, organization?: string) {
  await page.goto('/');
  await page.getByRole('link', { name: 'Sign in' }).click();
  await helpers().chooseUserOnEmulator(page, email, { organization });
}

async function expectSignedIn(page: Page, email: string, organizationId: string, role: string) {
  const main = page.getByRole('main');
  await expect(shownTestId(main, 'user-email')).toHaveText(email);
  await expect(shownTestId(main, 'organization-id')).toHaveText(organizationId);
  await expect(shownTestId(main, 'role')).toHaveText(role);
}

test('the first HTML holds the static content; a signed-out visitor sees the signed-out view', async ({ page, request }) => {
  const html = await (await request.get('/')).text();
  expect(html).toContain('This paragraph is static content.');
  await page.goto('/');
  await expect(shownTestId(page, 'signed-out')).toBeVisible();
  await expect(page.getByRole('link', { name: 'Sign in' })).toHaveAttribute('href', /\/callback\?screen_hint=sign-in/);
});

for (const javaScriptEnabled of [true, false]) {
  test.describe(`with JavaScript ${javaScriptEnabled ? 'enabled' : 'disabled'}`, () => {
    test.use({ javaScriptEnabled });

    test('sign in, switch organization through <OrgSwitcher>, sign out', async ({ page, context }) => {
      await signIn(page, 'alice@example.com', 'Acme');
      await expectSignedIn(page, 'alice@example.com', 'org_acme', 'admin');

      await page.locator('summary', { hasText: 'Acme' }).click(); // a <details>: opens without JavaScript too
      await page.getByRole('button', { name: 'Globex' }).click();
      await expectSignedIn(page, 'alice@example.com', 'org_globex', 'member');

      await page.getByRole('button', { name: 'Sign out' }).click();
      await expect(shownTestId(page, 'signed-out')).toBeVisible();
      expect((await context.cookies()).some((cookie) => cookie.name === 'wos-session')).toBe(false);
      expect((await helpers().emulator.counters())[LOGOUT]).toBe(1);
    });

    test('<RequireAuth> sends a signed-out visitor to sign in and back; a member sees the fallback', async ({ page }) => {
      await page.goto('/admin');
      await helpers().chooseUserOnEmulator(page, 'bob@example.com');
      await expect(page).toHaveURL(`${target().appUrl}/admin`);
      await expect(page.getByRole('main').getByRole('alert')).toHaveText('Admins only');
    });
  });
}

test('withAuth({ ensureSignedIn: true }) at the top of a page sends a signed-out visitor to sign in and back', async ({ page }) => {
  await page.goto('/account');
  await helpers().chooseUserOnEmulator(page, 'bob@example.com');
  await expect(page).toHaveURL(`${target().appUrl}/account`);
  await expect(shownTestId(page, 'account-email')).toHaveText('bob@example.com');
});

test('an admin sees the admin panel', async ({ page }) => {
  await signIn(page, 'alice@example.com', 'Acme');
  await page.goto('/admin');
  await expect(shownTestId(page, 'admin-panel')).toBeVisible();
});

test('impersonation: the banner, then "Stop impersonating" ends the session', async ({ page }) => {
  await page.goto(`${target().emulatorUrl}/_emulator/impersonate`);
  await page.getByLabel('Your email (the impersonator)').fill('support@example.com');
  await page.getByLabel('User to impersonate').selectOption({ label: 'bob@example.com' });
  await page.getByLabel('Organization').selectOption({ label: 'Acme' });
  await page.getByLabel('Reason').fill('Ticket 42');
  await page.getByLabel("App's initiate-login URL").fill(`${target().appUrl}/callback`);
  await page.getByRole('button', { name: 'Start impersonation' }).click();
  const banner = page.getByRole('status');
  await expect(banner).toHaveText(/support@example\.com is impersonating bob@example\.com in Acme \(reason: Ticket 42\)/);
  await banner.getByRole('button', { name: 'Stop impersonating' }).click();
  await expect(shownTestId(page, 'signed-out')).toBeVisible();
  await expect(page.getByRole('status')).toHaveCount(0);
});

test('an expired access token is refreshed silently by the proxy', async ({ page }) => {
  const { emulator } = helpers();
  await emulator.setAccessTokenTtl(2);
  await signIn(page, 'bob@example.com');
  await expectSignedIn(page, 'bob@example.com', 'org_acme', 'member');
  const before = (await emulator.counters())[AUTHENTICATE] ?? 0;
  await page.waitForTimeout(2_600);
  await page.reload();
  await expectSignedIn(page, 'bob@example.com', 'org_acme', 'member');
  expect((await emulator.counters())[AUTHENTICATE]).toBeGreaterThan(before);
});
