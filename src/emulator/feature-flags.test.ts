/** Feature flags through the SDK: the runtime client's polling, the flag API, the claims and the seed. */
import { NotFoundException, type FlagChange } from '@workos-inc/node';
import { afterEach, describe, expect, it } from 'vitest';
import { startTestEmulator } from '../../test/support/emulator.js';
import { EmulatorDataError, type Emulator, type SeedData } from './index.js';
import { defaultSeed } from './seed-defaults.js';
import { claimsOf, controlRequest, emulatorPerSuite, rejectionOf, sdkFor } from '../../test/support/emulator-harness.js';

let emulator: Emulator;
emulatorPerSuite((started) => (emulator = started));
afterEach(() => emulator.control.reset());

/** The shortest interval the SDK allows (it raises anything lower to 5 s). */
const POLL_MS = 5000;

describe('the runtime client', () => {
  it('reads the seeded flags and sees a toggle, per organisation and per user, within one poll interval', async () => {
    const client = sdkFor(emulator).featureFlags.createRuntimeClient({ pollingIntervalMs: POLL_MS });
    try {
      await client.waitUntilReady({ timeoutMs: 5000 });
      expect(client.getFlag('new-dashboard')).toEqual({
        slug: 'new-dashboard',
        enabled: true,
        default_value: false,
        targets: { users: [], organizations: [{ id: 'org_acme', enabled: true }] },
      });
      expect(client.isEnabled('new-dashboard', { organizationId: 'org_acme' })).toBe(true);
      expect(client.isEnabled('new-dashboard', { organizationId: 'org_globex' })).toBe(false);

      const changes: FlagChange[] = [];
      const seen = new Promise<void>((resolve) => {
        client.on('change', (change) => {
          changes.push(change);
          if (changes.length === 2) resolve();
        });
      });
      const toggledAt = Date.now();
      const moved = await controlRequest(emulator, 'PATCH', 'feature-flags/new-dashboard', { organization_ids: ['org_globex'] });
      expect(((await moved.json()) as { feature_flag: unknown }).feature_flag).toMatchObject({ slug: 'new-dashboard', organization_ids: ['org_globex'] });
      emulator.control.updateFeatureFlag('beta-reports', { user_ids: ['user_bob'] });
      await seen;
      // The client polls every 5 s with ±10 % jitter: a toggle is visible by the next poll.
      expect(Date.now() - toggledAt).toBeLessThan(POLL_MS * 1.1 + 1000);
      expect(changes.map((change) => change.key).sort()).toEqual(['beta-reports', 'new-dashboard']);
      expect(client.isEnabled('new-dashboard', { organizationId: 'org_acme' })).toBe(false);
      expect(client.isEnabled('new-dashboard', { organizationId: 'org_globex' })).toBe(true);
      expect(client.isEnabled('beta-reports', { userId: 'user_bob' })).toBe(true);
      expect(client.getAllFlags({ userId: 'user_alice', organizationId: 'org_acme' })).toEqual({ 'new-dashboard': false, 'beta-reports': false });
    } finally {
      client.close();
    }
  });

  it('is refused without the API key', async () => {
    const client = sdkFor(emulator, { apiKey: 'sk_test_wrong' }).featureFlags.createRuntimeClient({ pollingIntervalMs: POLL_MS });
    client.on('error', () => {});
    try {
      await expect(client.waitUntilReady({ timeoutMs: 5000 })).rejects.toMatchObject({ status: 401 });
    } finally {
      client.close();
    }
  });
});

