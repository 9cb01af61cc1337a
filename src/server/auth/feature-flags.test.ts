/**
 * getFeatureFlagsRuntimeClient against the emulator, through the real SDK's runtime client
 * (`GET /sdk/feature-flags`): one client per process, flags per organisation and per user, a
 * toggle seen within the poll interval, and a new client when the configuration changes. Also the
 * README's runtime-client page, with a real session.
 */
import type { FeatureFlagsRuntimeClient } from '@workos-inc/node';
import { afterAll, describe, expect, it, vi } from 'vitest';
vi.mock('next/headers', async () => (await import('../../testing/next-headers.js')).nextHeadersMock);
import { withAuth } from './with-auth.js';
import { getFeatureFlagsRuntimeClient } from './feature-flags.js';
import { emulatorSuite } from '../../../test/support/emulator-suite.js';
import { TestBrowser } from '../../../test/support/http.js';
import { afterProxy } from '../../../test/support/render.js';
import { mintSession } from '../../../test/support/sessions.js';

const suite = emulatorSuite();
/** The shortest interval the SDK allows (it raises anything lower to 5 s). */
const POLL_MS = 5000;
const flags = () => getFeatureFlagsRuntimeClient({ pollingIntervalMs: POLL_MS });

// The client polls until closed; the process must not keep polling a stopped emulator.
afterAll(() => getFeatureFlagsRuntimeClient().close());

/** Resolves with the next change the client reports for `slug`. */
function nextChange(client: FeatureFlagsRuntimeClient, slug: string): Promise<number> {
  return new Promise((resolve) => {
    client.on('change', (change) => {
      if (change.key === slug) resolve(Date.now());
    });
  });
}

describe('getFeatureFlagsRuntimeClient', () => {
  it('is one client per process, ready with the seeded flags, per organisation', async () => {
    const client = flags();
    expect(getFeatureFlagsRuntimeClient({ pollingIntervalMs: 60_000 })).toBe(client);
    await client.waitUntilReady({ timeoutMs: 5000 });
    expect(client.isEnabled('new-dashboard', { organizationId: 'org_acme' })).toBe(true);
    expect(client.isEnabled('new-dashboard', { organizationId: 'org_globex' })).toBe(false);
    expect(client.isEnabled('no-such-flag', { organizationId: 'org_acme' })).toBe(false);
  });

  it('sees a flag turned on for a user within one poll interval', async () => {
    const client = flags();
    await client.waitUntilReady({ timeoutMs: 5000 });
    expect(client.isEnabled('beta-reports', { userId: 'user_bob' })).toBe(false);
    const changed = nextChange(client, 'beta-reports');
    const toggledAt = Date.now();
    suite.emulator.control.updateFeatureFlag('beta-reports', { user_ids: ['user_bob'] });
    expect((await changed) - toggledAt).toBeLessThanOrEqual(POLL_MS * 1.1 + 1000);
    expect(client.isEnabled('beta-reports', { userId: 'user_bob' })).toBe(true);
    expect(client.isEnabled('beta-reports', { userId: 'user_alice' })).toBe(false);
  }, 15_000);

  it('closes the old client and makes a new one when the configuration changes', async () => {
    const before = flags();
    before.on('change', () => {});
    const previous = process.env.WORKOS_COOKIE_NAME;
    process.env.WORKOS_COOKIE_NAME = 'other-session';
    try {
      const after = getFeatureFlagsRuntimeClient();
      expect(after).not.toBe(before);
      expect(before.listeners('change')).toHaveLength(0); // close() removes every listener and stops polling
      await after.waitUntilReady({ timeoutMs: 5000 });
      expect(after.isEnabled('new-dashboard', { organizationId: 'org_acme' })).toBe(true);
    } finally {
      if (previous === undefined) delete process.env.WORKOS_COOKIE_NAME;
      else process.env.WORKOS_COOKIE_NAME = previous;
    }
  });
});

describe("the README's runtime-client page", () => {
  /** The README's DashboardPage, with the README's names. */
  async function enabledForSignedInUser(): Promise<boolean> {
    const featureFlags = getFeatureFlagsRuntimeClient();
    const { user, organizationId } = await withAuth({ ensureSignedIn: true });
    await featureFlags.waitUntilReady({ timeoutMs: 5000 });
    return featureFlags.isEnabled('new-dashboard', { userId: user.id, organizationId });
  }

  it('evaluates the flag for the signed-in user and organisation', async () => {
    for (const [organization, expected] of [['org_acme', true], ['org_globex', false]] as const) {
      const browser = new TestBrowser();
      browser.jar.set('wos-session', (await mintSession(suite.emulator, { email: 'alice@example.com', organization_id: organization })).sealed);
      await afterProxy(browser, '/dashboard', { readOnly: true });
      expect(await enabledForSignedInUser()).toBe(expected);
    }
  });
});
