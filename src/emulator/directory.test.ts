/** Users, organisations and memberships through the SDK: shapes, filters, pagination, auth and errors. */
import { NotFoundException, UnauthorizedException, UnprocessableEntityException } from '@workos-inc/node';
import { describe, expect, it } from 'vitest';
import type { Emulator } from './index.js';
import { rejectionOf, sdkFor, emulatorPerSuite } from '../../test/support/emulator-harness.js';

let emulator: Emulator;
emulatorPerSuite((started) => (emulator = started));

describe('users', () => {
  it('returns a seeded user and 404s an unknown one', async () => {
    const workos = sdkFor(emulator);
    expect(await workos.userManagement.getUser('user_bob')).toMatchObject({
      object: 'user',
      id: 'user_bob',
      email: 'bob@example.com',
      emailVerified: true,
      firstName: 'Bob',
      lastName: 'Brown',
      name: 'Bob Brown',
      externalId: null,
      metadata: {},
    });
    const missing = await rejectionOf(workos.userManagement.getUser('user_missing'));
    expect(missing).toBeInstanceOf(NotFoundException);
    expect(missing).toMatchObject({ status: 404, code: 'entity_not_found' });
    expect(missing.requestID).toBeTruthy();
  });

  it('requires the API key', async () => {
    const error = await rejectionOf(sdkFor(emulator, { apiKey: 'sk_test_wrong' }).userManagement.getUser('user_bob'));
    expect(error).toBeInstanceOf(UnauthorizedException);
    expect(error).toMatchObject({ status: 401 });
  });
});

describe('the user list', () => {
  const emails = (list: { data: { email: string }[] }) => list.data.map((user) => user.email);

  it('lists every user, newest first, in the user shape, and pages through them', async () => {
    const workos = sdkFor(emulator);
    const first = await workos.userManagement.listUsers({ limit: 3 });
    expect(emails(first)).toEqual(['dave@example.com', 'carol@example.com', 'bob@example.com']);
    expect(first.data[0]).toMatchObject({ object: 'user', id: 'user_dave', firstName: 'Dave', lastName: 'Diaz', emailVerified: true });
    expect(first.listMetadata).toEqual({ before: null, after: 'user_bob' });
    const rest = await workos.userManagement.listUsers({ limit: 3, after: first.listMetadata.after! });
    expect(emails(rest)).toEqual(['alice@example.com']);
    expect(rest.listMetadata).toEqual({ before: 'user_alice', after: null });
    const back = await workos.userManagement.listUsers({ limit: 3, before: 'user_alice' });
    expect(emails(back)).toEqual(['dave@example.com', 'carol@example.com', 'bob@example.com']);
    expect(emails(await workos.userManagement.listUsers({ order: 'asc', limit: 2 }))).toEqual(['alice@example.com', 'bob@example.com']);
    expect((await (await workos.userManagement.listUsers()).autoPagination()).map((user) => user.id)).toEqual([
      'user_dave', 'user_carol', 'user_bob', 'user_alice',
    ]);
  });

  it('filters by email (exact, any case) and by organisation (any membership status)', async () => {
    const workos = sdkFor(emulator);
    expect(emails(await workos.userManagement.listUsers({ email: 'Bob@Example.com' }))).toEqual(['bob@example.com']);
    expect(emails(await workos.userManagement.listUsers({ email: 'bob@example' }))).toEqual([]);
    expect(emails(await workos.userManagement.listUsers({ organizationId: 'org_globex', order: 'asc' }))).toEqual([
      'alice@example.com', 'bob@example.com', 'dave@example.com',
    ]);
    expect(emails(await workos.userManagement.listUsers({ organizationId: 'org_globex', email: 'carol@example.com' }))).toEqual([]);
    expect(emails(await workos.userManagement.listUsers({ organizationId: 'org_missing' }))).toEqual([]);
  });

  it('refuses bad paging and a missing API key like the other lists', async () => {
    expect(await rejectionOf(sdkFor(emulator).userManagement.listUsers({ limit: 101 }))).toBeInstanceOf(UnprocessableEntityException);
    expect(await rejectionOf(sdkFor(emulator, { apiKey: 'sk_test_wrong' }).userManagement.listUsers())).toBeInstanceOf(UnauthorizedException);
  });
});