describe('the feature-flag API', () => {
  it('lists and gets flags in the WorkOS shape, and enables and disables them', async () => {
    const workos = sdkFor(emulator);
    emulator.control.updateFeatureFlag('beta-reports', { name: 'Beta reports', description: 'New reports', tags: ['reports'], default_value: true });
    const list = await workos.featureFlags.listFeatureFlags({ order: 'asc' });
    expect(list.data.map((flag) => flag.slug)).toEqual(['new-dashboard', 'beta-reports']);
    expect(await workos.featureFlags.getFeatureFlag('beta-reports')).toMatchObject({
      object: 'feature_flag',
      id: 'flag_beta-reports',
      slug: 'beta-reports',
      name: 'Beta reports',
      description: 'New reports',
      tags: ['reports'],
      enabled: true,
      defaultValue: true,
    });
    expect(await workos.featureFlags.disableFeatureFlag('beta-reports')).toMatchObject({ enabled: false });
    expect(emulator.control.featureFlags()).toEqual(expect.arrayContaining([expect.objectContaining({ slug: 'beta-reports', enabled: false })]));
    expect(await workos.featureFlags.enableFeatureFlag('beta-reports')).toMatchObject({ enabled: true });
    expect(await rejectionOf(workos.featureFlags.getFeatureFlag('missing'))).toBeInstanceOf(NotFoundException);
  });

  it('adds and removes user and organisation targets, and lists what is on for an organisation or a user', async () => {
    const workos = sdkFor(emulator);
    const slugs = (list: { data: { slug: string }[] }) => list.data.map((flag) => flag.slug);
    await workos.featureFlags.addFlagTarget({ slug: 'new-dashboard', targetId: 'user_carol' });
    await workos.featureFlags.addFlagTarget({ slug: 'new-dashboard', targetId: 'org_umbrella' });
    expect(emulator.control.featureFlags()[0]).toMatchObject({ organization_ids: ['org_acme', 'org_umbrella'], user_ids: ['user_carol'] });
    expect(slugs(await workos.featureFlags.listOrganizationFeatureFlags({ organizationId: 'org_umbrella' }))).toEqual(['new-dashboard']);
    expect(slugs(await workos.featureFlags.listUserFeatureFlags({ userId: 'user_carol' }))).toEqual(['new-dashboard']);
    await workos.featureFlags.removeFlagTarget({ slug: 'new-dashboard', targetId: 'org_umbrella' });
    expect(slugs(await workos.featureFlags.listOrganizationFeatureFlags({ organizationId: 'org_umbrella' }))).toEqual([]);
    expect(slugs(await workos.featureFlags.listOrganizationFeatureFlags({ organizationId: 'org_acme' }))).toEqual(['new-dashboard']);
    expect(slugs(await workos.featureFlags.listUserFeatureFlags({ userId: 'user_alice' }))).toEqual([]);
    expect(await rejectionOf(workos.featureFlags.addFlagTarget({ slug: 'new-dashboard', targetId: 'user_ghost' }))).toBeInstanceOf(NotFoundException);
    expect(await rejectionOf(workos.featureFlags.listUserFeatureFlags({ userId: 'user_ghost' }))).toBeInstanceOf(NotFoundException);
  });
});

describe('the feature_flags claim', () => {
  it('follows the same targeting at the next refresh', async () => {
    const workos = sdkFor(emulator);
    const alice = await emulator.control.createSession({ email: 'alice@example.com', organization_id: 'org_acme' });
    expect(claimsOf(alice.access_token).feature_flags).toEqual(['new-dashboard']);
    emulator.control.updateFeatureFlag('new-dashboard', { enabled: false });
    emulator.control.updateFeatureFlag('beta-reports', { user_ids: ['user_alice'] });
    const refreshed = await workos.userManagement.authenticateWithRefreshToken({ refreshToken: alice.refresh_token });
    expect(claimsOf(refreshed.accessToken).feature_flags).toEqual(['beta-reports']);
  });
});

describe('feature flags in the data and the control surface', () => {
  it('merge an organisation\'s shorthand into the flag list, and name every bad field', async () => {
    const seed = defaultSeed() as SeedData & { feature_flags: Record<string, unknown>[] };
    seed.feature_flags = [{ slug: 'new-dashboard', user_ids: ['user_bob'], default_value: false }];
    const custom = await startTestEmulator({ data: seed });
    try {
      expect(custom.control.featureFlags()).toEqual([expect.objectContaining({ slug: 'new-dashboard', organization_ids: ['org_acme'], user_ids: ['user_bob'] })]);
    } finally {
      await custom.close();
    }
    seed.feature_flags.push({ slug: 'new-dashboard', organization_ids: ['org_ghost'], enabled: 'yes', colour: 'red' });
    const error = await rejectionOf(startTestEmulator({ data: seed }));
    expect(error).toBeInstanceOf(EmulatorDataError);
    expect((error as unknown as EmulatorDataError).issues).toEqual(
      expect.arrayContaining([
        'feature_flags[1].colour: unknown field',
        'feature_flags[1].enabled: expected true or false (got string)',
        "feature_flags[1].organization_ids[0]: unknown organization 'org_ghost'",
        "feature_flags[1].slug: duplicate slug 'new-dashboard'",
      ]),
    );
  });

  it('refuses a toggle naming unknown targets, with the fields named, and changes nothing', async () => {
    const refused = await controlRequest(emulator, 'PATCH', 'feature-flags/new-dashboard', { organization_ids: ['org_ghost'], user_ids: [42], enabled: 'no' });
    expect(refused.status).toBe(400);
    expect(((await refused.json()) as { message: string }).message).toBe(
      "enabled: expected true or false (got string); user_ids[0]: expected a string (got number); organization_ids[0]: unknown organization 'org_ghost'",
    );
    expect((await (await controlRequest(emulator, 'GET', 'feature-flags')).json()) as unknown).toEqual({
      feature_flags: [expect.objectContaining({ slug: 'new-dashboard', enabled: true, organization_ids: ['org_acme'] })],
    });
  });
});
