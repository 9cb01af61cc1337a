/**
 * Member management through the real actions, sessions and SDK against the emulator. Every test is
 * an authorisation test: the caller's session alone decides who acts, in which organization and
 * with which rights; the form only names a membership, which must belong to that organization.
 */
import { describe, expect, it, vi } from 'vitest';
import { signedInRequest, signedOutRequest } from '../../../test/support/components-request.js';
import { emulatorSuite } from '../../../test/support/emulator-suite.js';
import { redirectOf } from '../../../test/support/http.js';
import { form, managePermission, noticeFor, sessionNow } from '../../../test/support/organization-forms.js';
import { changeMemberRoleAction, removeMemberAction } from '../../actions/index.js';
import { sessionRoot } from '../root/current-root.js';
import { readSession } from '../session/read-session.js';
import { getWorkOS } from '../auth/get-workos.js';
import { listOrganizationMembers } from './members.js';

vi.mock('next/headers', async () => (await import('../../testing/next-headers.js')).nextHeadersMock);
const cache = vi.hoisted(() => ({ revalidatePath: vi.fn(), revalidateTag: vi.fn() }));
vi.mock('next/cache', () => cache);

const suite = emulatorSuite();
const emulator = () => suite.emulator;
managePermission();
const action = { readOnly: false, path: '/organization' };
const alice = { user: 'alice@example.com', organizationId: 'org_acme' };
const bob = { user: 'bob@example.com', organizationId: 'org_acme' };

const roleOf = async (membershipId: string) => (await getWorkOS().userManagement.getOrganizationMembership(membershipId)).role.slug;
const writes = () => Object.entries(emulator().control.counters()).filter(([route]) => !route.startsWith('GET ') && !route.includes('authenticate'));

describe('changeMemberRoleAction', () => {
  it("lets an admin change a member's role, lands on the members list with a notice, and bob's next request refreshes", async () => {
    const bobsSession = await signedInRequest(emulator(), bob);
    await signedInRequest(emulator(), alice, action);
    const { url } = await redirectOf(() => changeMemberRoleAction(form({ membershipId: 'om_bob_acme', role: 'admin', returnTo: '/organization' })));
    expect(url).toBe('/organization#authkit-members');
    expect(await noticeFor('members')).toEqual({ code: 'role-changed', subject: 'bob@example.com' });
    expect(await roleOf('om_bob_acme')).toBe('admin');
    // Bob's memberships (his switcher) and the organization's cached data expire.
    expect(cache.revalidateTag).toHaveBeenCalledWith('authkit:user:user_bob', { expire: 0 });
    expect(cache.revalidateTag).toHaveBeenCalledWith('authkit:organization:org_acme', { expire: 0 });
    // Bob's token still says "member": in this process it now reads as due for refresh...
    expect((await readSession(sessionRoot(), bobsSession.sealed)).status).toBe('expired');
    // ...and the list shows the new role at once.
    expect((await listOrganizationMembers()).find((member) => member.email === 'bob@example.com')?.role).toBe('admin');
  });

  it('refuses a member (no manage permission), even with a well-formed form, and changes nothing', async () => {
    await signedInRequest(emulator(), bob, action);
    emulator().control.resetCounters();
    await redirectOf(() => changeMemberRoleAction(form({ membershipId: 'om_alice_acme', role: 'member' })));
    expect(await noticeFor('members')).toEqual({ code: 'forbidden' });
    expect(await roleOf('om_alice_acme')).toBe('admin');
    expect(writes()).toEqual([]);
  });

  it("ignores a forged organization id and refuses a membership of another organization as not found", async () => {
    await signedInRequest(emulator(), alice, action);
    await redirectOf(() => changeMemberRoleAction(form({ membershipId: 'om_dave_globex', role: 'member', organizationId: 'org_globex' })));
    expect(await noticeFor('members')).toEqual({ code: 'not-found' });
    expect(await roleOf('om_dave_globex')).toBe('admin');
  });

  it('refuses the caller’s own role, and demoting the last admin', async () => {
    await signedInRequest(emulator(), alice, action);
    await redirectOf(() => changeMemberRoleAction(form({ membershipId: 'om_alice_acme', role: 'member' })));
    expect(await noticeFor('members')).toEqual({ code: 'own-role' });
    // Bob made admin; Bob demotes Alice (allowed: Bob stays admin); Alice, now a member, can no longer manage.
    await redirectOf(() => changeMemberRoleAction(form({ membershipId: 'om_bob_acme', role: 'admin' })));
    await signedInRequest(emulator(), bob, action);
    await redirectOf(() => changeMemberRoleAction(form({ membershipId: 'om_alice_acme', role: 'member' })));
    expect(await noticeFor('members')).toEqual({ code: 'role-changed', subject: 'alice@example.com' });
    // Bob is now the only admin: nobody can demote him, and he cannot leave.
    await redirectOf(() => removeMemberAction(form({ membershipId: 'om_bob_acme', confirm: 'leave' })));
    expect(await noticeFor('members')).toEqual({ code: 'last-admin' });
  });

  it('checks every field before calling WorkOS', async () => {
    await signedInRequest(emulator(), alice, action);
    emulator().control.resetCounters();
    for (const fields of [{}, { membershipId: '../../organizations/org_acme', role: 'admin' }, { membershipId: 'om_bob_acme', role: 'ad min' }] as Record<string, string>[]) {
      await redirectOf(() => changeMemberRoleAction(form(fields)));
      expect(await noticeFor('members')).toEqual({ code: 'invalid-input' });
    }
    await redirectOf(() => changeMemberRoleAction('om_bob_acme' as never));
    expect(await noticeFor('members')).toEqual({ code: 'invalid-input' });
    expect(writes()).toEqual([]);
  });

  it('says so in the page when WorkOS is down, and changes nothing', async () => {
    await signedInRequest(emulator(), alice, action);
    vi.spyOn(console, 'warn').mockImplementation(() => {});
    emulator().control.injectFault({ endpoint: 'PUT /user_management/organization_memberships/:id', status: 503, retry_after: 0, times: 5 });
    await redirectOf(() => changeMemberRoleAction(form({ membershipId: 'om_bob_acme', role: 'admin' })));
    expect(await noticeFor('members')).toEqual({ code: 'unavailable' });
    emulator().control.clearFaults();
    expect(await roleOf('om_bob_acme')).toBe('member');
    // The refresh that authorises the caller failing is the same answer, and the session is kept.
    emulator().control.injectFault({ endpoint: 'POST /user_management/authenticate', status: 503, retry_after: 0, times: 20 });
    await redirectOf(() => changeMemberRoleAction(form({ membershipId: 'om_bob_acme', role: 'admin' })));
    expect(await noticeFor('members')).toEqual({ code: 'unavailable' });
    expect((await sessionNow()).status).toBe('signed-in');
  });

  it('refuses a signed-out caller', async () => {
    await signedOutRequest(action);
    await redirectOf(() => changeMemberRoleAction(form({ membershipId: 'om_bob_acme', role: 'admin' })));
    expect(await noticeFor('members')).toEqual({ code: 'not-signed-in' });
  });
});

