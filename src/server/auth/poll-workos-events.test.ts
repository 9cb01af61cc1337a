/**
 * pollWorkOSEvents against the emulator's events API through the real SDK: revocations, deleted
 * users and membership changes made at WorkOS take effect after a poll; the cursor moves on (an
 * event is applied once), a first poll looks back only as long as a token lives, an outage is
 * retried from the same place, and the timer stops when asked.
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { Emulator } from '../../emulator/index.js';
import { claimsOf, emulatorPerSuite, sdkFor } from '../../../test/support/emulator-harness.js';
import { pointEnvAtEmulator } from '../../../test/support/emulator.js';
import { mintSession } from '../../../test/support/sessions.js';
import { bindSessionSeams, sessionRoot } from '../root/current-root.js';
import { readSession } from '../session/read-session.js';
import { pollWorkOSEvents, type WorkOSEventsPoller } from './poll-workos-events.js';

let emulator: Emulator;
emulatorPerSuite((started) => (emulator = started));

let undo: Array<() => void> = [];
let pollers: WorkOSEventsPoller[] = [];
beforeEach(() => {
  emulator.control.reset();
  undo = [pointEnvAtEmulator(emulator), bindSessionSeams({})];
});
afterEach(() => {
  pollers.forEach((poller) => poller.stop());
  pollers = [];
  undo.reverse().forEach((restore) => restore());
  vi.useRealTimers();
  vi.restoreAllMocks();
});

/** A poller whose timer waits longer than any test: each test polls by hand. */
function poller(intervalMs = 60_000, signal?: AbortSignal): WorkOSEventsPoller {
  const started = pollWorkOSEvents({ intervalMs, signal });
  pollers.push(started);
  return started;
}

const statusOf = async (sealed: string) => (await readSession(sessionRoot(), sealed)).status;
const sessionIdOf = (accessToken: string) => claimsOf(accessToken).sid as string;

describe('pollWorkOSEvents', () => {
  it('ends a session revoked at WorkOS at the next poll, and applies each event once', async () => {
    const events = poller();
    await events.poll();
    const { session, sealed } = await mintSession(emulator, { email: 'bob@example.com' });
    expect(await statusOf(sealed)).toBe('signed-in');
    await sdkFor(emulator).userManagement.revokeSession({ sessionId: sessionIdOf(session.accessToken) });
    expect(await statusOf(sealed)).toBe('signed-in'); // nothing tells this process until it polls
    expect(await events.poll()).toBe(1);
    expect(await readSession(sessionRoot(), sealed)).toEqual({ status: 'signed-out', reason: 'session-ended' });
    expect(await events.poll()).toBe(0);
  });

  it("ends every session of a deleted user, and makes a token predating a role change due for refresh", async () => {
    const events = poller();
    const workos = sdkFor(emulator);
    const bob = await mintSession(emulator, { email: 'bob@example.com' });
    const alice = await mintSession(emulator, { email: 'alice@example.com', organization_id: 'org_acme' });
    expect(claimsOf(alice.session.accessToken).role).toBe('admin');
    await workos.userManagement.deleteUser(bob.session.user.id);
    await workos.userManagement.updateOrganizationMembership('om_alice_acme', { roleSlug: 'member' });
    expect(await events.poll()).toBeGreaterThanOrEqual(2);
    expect(await readSession(sessionRoot(), bob.sealed)).toEqual({ status: 'signed-out', reason: 'session-ended' });
    expect(await statusOf(alice.sealed)).toBe('expired'); // the proxy refreshes it: the new role shows at once
    const after = await mintSession(emulator, { email: 'alice@example.com', organization_id: 'org_acme' });
    expect(claimsOf(after.session.accessToken).role).toBe('member');
    expect(await statusOf(after.sealed)).toBe('signed-in'); // a token issued since carries the change
  });

  it("keeps polling from its cursor when the event it names is gone (the emulator's reset)", async () => {
    const events = poller();
    const first = await mintSession(emulator, { email: 'bob@example.com' });
    await sdkFor(emulator).userManagement.revokeSession({ sessionId: sessionIdOf(first.session.accessToken) });
    expect(await events.poll()).toBe(1);
    emulator.control.reset();
    const second = await mintSession(emulator, { email: 'carol@example.com' });
    await sdkFor(emulator).userManagement.revokeSession({ sessionId: sessionIdOf(second.session.accessToken) });
    expect(await events.poll()).toBe(1);
    expect(await statusOf(second.sealed)).toBe('signed-out');
  });

  it('looks back only as long as an access token lives on its first poll', async () => {
    vi.useFakeTimers({ toFake: ['Date'] });
    const now = Date.now();
    const { session, sealed } = await mintSession(emulator, { email: 'bob@example.com' });
    vi.setSystemTime(now - 20 * 60_000);
    await sdkFor(emulator).userManagement.revokeSession({ sessionId: sessionIdOf(session.accessToken) });
    vi.setSystemTime(now);
    expect(await poller().poll()).toBe(0);
    expect(await statusOf(sealed)).toBe('signed-in');
  });

  it('retries from the same cursor after a WorkOS outage, warning once without a secret', async () => {
    const warned = vi.spyOn(console, 'warn').mockImplementation(() => {});
    const events = poller();
    await events.poll();
    const { session, sealed } = await mintSession(emulator, { email: 'bob@example.com' });
    await sdkFor(emulator).userManagement.revokeSession({ sessionId: sessionIdOf(session.accessToken) });
    emulator.control.injectFault({ endpoint: 'GET /events', status: 503, retry_after: 0, times: 100 });
    expect(await events.poll()).toBe(0);
    expect(await events.poll()).toBe(0);
    expect(await statusOf(sealed)).toBe('signed-in'); // an outage never ends a session by itself
    const messages = warned.mock.calls.map((call) => String(call[0])).filter((message) => message.includes('Polling WorkOS events failed'));
    expect(messages.length).toBeLessThanOrEqual(1);
    for (const message of messages) expect(message).not.toContain(emulator.env.WORKOS_API_KEY);
    emulator.control.clearFaults();
    expect(await events.poll()).toBe(1);
    expect(await statusOf(sealed)).toBe('signed-out');
  });

  it('polls on its own every interval until its signal aborts', async () => {
    const controller = new AbortController();
    poller(1_000, controller.signal);
    const workos = sdkFor(emulator);
    const first = await mintSession(emulator, { email: 'bob@example.com' });
    await workos.userManagement.revokeSession({ sessionId: sessionIdOf(first.session.accessToken) });
    await vi.waitFor(async () => expect(await statusOf(first.sealed)).toBe('signed-out'), { timeout: 3_000, interval: 50 });
    controller.abort();
    const polls = emulator.control.counters()['GET /events'] ?? 0;
    await new Promise((resolve) => setTimeout(resolve, 1_500));
    expect(emulator.control.counters()['GET /events'] ?? 0).toBe(polls);
  });
});
