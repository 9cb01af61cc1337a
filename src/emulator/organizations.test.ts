/** `workos.organizations` writes through the SDK: create, update, delete, look up by external id, and their events. */
import { DomainDataState, NotFoundException, UnprocessableEntityException } from '@workos-inc/node';
import { afterEach, describe, expect, it } from 'vitest';
import type { Emulator } from './index.js';
import { emulatorPerSuite, rejectionOf, sdkFor, signIn } from '../../test/support/emulator-harness.js';

let emulator: Emulator;
emulatorPerSuite((started) => (emulator = started));
afterEach(() => emulator.control.reset());

const eventNames = async (events: string[]) =>
  (await sdkFor(emulator).events.listEvents({ events: events as never })).data.map((event) => event.event);

describe('creating an organization', () => {
  it('answers 201 with the organization as WorkOS shapes it, listed and found by external id, with no member', async () => {
    const workos = sdkFor(emulator);
    const created = await workos.organizations.createOrganization({
      name: '  Hooli ',
      domainData: [
        { domain: 'hooli.example', state: DomainDataState.Verified },
        { domain: 'Hooli-XYZ.example', state: DomainDataState.Pending },
      ],
      externalId: 'crm-42',
      metadata: { plan: 'trial' },
    });
    expect(created).toMatchObject({
      object: 'organization',
      id: expect.stringMatching(/^org_/),
      name: 'Hooli',
      allowProfilesOutsideOrganization: false,
      externalId: 'crm-42',
      metadata: { plan: 'trial' },
    });
    expect(created.domains.map(({ domain, state, organizationId }) => [domain, state, organizationId])).toEqual([
      ['hooli.example', 'verified', created.id],
      ['hooli-xyz.example', 'pending', created.id],
    ]);
    expect(await workos.organizations.getOrganization(created.id)).toEqual(created);
    expect(await workos.organizations.getOrganizationByExternalId('crm-42')).toEqual(created);
    expect((await workos.organizations.listOrganizations({ limit: 1 })).data[0]!.id).toBe(created.id);
    const members = await workos.userManagement.listOrganizationMemberships({ organizationId: created.id, statuses: ['active', 'pending', 'inactive'] });
    expect(members.data).toEqual([]);
    expect(await eventNames(['organization.created'])).toEqual(['organization.created']);
  });

  it('replays a retried create (same Idempotency-Key) instead of making a second organization', async () => {
    const workos = sdkFor(emulator);
    const first = await workos.organizations.createOrganization({ name: 'Once' }, { idempotencyKey: 'create-once' });
    const again = await workos.organizations.createOrganization({ name: 'Once' }, { idempotencyKey: 'create-once' });
    expect(again.id).toBe(first.id);
    expect((await workos.organizations.listOrganizations()).data.filter((org) => org.name === 'Once')).toHaveLength(1);
  });

  it('refuses a missing name or a bad domain, naming the field', async () => {
    const workos = sdkFor(emulator);
    const noName = await rejectionOf(workos.organizations.createOrganization({ name: ' ' }));
    expect(noName).toBeInstanceOf(UnprocessableEntityException);
    expect(noName).toMatchObject({ status: 422, code: 'invalid_request_parameters' });
    const badDomain = await rejectionOf(
      workos.organizations.createOrganization({ name: 'X', domainData: [{ domain: 'not a domain', state: DomainDataState.Verified }] }),
    );
    expect(badDomain).toBeInstanceOf(UnprocessableEntityException);
    expect(badDomain.message).toContain('invalid_domain');
  });
});

describe('updating and deleting an organization', () => {
  it('updates the fields given, keeps a domain id that stays, and emits organization.updated', async () => {
    const workos = sdkFor(emulator);
    const before = await workos.organizations.getOrganization('org_globex');
    const updated = await workos.organizations.updateOrganization({
      organization: 'org_globex',
      name: 'Globex Corporation',
      domainData: [
        { domain: 'globex.example', state: DomainDataState.Verified },
        { domain: 'globex-labs.example', state: DomainDataState.Pending },
      ],
      metadata: { tier: 'gold' },
      stripeCustomerId: 'cus_123',
    });
    expect(updated).toMatchObject({ name: 'Globex Corporation', metadata: { tier: 'gold' }, stripeCustomerId: 'cus_123', externalId: null });
    expect(updated.domains[0]!.id).toBe(before.domains[0]!.id);
    expect(updated.domains.map((domain) => domain.domain)).toEqual(['globex.example', 'globex-labs.example']);
    expect(Date.parse(updated.updatedAt)).toBeGreaterThan(Date.parse(before.updatedAt));
    const renamed = await workos.organizations.updateOrganization({ organization: 'org_globex', externalId: 'erp-7' });
    expect(renamed).toMatchObject({ name: 'Globex Corporation', externalId: 'erp-7' });
    expect(await eventNames(['organization.updated'])).toEqual(['organization.updated', 'organization.updated']);
    const missing = await rejectionOf(workos.organizations.updateOrganization({ organization: 'org_ghost', name: 'Ghost' }));
    expect(missing).toBeInstanceOf(NotFoundException);
  });

  it('deletes it with its memberships, API keys and sessions, each with its event', async () => {
    const workos = sdkFor(emulator);
    const alice = await signIn(workos, 'alice@example.com', { choose: 'org_acme' });
    await workos.organizations.deleteOrganization('org_acme');
    expect(await rejectionOf(workos.organizations.getOrganization('org_acme'))).toBeInstanceOf(NotFoundException);
    const aliceOrgs = await workos.userManagement.listOrganizationMemberships({ userId: 'user_alice' });
    expect(aliceOrgs.data.map((m) => m.organizationId)).toEqual(['org_globex']);
    expect(await workos.apiKeys.createValidation({ value: 'sk_acme_emulator' })).toEqual({ apiKey: null });
    const refused = await rejectionOf(workos.userManagement.authenticateWithRefreshToken({ refreshToken: alice.refreshToken }));
    expect(refused).toMatchObject({ status: 400, error: 'invalid_grant' });
    const { data } = await workos.events.listEvents({
      events: ['organization_membership.deleted', 'session.revoked', 'organization.deleted'],
    });
    expect(data.map((event) => event.event)).toEqual([
      'organization_membership.deleted',
      'organization_membership.deleted',
      'session.revoked',
      'organization.deleted',
    ]);
    expect((await rejectionOf(workos.organizations.deleteOrganization('org_acme'))).constructor).toBe(NotFoundException);
  });
});
