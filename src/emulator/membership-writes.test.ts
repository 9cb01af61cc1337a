/** Membership writes through the SDK: create, role change (seen by the next refresh), delete, deactivate, reactivate. */
import { ConflictException, NotFoundException, UnprocessableEntityException } from '@workos-inc/node';
import { afterEach, describe, expect, it } from 'vitest';
import type { Emulator } from './index.js';
import { claimsOf, emulatorPerSuite, rejectionOf, sdkFor, signIn } from '../../test/support/emulator-harness.js';

let emulator: Emulator;
emulatorPerSuite((started) => (emulator = started));
afterEach(() => emulator.control.reset());

const membershipEvents = async () =>
  (
    await sdkFor(emulator).events.listEvents({
      events: ['organization_membership.created', 'organization_membership.updated', 'organization_membership.deleted'],
    })
  ).data.map((event) => `${event.event}:${(event.data as { id: string }).id}`);

describe('creating a membership', () => {
  it("makes the creator of a new organization its admin (WorkOS adds nobody by itself)", async () => {
    const workos = sdkFor(emulator);
    const org = await workos.organizations.createOrganization({ name: 'Hooli' });
    const membership = await workos.userManagement.createOrganizationMembership({
      userId: 'user_carol',
      organizationId: org.id,
      roleSlug: 'admin',
    });
    expect(membership).toMatchObject({
      object: 'organization_membership',
      id: expect.stringMatching(/^om_/),
      userId: 'user_carol',
      organizationId: org.id,
      organizationName: 'Hooli',
      status: 'active',
      role: { slug: 'admin' },
      roles: [{ slug: 'admin' }],
      directoryManaged: false,
    });
    const session = await signIn(workos, 'carol@example.com');
    expect(claimsOf(session.accessToken)).toMatchObject({ org_id: org.id, role: 'admin', permissions: ['posts:read', 'posts:write', 'members:manage'] });
    expect(await membershipEvents()).toEqual([`organization_membership.created:${membership.id}`]);
  });

  it('gives the default role when none is named, and several roles with roleSlugs', async () => {
    const workos = sdkFor(emulator);
    const plain = await workos.userManagement.createOrganizationMembership({ userId: 'user_carol', organizationId: 'org_acme' });
    expect(plain.role).toEqual({ slug: 'member' });
    const both = await workos.userManagement.createOrganizationMembership({
      userId: 'user_carol',
      organizationId: 'org_globex',
      roleSlugs: ['admin', 'member'],
    });
    expect(both).toMatchObject({ role: { slug: 'admin' }, roles: [{ slug: 'admin' }, { slug: 'member' }] });
    const minted = await emulator.control.createSession({ email: 'carol@example.com', organization_id: 'org_globex' });
    expect(claimsOf(minted.access_token)).toMatchObject({ role: 'admin', roles: ['admin', 'member'] });
  });

  it('refuses a duplicate (409), an unknown user or organization (404) and an unknown role (422)', async () => {
    const { userManagement } = sdkFor(emulator);
    const duplicate = await rejectionOf(userManagement.createOrganizationMembership({ userId: 'user_bob', organizationId: 'org_globex' }));
    expect(duplicate).toBeInstanceOf(ConflictException);
    expect(duplicate).toMatchObject({ status: 409, code: 'organization_membership_already_exists' });
    const ghost = await rejectionOf(userManagement.createOrganizationMembership({ userId: 'user_ghost', organizationId: 'org_acme' }));
    expect(ghost).toBeInstanceOf(NotFoundException);
    const nowhere = await rejectionOf(userManagement.createOrganizationMembership({ userId: 'user_carol', organizationId: 'org_ghost' }));
    expect(nowhere).toBeInstanceOf(NotFoundException);
    const owner = await rejectionOf(
      userManagement.createOrganizationMembership({ userId: 'user_carol', organizationId: 'org_acme', roleSlug: 'owner' }),
    );
    expect(owner).toBeInstanceOf(UnprocessableEntityException);
    expect(owner.message).toContain('role_not_found');
    expect(await membershipEvents()).toEqual([]);
  });
});

