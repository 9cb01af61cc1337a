/** Signed webhooks, received by a tiny HTTP server and verified with the real SDK's `webhooks.constructEvent`. */
import { SignatureVerificationException } from '@workos-inc/node';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { Emulator, WebhookDelivery } from './index.js';
import { claimsOf, controlRequest, emulatorPerSuite, rejectionOf, sdkFor, signIn } from '../../test/support/emulator-harness.js';
import { type Received, Receiver } from '../../test/support/webhook-receiver.js';

const SECRET = 'whsec_test_emulator';

let emulator: Emulator;
emulatorPerSuite((started) => (emulator = started));
const receiver = new Receiver();
let receiverUrl: string;
beforeAll(async () => {
  receiverUrl = await receiver.start();
});
afterAll(() => receiver.stop());
afterEach(() => {
  emulator.control.reset();
  receiver.received.length = 0;
  receiver.statuses = [];
  receiver.hold = undefined;
});

const useWebhooks = (more: Record<string, unknown> = {}) =>
  controlRequest(emulator, 'PUT', 'webhooks', { url: receiverUrl, secret: SECRET, ...more });

/** Each received webhook verified and deserialized by the SDK. */
const verified = () =>
  Promise.all(
    receiver.received.map(({ body, signature }) =>
      sdkFor(emulator).webhooks.constructEvent({ payload: JSON.parse(body) as Record<string, unknown>, sigHeader: signature, secret: SECRET }),
    ),
  );

