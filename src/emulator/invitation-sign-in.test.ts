/** Accepting an invitation through the hosted sign-in (`invitation_token`), and the invitation link. */
import { afterEach, describe, expect, it } from 'vitest';
import { parseForms, signInThroughHostedPage, submitForm } from '../../test/support/hosted-sign-in.js';
import type { Emulator } from './index.js';
import { REDIRECT_URI, claimsOf, emulatorPerSuite, sdkFor } from '../../test/support/emulator-harness.js';

let emulator: Emulator;
emulatorPerSuite((started) => (emulator = started));
afterEach(() => emulator.control.reset());

const authorizeUrl = (invitationToken?: string) =>
  sdkFor(emulator).userManagement.getAuthorizationUrl({
    provider: 'authkit',
    redirectUri: REDIRECT_URI,
    ...(invitationToken ? { invitationToken } : {}),
  });

async function acceptAs(email: string, invitationToken: string) {
  const back = await signInThroughHostedPage(authorizeUrl(invitationToken), email);
  return sdkFor(emulator).userManagement.authenticateWithCode({ code: back.searchParams.get('code')! });
}

describe('accepting an invitation through sign-in', () => {
  it('signs a new address up, makes it a member with the role, and starts the session in that organization', async () => {
    const workos = sdkFor(emulator);
    const sent = await workos.userManagement.sendInvitation({
      email: 'erin@example.com',
      organizationId: 'org_acme',
      roleSlug: 'admin',
      inviterUserId: 'user_alice',
    });
    const page = await (await fetch(authorizeUrl(sent.token))).text();
    expect(page).toContain('Join Acme');
    expect(page).toContain('alice@example.com invited you to join Acme as Admin.');
    const session = await acceptAs('erin@example.com', sent.token);
    expect(session.user).toMatchObject({ email: 'erin@example.com', emailVerified: true });
    expect(session.organizationId).toBe('org_acme');
    expect(claimsOf(session.accessToken)).toMatchObject({ org_id: 'org_acme', role: 'admin' });
    expect(await workos.userManagement.getInvitation(sent.id)).toMatchObject({ state: 'accepted', acceptedUserId: session.user.id });
    const names = (
      await workos.events.listEvents({ events: ['user.created', 'organization_membership.created', 'invitation.accepted', 'session.created'] })
    ).data.map((event) => event.event);
    expect(names).toEqual(['user.created', 'organization_membership.created', 'invitation.accepted', 'session.created']);
  });

  it('signs an existing user in, activating a pending membership and keeping the others', async () => {
    const workos = sdkFor(emulator);
    const sent = await workos.userManagement.sendInvitation({ email: 'bob@example.com', organizationId: 'org_globex' });
    const session = await acceptAs('bob@example.com', sent.token);
    expect(session.user.id).toBe('user_bob');
    expect(session.organizationId).toBe('org_globex');
    const membership = await workos.userManagement.getOrganizationMembership('om_bob_globex');
    expect(membership).toMatchObject({ status: 'active', role: { slug: 'member' } });
    const orgs = (await workos.userManagement.listOrganizationMemberships({ userId: 'user_bob' })).data.map((m) => m.organizationId);
    expect(orgs.sort()).toEqual(['org_acme', 'org_globex']);
  });

  it('offers only the invited address, and refuses another one posted by hand', async () => {
    const sent = await sdkFor(emulator).userManagement.sendInvitation({ email: 'erin@example.com', organizationId: 'org_acme' });
    const url = authorizeUrl(sent.token);
    const [form] = parseForms(await (await fetch(url)).text());
    expect(form!.buttons.map((button) => button.text)).toEqual(['erin@example.com', 'Cancel']);
    const forged = await submitForm(url, form!, { name: 'email', value: 'carol@example.com' });
    expect(forged.status).toBe(400);
    expect(await forged.text()).toContain('This invitation is for erin@example.com.');
  });

  it('explains an invitation that cannot be used, with a way to sign in without it', async () => {
    const workos = sdkFor(emulator);
    const sent = await workos.userManagement.sendInvitation({ email: 'erin@example.com', organizationId: 'org_acme' });
    await workos.userManagement.revokeInvitation(sent.id);
    const response = await fetch(authorizeUrl(sent.token));
    expect(response.status).toBe(400);
    const page = await response.text();
    expect(page).toContain('This invitation has been revoked.');
    expect(page).toContain('Sign in without the invitation');
    expect((await fetch(authorizeUrl('not-a-token'))).status).toBe(400);
  });
});

describe('the invitation link (accept_invitation_url)', () => {
  it("sends the browser to the app's sign-in endpoint and hands the token to the next authorize request, once", async () => {
    const sent = await sdkFor(emulator).userManagement.sendInvitation({ email: 'erin@example.com', organizationId: 'org_acme' });
    const link = await fetch(sent.acceptInvitationUrl, { redirect: 'manual' });
    expect(link.status).toBe(302);
    expect(link.headers.get('location')).toBe('http://localhost:3000/callback');
    const cookie = link.headers.get('set-cookie')!.split(';')[0]!;
    expect(cookie).toMatch(/^wos_emulator_invitation=/);
    const page = await fetch(authorizeUrl(), { headers: { cookie } });
    expect(page.headers.get('set-cookie')).toMatch(/^wos_emulator_invitation=; .*Max-Age=0/);
    const [form] = parseForms(await page.text());
    expect(form!.fields).toContainEqual(['invitation_token', sent.token]);
    expect(form!.buttons[0]!.text).toBe('erin@example.com');
    const unknown = await fetch(`${emulator.url}/invite?invitation_token=nope`, { redirect: 'manual' });
    expect(unknown.status).toBe(400);
  });
});