describe('changing a membership', () => {
  it("changes bob's role: listed at once, in his next access token after a refresh", async () => {
    const workos = sdkFor(emulator);
    const bob = await signIn(workos, 'bob@example.com');
    const updated = await workos.userManagement.updateOrganizationMembership('om_bob_acme', { roleSlug: 'admin' });
    expect(updated).toMatchObject({ id: 'om_bob_acme', role: { slug: 'admin' }, roles: [{ slug: 'admin' }] });
    expect((await workos.userManagement.getOrganizationMembership('om_bob_acme')).role.slug).toBe('admin');
    expect(claimsOf(bob.accessToken)).toMatchObject({ role: 'member' });
    const refreshed = await workos.userManagement.authenticateWithRefreshToken({ refreshToken: bob.refreshToken });
    expect(claimsOf(refreshed.accessToken)).toMatchObject({
      role: 'admin',
      roles: ['admin'],
      permissions: ['posts:read', 'posts:write', 'members:manage'],
    });
    expect(await membershipEvents()).toEqual(['organization_membership.updated:om_bob_acme']);
    const noRole = await rejectionOf(workos.userManagement.updateOrganizationMembership('om_bob_acme', {}));
    expect(noRole).toBeInstanceOf(UnprocessableEntityException);
    const missing = await rejectionOf(workos.userManagement.updateOrganizationMembership('om_ghost', { roleSlug: 'admin' }));
    expect(missing).toBeInstanceOf(NotFoundException);
  });

  it('deactivates and reactivates (keeping the role); an inactive membership cannot be switched into', async () => {
    const workos = sdkFor(emulator);
    const alice = await signIn(workos, 'alice@example.com', { choose: 'org_acme' });
    const inactive = await workos.userManagement.deactivateOrganizationMembership('om_alice_globex');
    expect(inactive).toMatchObject({ status: 'inactive', role: { slug: 'member' } });
    const switchTo = () => workos.userManagement.authenticateWithRefreshToken({ refreshToken: alice.refreshToken, organizationId: 'org_globex' });
    expect(await rejectionOf(switchTo())).toMatchObject({ status: 400, error: 'invalid_grant' });
    const again = await rejectionOf(workos.userManagement.deactivateOrganizationMembership('om_alice_globex'));
    expect(again).toMatchObject({ status: 422, code: 'membership_not_active' });
    expect(await workos.userManagement.reactivateOrganizationMembership('om_alice_globex')).toMatchObject({ status: 'active', role: { slug: 'member' } });
    expect((await switchTo()).organizationId).toBe('org_globex');
    const active = await rejectionOf(workos.userManagement.reactivateOrganizationMembership('om_alice_globex'));
    expect(active).toMatchObject({ status: 422, code: 'membership_not_inactive' });
    expect(await membershipEvents()).toEqual(['organization_membership.updated:om_alice_globex', 'organization_membership.updated:om_alice_globex']);
  });

  it('deletes a membership (204), after which it is gone', async () => {
    const workos = sdkFor(emulator);
    await workos.userManagement.deleteOrganizationMembership('om_bob_acme');
    expect(await rejectionOf(workos.userManagement.getOrganizationMembership('om_bob_acme'))).toBeInstanceOf(NotFoundException);
    expect(await rejectionOf(workos.userManagement.deleteOrganizationMembership('om_bob_acme'))).toBeInstanceOf(NotFoundException);
    const { data } = await workos.userManagement.listOrganizationMemberships({ organizationId: 'org_acme' });
    expect(data.map((m) => m.userId)).toEqual(['user_alice']);
    expect(await membershipEvents()).toEqual(['organization_membership.deleted:om_bob_acme']);
  });

  it('emits the same events for changes made on the control surface (the dashboard stand-in)', async () => {
    emulator.control.updateMembership('om_bob_acme', { role: 'admin' });
    emulator.control.removeMembership('om_alice_globex');
    expect(await membershipEvents()).toEqual(['organization_membership.updated:om_bob_acme', 'organization_membership.deleted:om_alice_globex']);
  });
});

describe('the membership list', () => {
  it('pages an organization\'s members with their role objects', async () => {
    const workos = sdkFor(emulator);
    await workos.userManagement.createOrganizationMembership({ userId: 'user_carol', organizationId: 'org_globex', roleSlug: 'admin' });
    const first = await workos.userManagement.listOrganizationMemberships({ organizationId: 'org_globex', limit: 1, order: 'asc' });
    expect(first.data.map((m) => [m.userId, m.role.slug])).toEqual([['user_alice', 'member']]);
    const rest = await workos.userManagement.listOrganizationMemberships({ organizationId: 'org_globex', order: 'asc', after: first.listMetadata.after! });
    expect(rest.data.map((m) => [m.userId, m.role.slug])).toEqual([['user_dave', 'admin'], ['user_carol', 'admin']]);
  });
});