describe('organization memberships', () => {
  const ids = (list: { data: { id: string }[] }) => list.data.map((membership) => membership.id);

  it('lists a user\'s active memberships, newest first, in the WorkOS shape', async () => {
    const list = await sdkFor(emulator).userManagement.listOrganizationMemberships({ userId: 'user_alice' });
    expect(ids(list)).toEqual(['om_alice_globex', 'om_alice_acme']);
    expect(list.data[1]).toMatchObject({
      object: 'organization_membership',
      userId: 'user_alice',
      organizationId: 'org_acme',
      organizationName: 'Acme',
      status: 'active',
      role: { slug: 'admin' },
      roles: [{ slug: 'admin' }],
      directoryManaged: false,
    });
    expect(list.listMetadata).toEqual({ before: null, after: null });
  });

  it('filters by comma-joined statuses and by organisation', async () => {
    const workos = sdkFor(emulator);
    expect(ids(await workos.userManagement.listOrganizationMemberships({ userId: 'user_bob' }))).toEqual(['om_bob_acme']);
    const withPending = await workos.userManagement.listOrganizationMemberships({ userId: 'user_bob', statuses: ['active', 'pending'] });
    expect(ids(withPending)).toEqual(['om_bob_globex', 'om_bob_acme']);
    const globex = await workos.userManagement.listOrganizationMemberships({ organizationId: 'org_globex', order: 'asc' });
    expect(ids(globex)).toEqual(['om_alice_globex', 'om_dave_globex']);
  });

  it('pages with limit, after and before', async () => {
    const workos = sdkFor(emulator);
    const page1 = await workos.userManagement.listOrganizationMemberships({ userId: 'user_dave', limit: 2, order: 'asc' });
    expect(ids(page1)).toEqual(['om_dave_globex', 'om_dave_initech']);
    expect(page1.listMetadata).toEqual({ before: null, after: 'om_dave_initech' });
    const page2 = await workos.userManagement.listOrganizationMemberships({
      userId: 'user_dave',
      limit: 2,
      order: 'asc',
      after: page1.listMetadata.after!,
    });
    expect(ids(page2)).toEqual(['om_dave_umbrella']);
    expect(page2.listMetadata).toEqual({ before: 'om_dave_umbrella', after: null });
    const back = await workos.userManagement.listOrganizationMemberships({
      userId: 'user_dave',
      limit: 2,
      order: 'asc',
      before: 'om_dave_umbrella',
    });
    expect(ids(back)).toEqual(['om_dave_globex', 'om_dave_initech']);
  });

  it('needs a user_id or organization_id', async () => {
    // The SDK's types demand one of the two; the emulator must still answer a request without either.
    const error = await rejectionOf(sdkFor(emulator).userManagement.listOrganizationMemberships({} as { userId: string }));
    expect(error).toBeInstanceOf(UnprocessableEntityException);
  });
});

describe('organizations', () => {
  it('returns one with its domains as objects', async () => {
    const org = await sdkFor(emulator).organizations.getOrganization('org_acme');
    expect(org).toMatchObject({ object: 'organization', id: 'org_acme', name: 'Acme', externalId: null, metadata: {} });
    expect(org.domains).toEqual([expect.objectContaining({ domain: 'acme.example', organizationId: 'org_acme', state: 'verified' })]);
    await expect(sdkFor(emulator).organizations.getOrganization('org_missing')).rejects.toBeInstanceOf(NotFoundException);
  });

  it('lists by comma-joined domains and pages through all of them', async () => {
    const workos = sdkFor(emulator);
    const byDomain = await workos.organizations.listOrganizations({ domains: ['acme.example', 'globex.example'] });
    expect(byDomain.data.map((org) => org.id)).toEqual(['org_globex', 'org_acme']);
    const first = await workos.organizations.listOrganizations({ limit: 3 });
    expect(first.data.map((org) => org.id)).toEqual(['org_umbrella', 'org_initech', 'org_globex']);
    const rest = await workos.organizations.listOrganizations({ limit: 3, after: first.listMetadata.after! });
    expect(rest.data.map((org) => org.id)).toEqual(['org_acme']);
    expect(rest.listMetadata.after).toBeNull();
  });
});

describe('the rest of the surface', () => {
  it('answers unknown paths with a WorkOS-shaped 404 and keeps serving after malformed input', async () => {
    const workos = sdkFor(emulator);
    const unknown = await rejectionOf(workos.get('/user_management/unknown_thing'));
    expect(unknown).toBeInstanceOf(NotFoundException);
    // The SDK cannot send broken JSON, so this one request goes over plain HTTP.
    const broken = await fetch(`${emulator.url}/user_management/authenticate`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: '{"grant_type": "refresh_token",',
    });
    expect(broken.status).toBe(400);
    expect(broken.headers.get('content-type')).toContain('application/json');
    expect(await broken.json()).toEqual({ error: 'invalid_request', error_description: 'The request body is not valid JSON.' });
    expect((await workos.userManagement.getUser('user_alice')).id).toBe('user_alice');
    const health = await fetch(`${emulator.url}/health`);
    expect(await health.json()).toEqual({ status: 'ok' });
  });
});
