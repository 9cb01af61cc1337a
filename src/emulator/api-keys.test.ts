/** API keys through the SDK: validation, the organisation's keys, the control surface and the seed. */
import { NotFoundException, UnauthorizedException, UnprocessableEntityException } from '@workos-inc/node';
import { afterEach, describe, expect, it } from 'vitest';
import { startTestEmulator } from '../../test/support/emulator.js';
import { EmulatorDataError, type Emulator, type SeedData } from './index.js';
import { defaultSeed } from './seed-defaults.js';
import { controlRequest, emulatorPerSuite, rejectionOf, sdkFor } from '../../test/support/emulator-harness.js';

let emulator: Emulator;
emulatorPerSuite((started) => (emulator = started));
afterEach(() => emulator.control.reset());

const validate = (value: string) => sdkFor(emulator).apiKeys.createValidation({ value });

describe('validating API keys', () => {
  it('accepts a seeded key, in the SDK shape, and records its use', async () => {
    const { apiKey } = await validate('sk_acme_emulator');
    expect(apiKey).toMatchObject({
      object: 'api_key',
      id: 'api_key_acme',
      owner: { type: 'organization', id: 'org_acme' },
      name: 'Acme reporting',
      obfuscatedValue: 'sk_…ator',
      permissions: ['posts:read'],
      createdAt: '2025-01-01T00:30:00.000Z',
    });
    expect(Date.parse(apiKey!.lastUsedAt!)).toBeGreaterThan(Date.now() - 60_000);
    expect(JSON.stringify(apiKey)).not.toContain('sk_acme_emulator');
  });

  it('answers { apiKey: null } for an unknown key, 422 without a value, 401 without the API key', async () => {
    expect(await validate('sk_nope')).toEqual({ apiKey: null });
    // The emulator's own API key is not a key an app's caller holds.
    expect(await validate(emulator.apiKey)).toEqual({ apiKey: null });
    expect(await rejectionOf(validate(''))).toBeInstanceOf(UnprocessableEntityException);
    const unauthorized = await rejectionOf(sdkFor(emulator, { apiKey: 'sk_acme_emulator' }).apiKeys.createValidation({ value: 'sk_acme_emulator' }));
    expect(unauthorized).toBeInstanceOf(UnauthorizedException);
  });
});

