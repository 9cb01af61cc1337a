/**
 * Revocation without webhooks: three app instances (separate Node processes running the built
 * kit) share one real redis-server and each starts `pollWorkOSEvents()`, as an app's
 * instrumentation.ts would. Changes made at WorkOS through the real SDK reach every instance
 * within two polling intervals, and the instances take turns: one poll of the events API per
 * interval between them, not one each.
 */
import type { WorkOS } from '@workos-inc/node';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { firstAnswered, proxyOnce, startSharedApp, type ProxyRun, type SharedApp } from '../support/app-instances.js';
import { claimsOf, sdkFor } from '../support/emulator-harness.js';
import { mintSession } from '../support/sessions.js';

const INTERVAL_MS = 1_000;
const WITHIN_MS = 2 * INTERVAL_MS + 500;

let app: SharedApp;
let workos: WorkOS;

beforeAll(async () => {
  app = await startSharedApp();
  workos = sdkFor(app.emulator);
  for (const instance of app.instances) expect(await instance.ask('poll-events', { intervalMs: INTERVAL_MS })).toBe(true);
}, 60_000);

afterAll(() => app?.stop());

const polls = () => app.emulator.control.counters()['GET /events'] ?? 0;

describe('WorkOS events polled by three instances sharing Redis', () => {
  it('a session revoked at WorkOS is refused by every instance within two intervals', async () => {
    const { session, sealed } = await mintSession(app.emulator, { email: 'bob@example.com' });
    for (const instance of app.instances) expect(await proxyOnce(instance, sealed)).toMatchObject({ userId: session.user.id });
    const since = performance.now();
    await workos.userManagement.revokeSession({ sessionId: claimsOf(session.accessToken).sid as string });
    for (const ms of await firstAnswered(app.instances, sealed, since, (run) => run.userId === null)) expect(ms).toBeLessThan(WITHIN_MS);
  }, 30_000);

  it("a member's role changed at WorkOS shows on every instance's next request (their token is refreshed)", async () => {
    const { session, sealed } = await mintSession(app.emulator, { email: 'alice@example.com', organization_id: 'org_acme' });
    expect(claimsOf(session.accessToken).role).toBe('admin');
    const since = performance.now();
    await workos.userManagement.updateOrganizationMembership('om_alice_acme', { roleSlug: 'member' });
    const roleOf = (run: ProxyRun) => (run.accessToken ? claimsOf(run.accessToken).role : null);
    for (const ms of await firstAnswered(app.instances, sealed, since, (run) => roleOf(run) === 'member')) expect(ms).toBeLessThan(WITHIN_MS);
  }, 30_000);

  it('takes turns: about one poll per interval between the three instances', async () => {
    const before = polls();
    await new Promise((resolve) => setTimeout(resolve, 5 * INTERVAL_MS));
    const made = polls() - before;
    expect(made).toBeGreaterThanOrEqual(3); // they do poll
    expect(made).toBeLessThanOrEqual(8); // three instances polling on their own would make about 15
  }, 30_000);
});
