/**
 * The organization lifecycle in the browser, through the kit's server components and actions:
 * choosing the organization after sign-in ("Let the app choose"), inviting someone who then signs
 * up through the invitation, changing a member's role (their next request shows it), a member
 * refused even when posting the form by hand, and signing out another session. It runs against
 * the example (Cache Components on: its picker is the app's page, /choose-organization) and the
 * fixture apps (Cache Components off, Next 16 and Next 15: the auth route's own picker), there
 * with JavaScript on and off (playwright.config.ts: the "(no JavaScript)" projects).
 */
import { expect, test, type Browser, type Page } from '@playwright/test';
import { TARGETS, type TargetName } from './ports.js';
import { helpersFor, unsealSession, shownTestId } from './support.js';

const target = () => TARGETS[test.info().project.metadata.target as TargetName];
const helpers = () => helpersFor(target());

test.beforeEach(async () => {
  await helpers().emulator.reset();
});

/** A second person (their own cookies), in a browser with the project's settings. */
async function anotherPerson(browser: Browser): Promise<Page> {
  const { javaScriptEnabled, baseURL } = test.info().project.use;
  const context = await browser.newContext({ javaScriptEnabled, baseURL });
  return context.newPage();
}

/**
 * Where a form of the kit lands: the page, at the component's fragment. Next 15's router drops the
 * fragment of a server action's redirect when it applies it client-side (server-action-reducer:
 * createHrefFromUrl(redirectLocation, false)); without JavaScript, and on Next 16, the browser keeps it.
 */
