/**
 * Roles and organizations: the admin page behind <RequireAuth role="admin">, and switching
 * organization through the header's <OrgSwitcher>, with JavaScript and without it (plain forms
 * posting the server action), with the new organization's role reflected everywhere.
 */
import { expect, test, type Page } from '@playwright/test';
import { APP_URL } from './ports.js';
import { claimsOf, emulator, screenshot, sessionCookie, signInAtHome, unsealSession, shownTestId } from './support.js';

test.beforeEach(async () => {
  await emulator.reset();
});

/** The organization of the session a cookie holds. */
const organizationOf = async (sealed: string) => claimsOf((await unsealSession(sealed)).accessToken).org_id;

async function switchOrganization(page: Page, from: string, to: string, shot?: string) {
  const session = page.getByRole('group', { name: 'Session' });
  await session.locator('summary', { hasText: from }).click(); // a <details> disclosure: opens without JavaScript too
  const list = session.getByRole('list', { name: 'Switch organization' });
  await expect(list.getByRole('button', { name: from })).toHaveAttribute('aria-current', 'true');
  if (shot) await screenshot(page, shot);
  await list.getByRole('button', { name: to, exact: true }).click();
}

test('the admin page shows the panel to an admin', async ({ page }) => {
  await signInAtHome(page, 'alice@example.com', { organizationId: 'org_acme', via: 'hosted' });
  await page.getByRole('link', { name: 'Admin' }).click();
  await expect(page.getByRole('heading', { name: 'Members of Acme' })).toBeVisible();
  await expect(page.getByRole('cell', { name: 'bob@example.com' })).toBeVisible();
  await expect(page.getByText('Admins only')).toHaveCount(0);
  await screenshot(page, '07-admin-as-admin');
});

test('the admin page shows the fallback to a member', async ({ page }) => {
  await signInAtHome(page, 'bob@example.com', { via: 'cookie' });
  await page.goto('/admin');
  await expect(page.getByRole('main').getByRole('alert')).toContainText('Admins only');
  await expect(page.getByRole('heading', { name: /Members of/ })).toHaveCount(0);
  await screenshot(page, '08-admin-as-member');
});

// With Cache Components on, the switcher streams into the page after its static shell, and React
// reveals streamed parts with a script: without JavaScript it stays a placeholder. The switch
// without JavaScript runs against the fixture apps that render on demand (core-flows.spec.ts).
test('switching organization through <OrgSwitcher> changes the role everywhere', async ({ page }) => {
  await signInAtHome(page, 'alice@example.com', { organizationId: 'org_acme', via: 'hosted' });
  await expect(shownTestId(page, 'role')).toHaveText('admin');

  await switchOrganization(page, 'Acme', 'Globex', '09-org-switcher-open');
  await expect(shownTestId(page, 'organization-id')).toHaveText('org_globex');
  await expect(shownTestId(page, 'role')).toHaveText('member');
  await expect(page).toHaveURL(`${APP_URL}/`);

  // A member in Globex: the admin page now shows the fallback, and the account page the new role.
  await page.goto('/admin');
  await expect(page.getByRole('main').getByRole('alert')).toContainText('Admins only');
  await page.goto('/account');
  await expect(shownTestId(page, 'account-role')).toContainText('member');

  // And back: admin again.
  await switchOrganization(page, 'Globex', 'Acme');
  await expect(page).toHaveURL(`${APP_URL}/account`);
  await expect(shownTestId(page, 'account-role')).toContainText('admin');
});

test("useAuth().refreshAuth({ organizationId }) switches the session's organization from a client component", async ({ page, context }) => {
  await signInAtHome(page, 'alice@example.com', { organizationId: 'org_acme', via: 'hosted' });
  await page.goto('/client');
  await expect(shownTestId(page, 'client-role')).toHaveText('admin');
  await expect(shownTestId(page, 'token-status')).toHaveText('present'); // hydrated: the button has its handler
  await page.getByRole('button', { name: 'Refresh session' }).click();
  // The README's button: the action saves a session in Globex...
  await expect.poll(async () => organizationOf((await sessionCookie(context))!), { timeout: 7_000 }).toBe('org_globex');
  // ...which every render from now on shows.
  await page.reload();
  await expect(shownTestId(page, 'client-organization')).toHaveText('org_globex');
  await expect(shownTestId(page, 'client-role')).toHaveText('member');
});

// After refreshAuthAction writes the new session, the same response re-renders the layout; it must
// seed <AuthKitProvider> from the cookie the action wrote, not the proxy's pre-action hand-over.
test('useAuth() keeps showing the new organization right after refreshAuth({ organizationId })', async ({ page }) => {
  await signInAtHome(page, 'alice@example.com', { organizationId: 'org_acme', via: 'hosted' });
  await page.goto('/client');
  await expect(shownTestId(page, 'token-status')).toHaveText('present');
  await page.getByRole('button', { name: 'Refresh session' }).click();
  await expect(shownTestId(page, 'client-organization')).toHaveText('org_globex');
  await page.waitForTimeout(1_000); // the action's re-render arrives after its result
  await expect(shownTestId(page, 'client-organization')).toHaveText('org_globex');
  await expect(shownTestId(page, 'client-role')).toHaveText('member');
});
