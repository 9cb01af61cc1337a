/** User writes through the SDK: create, update, delete (sessions end, memberships go), and their events. */
import { BadRequestException, NotFoundException, UnprocessableEntityException } from '@workos-inc/node';
import { afterEach, describe, expect, it } from 'vitest';
import { signInThroughHostedPage } from '../../test/support/hosted-sign-in.js';
import type { Emulator } from './index.js';
import { REDIRECT_URI, emulatorPerSuite, rejectionOf, sdkFor, signIn } from '../../test/support/emulator-harness.js';

let emulator: Emulator;
emulatorPerSuite((started) => (emulator = started));
afterEach(() => emulator.control.reset());

const events = async (names: string[]) =>
  (await sdkFor(emulator).events.listEvents({ events: names as never })).data.map(
    (event) => `${event.event}:${(event.data as { id: string }).id}`,
  );

describe('creating a user', () => {
  it('answers 201 with the user, found by id and external id, and emits user.created', async () => {
    const workos = sdkFor(emulator);
    const user = await workos.userManagement.createUser({
      email: 'erin@example.com',
      password: 'ignored-by-the-emulator',
      firstName: 'Erin',
      lastName: 'Evans',
      externalId: 'crm-erin',
      metadata: { team: 'sales' },
    });
    expect(user).toMatchObject({
      object: 'user',
      id: expect.stringMatching(/^user_/),
      email: 'erin@example.com',
      emailVerified: false,
      firstName: 'Erin',
      lastName: 'Evans',
      name: 'Erin Evans',
      externalId: 'crm-erin',
      metadata: { team: 'sales' },
    });
    expect(await workos.userManagement.getUser(user.id)).toMatchObject({ email: 'erin@example.com' });
    expect((await workos.userManagement.getUserByExternalId('crm-erin')).id).toBe(user.id);
    expect(await events(['user.created'])).toEqual([`user.created:${user.id}`]);
  });

  it('refuses an address that is taken (in any case) or malformed', async () => {
    const { userManagement } = sdkFor(emulator);
    const taken = await rejectionOf(userManagement.createUser({ email: 'Alice@Example.com' }));
    expect(taken).toBeInstanceOf(BadRequestException);
    expect(taken).toMatchObject({ status: 400, code: 'user_creation_error', errors: [{ code: 'email_not_available' }] });
    const malformed = await rejectionOf(userManagement.createUser({ email: 'not-an-address' }));
    expect(malformed).toBeInstanceOf(UnprocessableEntityException);
  });

  it('emits user.created for a sign-up on the hosted page too', async () => {
    const url = sdkFor(emulator).userManagement.getAuthorizationUrl({ provider: 'authkit', redirectUri: REDIRECT_URI, screenHint: 'sign-up' });
    await signInThroughHostedPage(url, 'finn@example.com', { signUp: { firstName: 'Finn', lastName: 'Fox' } });
    const [user] = (await sdkFor(emulator).userManagement.listUsers({ email: 'finn@example.com' })).data;
    expect(await events(['user.created'])).toEqual([`user.created:${user!.id}`]);
  });
});

describe('updating a user', () => {
  it('changes the fields given and emits user.updated', async () => {
    const workos = sdkFor(emulator);
    const updated = await workos.userManagement.updateUser({ userId: 'user_carol', firstName: 'Caroline', email: 'caroline@example.com', metadata: { a: 'b' } });
    expect(updated).toMatchObject({ firstName: 'Caroline', lastName: 'Chen', email: 'caroline@example.com', metadata: { a: 'b' } });
    expect((await workos.userManagement.listUsers({ email: 'caroline@example.com' })).data.map((user) => user.id)).toEqual(['user_carol']);
    expect(await events(['user.updated'])).toEqual(['user.updated:user_carol']);
    const taken = await rejectionOf(workos.userManagement.updateUser({ userId: 'user_carol', email: 'bob@example.com' }));
    expect(taken).toMatchObject({ status: 400, code: 'user_update_error' });
    const ghost = await rejectionOf(workos.userManagement.updateUser({ userId: 'user_ghost', firstName: 'G' }));
    expect(ghost).toBeInstanceOf(NotFoundException);
  });
});

describe('deleting a user', () => {
  it('ends its sessions, removes its memberships and keys, then emits user.deleted', async () => {
    const workos = sdkFor(emulator);
    const bob = await signIn(workos, 'bob@example.com');
    const key = emulator.control.createApiKey({ organization_id: 'org_acme', user_id: 'user_bob' });
    await workos.userManagement.deleteUser('user_bob');
    expect(await rejectionOf(workos.userManagement.getUser('user_bob'))).toBeInstanceOf(NotFoundException);
    const refused = await rejectionOf(workos.userManagement.authenticateWithRefreshToken({ refreshToken: bob.refreshToken }));
    expect(refused).toMatchObject({ status: 400, error: 'invalid_grant' });
    const acme = await workos.userManagement.listOrganizationMemberships({ organizationId: 'org_acme' });
    expect(acme.data.map((m) => m.userId)).toEqual(['user_alice']);
    expect(await workos.apiKeys.createValidation({ value: key.value as string })).toEqual({ apiKey: null });
    const created = (await workos.events.listEvents({ events: ['session.created'] })).data[0]!.data as { id: string };
    expect(await events(['session.revoked', 'organization_membership.deleted', 'user.deleted'])).toEqual([
      `session.revoked:${created.id}`,
      'organization_membership.deleted:om_bob_acme',
      'organization_membership.deleted:om_bob_globex',
      'user.deleted:user_bob',
    ]);
    expect(await rejectionOf(workos.userManagement.deleteUser('user_bob'))).toBeInstanceOf(NotFoundException);
  });
});