describe('webhooks', () => {
  it('sends session.created and session.revoked, signed so the SDK verifies them, with the ids the events API lists', async () => {
    const answer = await useWebhooks();
    expect(await answer.json()).toEqual({ webhooks: { url: receiverUrl, secret_set: true, retry_delays_ms: [250, 1000, 4000] } });
    const workos = sdkFor(emulator);
    const bob = await signIn(workos, 'bob@example.com');
    const sessionId = claimsOf(bob.accessToken).sid as string;
    await workos.userManagement.revokeSession({ sessionId });
    await emulator.control.settleWebhooks();
    const events = await verified();
    expect(events.map((event) => [event.event, (event.data as { id: string }).id])).toEqual([
      ['session.created', sessionId],
      ['session.revoked', sessionId],
    ]);
    expect(events[1]!.data).toMatchObject({ object: 'session', userId: 'user_bob', status: 'revoked', endedAt: expect.any(String) });
    const listed = await workos.events.listEvents({ events: ['session.created', 'session.revoked'] });
    expect(events.map((event) => event.id)).toEqual(listed.data.map((event) => event.id));
    expect(Object.keys(JSON.parse(receiver.received[0]!.body) as object)).toEqual(['id', 'event', 'data', 'created_at']);
    expect(receiver.received[0]!.signature).toMatch(/^t=\d{13}, v1=[0-9a-f]{64}$/);
  });

  it('sends sign-out, membership and user deletion events', async () => {
    await useWebhooks();
    const workos = sdkFor(emulator);
    const alice = await signIn(workos, 'alice@example.com', { choose: 'org_acme' });
    await fetch(workos.userManagement.getLogoutUrl({ sessionId: claimsOf(alice.accessToken).sid as string }), { redirect: 'manual' });
    await workos.userManagement.updateOrganizationMembership('om_bob_acme', { roleSlug: 'admin' });
    await workos.userManagement.deleteUser('user_bob');
    const { deliveries } = await emulator.control.settleWebhooks();
    expect(deliveries.map((delivery) => `${delivery.event}:${delivery.state}`)).toEqual([
      'session.created:delivered',
      'session.revoked:delivered',
      'organization_membership.updated:delivered',
      'organization_membership.deleted:delivered',
      'organization_membership.deleted:delivered',
      'user.deleted:delivered',
    ]);
    const events = await verified();
    expect(events.at(-1)).toMatchObject({ event: 'user.deleted', data: { id: 'user_bob', email: 'bob@example.com' } });
    expect(events[2]).toMatchObject({ event: 'organization_membership.updated', data: { id: 'om_bob_acme', role: { slug: 'admin' } } });
  });

  it('never holds up the request that caused the event', async () => {
    await useWebhooks();
    let release!: () => void;
    receiver.hold = new Promise((resolve) => (release = resolve));
    await emulator.control.createSession({ email: 'bob@example.com' });
    expect(emulator.control.webhooks().deliveries.map((delivery) => delivery.state)).toEqual(['pending']);
    release();
    expect((await emulator.control.settleWebhooks()).deliveries.map((delivery) => delivery.state)).toEqual(['delivered']);
  });

  it('retries a failed delivery, signing it afresh, and logs each status', async () => {
    await useWebhooks({ retry_delays_ms: [5, 5, 5] });
    receiver.statuses = [500, 503];
    await emulator.control.createSession({ email: 'bob@example.com' });
    const response = await controlRequest(emulator, 'GET', 'webhooks?settle=1');
    const { deliveries } = (await response.json()) as { deliveries: WebhookDelivery[] };
    expect(deliveries).toHaveLength(1);
    expect(deliveries[0]).toMatchObject({ event: 'session.created', url: receiverUrl, state: 'delivered' });
    expect(deliveries[0]!.attempts.map((attempt) => attempt.status)).toEqual([500, 503, 200]);
    expect(new Set(receiver.received.map((delivery) => delivery.body)).size).toBe(1);
    expect((await verified()).map((event) => event.event)).toEqual(['session.created', 'session.created', 'session.created']);
  });

  it('gives up after the last retry, and says when the endpoint cannot be reached', async () => {
    await useWebhooks({ retry_delays_ms: [5, 5] });
    receiver.statuses = [500, 500, 500];
    await emulator.control.createSession({ email: 'bob@example.com' });
    const failed = (await emulator.control.settleWebhooks()).deliveries[0]!;
    expect(failed).toMatchObject({ state: 'failed', attempts: [{ status: 500 }, { status: 500 }, { status: 500 }] });
    emulator.control.setWebhooks({ url: 'http://127.0.0.1:9/unreachable', secret: SECRET, retry_delays_ms: [] });
    await emulator.control.createSession({ email: 'bob@example.com' });
    const unreachable = (await emulator.control.settleWebhooks()).deliveries[1]!;
    expect(unreachable).toMatchObject({ state: 'failed', attempts: [{ status: null, error: 'could not connect' }] });
  });

  it('fails verification under another secret', async () => {
    await useWebhooks();
    await emulator.control.createSession({ email: 'bob@example.com' });
    await emulator.control.settleWebhooks();
    const [{ body, signature }] = receiver.received as [Received];
    const forged = await rejectionOf(
      sdkFor(emulator).webhooks.constructEvent({ payload: JSON.parse(body) as Record<string, unknown>, sigHeader: signature, secret: 'other' }),
    );
    expect(forged).toBeInstanceOf(SignatureVerificationException);
  });

  it('stops with url: null, refuses bad settings naming the field, and never shows the secret', async () => {
    await useWebhooks();
    expect((await (await controlRequest(emulator, 'PUT', 'webhooks', { url: null })).json()) as object).toEqual({
      webhooks: { url: null, secret_set: false, retry_delays_ms: [250, 1000, 4000] },
    });
    await emulator.control.createSession({ email: 'bob@example.com' });
    expect(emulator.control.webhooks().deliveries).toEqual([]);
    const bad = await controlRequest(emulator, 'PUT', 'webhooks', { url: 'ftp://x', retry_delays_ms: [-1] });
    expect(bad.status).toBe(400);
    expect(await bad.json()).toEqual({
      code: 'invalid_request',
      message: 'url: expected an http(s) URL without credentials (got "ftp://x"); secret: required with url (the endpoint\'s signing secret); retry_delays_ms[0]: expected a whole number of ms from 0 to 60000 (got -1)',
    });
    expect(JSON.stringify(emulator.control.webhooks())).not.toContain(SECRET);
  });
});