describe('removeMemberAction', () => {
  it("removes a member; their next request refreshes into a session without the organization's role", async () => {
    const bobsSession = await signedInRequest(emulator(), bob);
    await signedInRequest(emulator(), alice, action);
    await redirectOf(() => removeMemberAction(form({ membershipId: 'om_bob_acme' })));
    expect(await noticeFor('members')).toEqual({ code: 'member-removed', subject: 'bob@example.com' });
    expect((await listOrganizationMembers()).map((member) => member.email)).toEqual(['alice@example.com']);
    expect((await readSession(sessionRoot(), bobsSession.sealed)).status).toBe('expired');
  });

  it('asks for a confirmation before the caller leaves, then switches them into another organization', async () => {
    await signedInRequest(emulator(), alice, action);
    await redirectOf(() => changeMemberRoleAction(form({ membershipId: 'om_bob_acme', role: 'admin' })));
    await redirectOf(() => removeMemberAction(form({ membershipId: 'om_alice_acme' })));
    expect(await noticeFor('members')).toEqual({ code: 'confirm-leave' });
    await redirectOf(() => removeMemberAction(form({ membershipId: 'om_alice_acme', confirm: 'leave' })));
    expect(await noticeFor('members')).toEqual({ code: 'left-organization' });
    const after = await sessionNow();
    expect(after.status === 'signed-in' && after.info.organizationId).toBe('org_globex');
  });

  it("refuses the last admin leaving, and another organization's membership", async () => {
    await signedInRequest(emulator(), alice, action);
    await redirectOf(() => removeMemberAction(form({ membershipId: 'om_alice_acme', confirm: 'leave' })));
    expect(await noticeFor('members')).toEqual({ code: 'last-admin' });
    await redirectOf(() => removeMemberAction(form({ membershipId: 'om_alice_globex' })));
    expect(await noticeFor('members')).toEqual({ code: 'not-found' });
    expect((await getWorkOS().userManagement.getOrganizationMembership('om_alice_globex')).status).toBe('active');
  });

  it('lets a member leave (confirmed), without the manage permission', async () => {
    await signedInRequest(emulator(), bob, action);
    const { url } = await redirectOf(() => removeMemberAction(form({ membershipId: 'om_bob_acme', confirm: 'leave' })));
    // Bob had no other active organization: he is signed out (through WorkOS's logout, then home).
    expect(url).toMatch(/\/user_management\/sessions\/logout\?session_id=.*return_to=http%3A%2F%2Flocalhost%3A3000%2F$/);
    expect((await sessionNow()).status).toBe('signed-out');
    expect(await getWorkOS().userManagement.listOrganizationMemberships({ userId: 'user_bob', statuses: ['active'] }).then((page) => page.data)).toEqual([]);
  });

  it('refuses a member posting the form by hand', async () => {
    await signedInRequest(emulator(), bob, action);
    await redirectOf(() => removeMemberAction(form({ membershipId: 'om_alice_acme', confirm: 'leave' })));
    expect(await noticeFor('members')).toEqual({ code: 'forbidden' });
    expect((await getWorkOS().userManagement.getOrganizationMembership('om_alice_acme')).status).toBe('active');
  });
});

describe('the manage permission', () => {
  it("is WorkOS's widget permission unless configured: the emulator's admins do not have it", async () => {
    process.env.WORKOS_MANAGE_MEMBERS_PERMISSION = '';
    try {
      await signedInRequest(emulator(), alice, action);
      await redirectOf(() => changeMemberRoleAction(form({ membershipId: 'om_bob_acme', role: 'admin' })));
      expect(await noticeFor('members')).toEqual({ code: 'forbidden' });
    } finally {
      process.env.WORKOS_MANAGE_MEMBERS_PERMISSION = 'members:manage';
    }
  });
});
