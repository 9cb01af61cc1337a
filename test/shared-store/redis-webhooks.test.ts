/**
 * Revocation end to end: the emulator (as WorkOS) sends its signed webhooks to one app instance's
 * `handleWorkOSEvents()` route (a real HTTP server in a separate Node process running the built
 * kit), and the other instances, sharing one real redis-server, act on them within a second. The
 * revocations are made through the real `@workos-inc/node` SDK, as an admin or a user would.
 * Access tokens live 5 minutes here, so nothing but the events can end a session in time.
 */
import type { WorkOS } from '@workos-inc/node';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { Emulator } from '../../src/emulator/index.js';
import { firstAnswered, proxyOnce, startSharedApp, type AppInstance, type SharedApp } from '../support/app-instances.js';
import { controlRequest, sdkFor } from '../support/emulator-harness.js';
import { freePort } from '../support/free-port.mjs';
import { mintSession } from '../support/sessions.js';

const SECRET = 'whsec_test_redis_webhooks';
const WITHIN_MS = 1_000;

let app: SharedApp;
let emulator: Emulator;
let workos: WorkOS;
let eventsUrl: string;
/** [0] receives the webhooks; [1] and [2] only share its Redis. */
let instances: AppInstance[] = [];
const others = () => instances.slice(1);

beforeAll(async () => {
  const port = await freePort();
  eventsUrl = `http://127.0.0.1:${port}/api/workos-events`;
  app = await startSharedApp({ emulator: { webhookUrl: eventsUrl, webhookSecret: SECRET }, env: { WORKOS_WEBHOOK_SECRET: SECRET } });
  ({ emulator, instances } = app);
  workos = sdkFor(emulator);
  expect(await instances[0]!.ask('serve-events', { port })).toBe(eventsUrl);
}, 60_000);

afterAll(() => app?.stop());

/** A session for `email` that every instance accepts, and its session id. */
async function liveSession(email: string) {
  const { session, sealed } = await mintSession(emulator, { email });
  for (const instance of instances) expect(await proxyOnce(instance, sealed)).toMatchObject({ userId: session.user.id });
  return { sealed, userId: session.user.id, sessionId: (await proxyOnce(instances[0]!, sealed)).sessionId! };
}

/** How long after `since` each of the other instances first refuses `sealed` (throws after 5 s). */
const refusedAfter = (sealed: string, since: number) => firstAnswered(others(), sealed, since, (run) => run.userId === null);

/** The delivery states of the events the emulator sent since its last reset, by event name. */
async function deliveries(event: string): Promise<string[]> {
  const { deliveries: all } = await emulator.control.settleWebhooks();
  return all.filter((delivery) => delivery.event === event).map((delivery) => `${delivery.state}:${delivery.attempts.at(-1)?.status}`);
}

describe("WorkOS events through one instance's handleWorkOSEvents(), shared through Redis", () => {
  it('a session revoked at WorkOS (the SDK) is refused by the other instances within a second', async () => {
    emulator.control.reset();
    const { sealed, sessionId } = await liveSession('alice@example.com');
    const since = performance.now();
    await workos.userManagement.revokeSession({ sessionId });
    for (const ms of await refusedAfter(sealed, since)) expect(ms).toBeLessThan(WITHIN_MS);
    expect(await deliveries('session.revoked')).toEqual(['delivered:204']);
  }, 30_000);

  it('a user signed out at WorkOS (the logout URL) is refused by the other instances within a second', async () => {
    emulator.control.reset();
    const { sealed, sessionId } = await liveSession('alice@example.com');
    const since = performance.now();
    const logout = await fetch(workos.userManagement.getLogoutUrl({ sessionId }), { redirect: 'manual' });
    expect(logout.status).toBe(302);
    for (const ms of await refusedAfter(sealed, since)) expect(ms).toBeLessThan(WITHIN_MS);
  }, 30_000);

  it("a deleted user's sessions are refused by the other instances within a second, and every instance holds the user as ended", async () => {
    emulator.control.reset();
    const first = await liveSession('bob@example.com');
    const second = await liveSession('bob@example.com');
    const since = performance.now();
    await workos.userManagement.deleteUser(first.userId);
    const waits = await Promise.all([refusedAfter(first.sealed, since), refusedAfter(second.sealed, since)]);
    for (const ms of waits.flat()) expect(ms).toBeLessThan(WITHIN_MS);
    expect(await deliveries('user.deleted')).toEqual(['delivered:204']);
    // Delivered means the receiving instance wrote it; the others hear it over pub/sub moments later.
    await vi.waitFor(async () => {
      for (const instance of instances) expect(await instance.ask('ended', { sessionId: first.userId })).toBe(true);
    }, { timeout: WITHIN_MS, interval: 20 });
  }, 30_000);

  it("a removed membership and a changed role reach every instance's kept memberships within a second", async () => {
    emulator.control.reset();
    const listed = async () => (await Promise.all(others().map((instance) => instance.ask<string[]>('memberships', { userId: 'user_alice' })))).map((kept) => kept.sort().join(' '));
    expect(await listed()).toEqual(['org_acme:admin org_globex:member', 'org_acme:admin org_globex:member']);
    // Kept for 30 s: without the events, every instance would go on listing what it listed first.
    const reached = async (expected: string, since: number) => {
      while ((await listed()).some((kept) => kept !== expected)) {
        if (performance.now() - since > 5_000) throw new Error(`the kept memberships were still ${JSON.stringify(await listed())} after 5 s`);
      }
      return performance.now() - since;
    };
    let since = performance.now();
    await workos.userManagement.deleteOrganizationMembership('om_alice_globex');
    expect(await reached('org_acme:admin', since)).toBeLessThan(WITHIN_MS);
    since = performance.now();
    await workos.userManagement.updateOrganizationMembership('om_alice_acme', { roleSlug: 'member' });
    expect(await reached('org_acme:member', since)).toBeLessThan(WITHIN_MS);
    expect(await deliveries('organization_membership.deleted')).toEqual(['delivered:204']);
    expect(await deliveries('organization_membership.updated')).toEqual(['delivered:204']);
  }, 30_000);

  it('a delivery signed with another secret is refused (401) and ends nothing', async () => {
    emulator.control.reset();
    const { sealed, sessionId } = await liveSession('alice@example.com');
    const pointed = await controlRequest(emulator, 'PUT', 'webhooks', { url: eventsUrl, secret: 'whsec_someone_else', retry_delays_ms: [] });
    expect(pointed.status).toBe(200);
    await workos.userManagement.revokeSession({ sessionId });
    expect(await deliveries('session.revoked')).toEqual(['failed:401']);
    await new Promise((resolve) => setTimeout(resolve, 300));
    for (const instance of instances) expect(await proxyOnce(instance, sealed)).toMatchObject({ sessionId });
    for (const instance of instances) expect(await instance.ask('ended', { sessionId })).toBe(false);
  }, 30_000);
});