describe('the control surface', () => {
  it('issues a key (its value shown once), lists it obfuscated, and revokes it', async () => {
    const created = await controlRequest(emulator, 'POST', 'api-keys', { organization_id: 'org_globex', name: 'Globex CI', permissions: ['posts:write'] });
    expect(created.status).toBe(201);
    const { api_key: issued } = (await created.json()) as { api_key: { id: string; value: string; owner: unknown } };
    expect(issued).toMatchObject({ object: 'api_key', owner: { type: 'organization', id: 'org_globex' }, name: 'Globex CI' });
    expect(issued.id).toMatch(/^api_key_[0-9A-Z]{26}$/);
    expect(issued.value).toMatch(/^sk_[\w-]{43}$/);
    expect((await validate(issued.value)).apiKey).toMatchObject({ id: issued.id, permissions: ['posts:write'] });

    const listed = (await (await controlRequest(emulator, 'GET', 'api-keys')).json()) as { api_keys: Record<string, unknown>[] };
    expect(listed.api_keys.map((key) => key.id)).toEqual(['api_key_acme', issued.id]);
    expect(JSON.stringify(listed)).not.toContain(issued.value);

    expect(await (await controlRequest(emulator, 'DELETE', `api-keys/${issued.id}`)).json()).toEqual({ id: issued.id, deleted: true });
    expect(await validate(issued.value)).toEqual({ apiKey: null });
    const again = await controlRequest(emulator, 'DELETE', `api-keys/${issued.id}`);
    expect(again.status).toBe(400);
    expect(await again.json()).toMatchObject({ code: 'invalid_request', message: `id: unknown API key '${issued.id}'` });
  });

  it('issues a user key with a chosen value in process, and names bad fields', async () => {
    const issued = emulator.control.createApiKey({ organization_id: 'org_acme', user_id: 'user_bob', value: 'sk_bob_personal' });
    expect(issued).toMatchObject({ value: 'sk_bob_personal', name: 'Emulator API key' });
    expect((await validate('sk_bob_personal')).apiKey).toMatchObject({ owner: { type: 'user', id: 'user_bob', organizationId: 'org_acme' } });
    expect(() => emulator.control.createApiKey({ organization_id: 'org_missing', user_id: 'user_ghost', value: 'sk_acme_emulator' })).toThrow(
      "organization_id: unknown organization 'org_missing'; user_id: unknown user 'user_ghost'; value: another API key has this value",
    );
    expect(() => emulator.control.createApiKey({ organization_id: 'org_acme', value: emulator.apiKey })).toThrow(/must differ from the emulator's own api_key/);
    emulator.control.revokeApiKey('api_key_acme');
    expect(emulator.control.apiKeys().map((key) => key.id)).toEqual([issued.id]);
    emulator.control.reset();
    expect(emulator.control.apiKeys().map((key) => key.id)).toEqual(['api_key_acme']);
  });
});

describe("an organisation's keys through the SDK", () => {
  it('creates, lists and deletes them', async () => {
    const workos = sdkFor(emulator);
    const created = await workos.apiKeys.createOrganizationApiKey({ organizationId: 'org_acme', name: 'Nightly export' });
    expect(created).toMatchObject({ object: 'api_key', name: 'Nightly export', owner: { type: 'organization', id: 'org_acme' }, permissions: [] });
    expect(created.value).toMatch(/^sk_/);
    const listed = await workos.apiKeys.listOrganizationApiKeys({ organizationId: 'org_acme', order: 'asc' });
    expect(listed.data.map((key) => key.name)).toEqual(['Acme reporting', 'Nightly export']);
    expect(listed.data.every((key) => !('value' in key))).toBe(true);
    await workos.apiKeys.deleteApiKey(created.id);
    expect(await validate(created.value)).toEqual({ apiKey: null });
    expect(await rejectionOf(workos.apiKeys.deleteApiKey(created.id))).toBeInstanceOf(NotFoundException);
    expect(await rejectionOf(workos.apiKeys.listOrganizationApiKeys({ organizationId: 'org_missing' }))).toBeInstanceOf(NotFoundException);
    expect(await rejectionOf(workos.apiKeys.createOrganizationApiKey({ organizationId: 'org_acme', name: '' }))).toBeInstanceOf(UnprocessableEntityException);
  });
});

describe('seeded API keys', () => {
  it('are validated with every bad field named', async () => {
    const seed = defaultSeed() as SeedData & { api_keys: Record<string, unknown>[] };
    seed.api_keys.push(
      { id: 'api_key_acme', name: 'Copy', value: 'sk_acme_emulator', organization_id: 'org_ghost' },
      { id: 'api_key_x', value: seed.api_key, organization_id: 'org_acme', user_id: 'user_ghost', colour: 'red' },
    );
    const error = await rejectionOf(startTestEmulator({ data: seed }));
    expect(error).toBeInstanceOf(EmulatorDataError);
    expect(error.message).not.toContain('sk_acme_emulator');
    expect((error as unknown as EmulatorDataError).issues).toEqual(
      expect.arrayContaining([
        "api_keys[1].organization_id: unknown organization 'org_ghost'",
        "api_keys[1].id: duplicate id 'api_key_acme'",
        'api_keys[1].value: the same secret as an earlier key',
        'api_keys[2].colour: unknown field',
        'api_keys[2].name: expected a string (got undefined)',
        "api_keys[2].user_id: unknown user 'user_ghost'",
        "api_keys[2].value: must differ from the emulator's own api_key",
      ]),
    );
  });
});