function landedOn(path: string, anchor: string): RegExp {
  const { metadata, use } = test.info().project;
  const dropsFragment = metadata.target === 'next15' && use.javaScriptEnabled !== false;
  return new RegExp(`${path}${dropsFragment ? '' : `#${anchor}`}$`);
}

/** Signs `page` in as `email` (a session minted on the emulator) and opens the organization page. */
async function openOrganizationAs(page: Page, email: string) {
  await helpers().signInAtHome(page, email, { organizationId: 'org_acme', via: 'cookie' });
  await page.goto('/organization');
  return page.getByRole('region', { name: 'Members' });
}

test('"Let the app choose" → pick Globex → signed in to Globex', async ({ page }) => {
  await page.goto('/');
  await page.getByRole('link', { name: 'Sign in' }).first().click();
  await expect(page).toHaveURL(new RegExp(`^${target().emulatorUrl}/user_management/authorize`));
  await page.getByRole('button', { name: 'alice@example.com', exact: true }).click();
  await page.getByRole('button', { name: 'Let the app choose' }).click();

  // The example's page (<OrganizationPicker>) or the fixture's auth route's own picker: the same markup.
  const picker = page.getByRole('main');
  await expect(picker.getByRole('heading', { name: 'Choose an organization' })).toBeVisible();
  await expect(picker.getByText('Signing in as alice@example.com.')).toBeVisible();
  await picker.getByRole('button', { name: 'Globex', exact: true }).click();

  await expect(page).toHaveURL(`${target().appUrl}/`);
  await expect(shownTestId(page, 'user-email')).toHaveText('alice@example.com');
  await expect(shownTestId(page, 'organization-id')).toHaveText('org_globex');
  await expect(shownTestId(page, 'role')).toHaveText('member');
});

test('alice invites a new address → the invitee accepts → is a member', async ({ page, browser }) => {
  const members = await openOrganizationAs(page, 'alice@example.com');
  const invite = members.getByRole('form', { name: 'Invite a member' });
  await invite.getByLabel('Email address').fill('newcomer@example.com');
  await invite.getByRole('combobox', { name: 'Role' }).selectOption({ label: 'Member' });
  await invite.getByRole('button', { name: 'Send invitation' }).click();
  await expect(page).toHaveURL(landedOn('/organization', 'authkit-members'));
  await expect(members.getByRole('status')).toHaveText('Invitation sent to newcomer@example.com.');
  await expect(page.getByRole('region', { name: 'Pending invitations' }).getByRole('row', { name: /newcomer@example\.com/ })).toBeVisible();

  // The invitee follows the link the email would carry: the app's sign-in, then the emulator's invitation page.
  const [invitation] = await helpers().emulator.invitations('newcomer@example.com');
  const invitee = await anotherPerson(browser);
  await invitee.goto(invitation!.accept_invitation_url);
  await expect(invitee.getByText(/invited you to join Acme/)).toBeVisible();
  await invitee.getByRole('button', { name: 'newcomer@example.com' }).click();
  await expect(shownTestId(invitee, 'user-email')).toHaveText('newcomer@example.com');
  await expect(shownTestId(invitee, 'organization-id')).toHaveText('org_acme');
  await invitee.context().close();

  await page.goto('/organization');
  await expect(members.getByRole('row', { name: /newcomer@example\.com/ })).toContainText('Member');
  await expect(page.getByRole('region', { name: 'Pending invitations' })).toHaveAttribute('data-state', 'empty');
});

test("alice changes bob's role → bob's next request sees it", async ({ page, browser }) => {
  const bob = await anotherPerson(browser);
  await helpers().signInAtHome(bob, 'bob@example.com', { organizationId: 'org_acme', via: 'cookie' });
  await expect(shownTestId(bob, 'role')).toHaveText('member');

  const members = await openOrganizationAs(page, 'alice@example.com');
  const bobsRow = members.getByRole('row', { name: /bob@example\.com/ });
  await bobsRow.getByRole('combobox', { name: 'Role of bob@example.com' }).selectOption({ label: 'Admin' });
  await bobsRow.getByRole('button', { name: 'Change role' }).click();
  await expect(members.getByRole('status')).toHaveText('Changed the role of bob@example.com.');

  await bob.reload();
  await expect(shownTestId(bob, 'role')).toHaveText('admin');
  await bob.context().close();
});

test('bob (a member) cannot manage members, even by posting the form by hand', async ({ page, browser }) => {
  // What alice's page posts to change bob's role: the action's id (from the page's HTML) and the fields.
  const aliceMembers = await openOrganizationAs(page, 'alice@example.com');
  await expect(aliceMembers.getByRole('combobox', { name: 'Role of bob@example.com' })).toBeVisible();
  const actionFields = await roleFormActionFields(page);
  expect(actionFields.length).toBeGreaterThan(0);

  const bob = await anotherPerson(browser);
  const members = await openOrganizationAs(bob, 'bob@example.com');
  await expect(members.getByRole('table', { name: 'Members' })).toHaveAttribute('data-state', 'view');
  await expect(members.getByRole('combobox')).toHaveCount(0);
  await expect(members.getByRole('button', { name: /^Remove/ })).toHaveCount(0);
  await expect(members.getByRole('form', { name: 'Invite a member' })).toHaveCount(0);

  // Bob posts the form by hand, from a page of his own on the app's origin: alice's membership, and a
  // forged organization id. Refused, nothing changes.
  const fields = { ...Object.fromEntries(actionFields), membershipId: 'om_alice_acme', role: 'member', organizationId: 'org_acme', returnTo: '/organization' };
  await bob.route('**/hand-made-form', (route) => route.fulfill({ contentType: 'text/html', body: handMadeForm('/organization', fields) }));
  await bob.goto('/hand-made-form');
  await bob.getByRole('button', { name: 'Post it' }).click();
  await expect(bob).toHaveURL(/\/organization#authkit-members$/);
  await expect(members.getByRole('alert')).toHaveText('You do not have permission to manage members of this organization.');

  await page.reload();
  await expect(aliceMembers.getByRole('row', { name: /alice@example\.com/ })).toContainText('Admin');
  await bob.context().close();
});

/** A plain HTML form posting `fields` to `action` as a browser does without JavaScript (multipart, like React's forms). */
function handMadeForm(action: string, fields: Record<string, string>): string {
  const escape = (text: string) => text.replace(/[&"<>]/g, (c) => `&#${c.charCodeAt(0)};`);
  const inputs = Object.entries(fields).map(([name, value]) => `<input type="hidden" name="${escape(name)}" value="${escape(value)}">`).join('');
  return `<!doctype html><form method="post" action="${action}" enctype="multipart/form-data">${inputs}<button>Post it</button></form>`;
}

/** The `$ACTION_…` fields of the form that changes bob's role, from the page's HTML (no script needed). */
async function roleFormActionFields(page: Page): Promise<Array<[string, string]>> {
  const html = await (await page.request.get('/organization')).text();
  const form = /<form[^>]*>(?:(?!<\/form>)[\s\S])*?name="membershipId" value="om_bob_acme"(?:(?!<\/form>)[\s\S])*<\/form>/.exec(html)?.[0] ?? '';
  return [...form.matchAll(/<input[^>]*name="(\$ACTION[^"]*)"[^>]*>/g)].map(([tag, name]) => [name!, /value="([^"]*)"/.exec(tag!)?.[1] ?? '']);
}

test('signing out another session: it is signed out on its next request, and WorkOS refuses its refresh', async ({ page, browser }) => {
  const other = await anotherPerson(browser);
  await helpers().signInAtHome(other, 'alice@example.com', { organizationId: 'org_acme', via: 'cookie' });
  const otherCookie = await helpers().sessionCookie(other.context());

  await helpers().signInAtHome(page, 'alice@example.com', { organizationId: 'org_acme', via: 'cookie' });
  // The example's account page; the fixtures' own page for it (their account page has a loading.tsx,
  // whose streamed content only a script reveals).
  await page.goto(target().name === 'example' ? '/account' : '/sessions');
  const sessions = page.getByRole('region', { name: 'Active sessions' });
  await expect(sessions.getByRole('row')).toHaveCount(3);
  await expect(sessions.locator('tr[aria-current="true"]')).toContainText('This device');
  await sessions.locator('tbody tr:not([aria-current])').getByRole('button', { name: /^Sign out / }).click();
  await expect(sessions.getByRole('status')).toHaveText('Signed out that session.');
  await expect(sessions.getByRole('row')).toHaveCount(2);

  await other.reload();
  await expect(shownTestId(other, 'signed-out')).toBeVisible();
  const { refreshToken } = await unsealSession(otherCookie!);
  expect((await helpers().refreshAtEmulator(refreshToken)).status).toBe(400);
  await other.context().close();
});
