/** `GET /events` through the SDK's `workos.events.listEvents`: shapes, filters, cursor polling. */
import { UnauthorizedException, UnprocessableEntityException } from '@workos-inc/node';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { Emulator } from './index.js';
import { claimsOf, emulatorPerSuite, rejectionOf, sdkFor, signIn } from '../../test/support/emulator-harness.js';

let emulator: Emulator;
emulatorPerSuite((started) => (emulator = started));
afterEach(() => {
  vi.useRealTimers();
  emulator.control.reset();
});

const SESSION_EVENTS = ['session.created', 'session.revoked'] as const;
/** An event's deserialized `data`, whatever its type. */
const dataOf = (event: { data: unknown }) => event.data as Record<string, unknown>;

describe('the events API', () => {
  it('lists session.created and session.revoked, oldest first, in the shapes the SDK deserializes', async () => {
    const workos = sdkFor(emulator);
    const bob = await signIn(workos, 'bob@example.com');
    const sessionId = claimsOf(bob.accessToken).sid as string;
    await workos.userManagement.revokeSession({ sessionId });
    const { object, data, listMetadata } = await workos.events.listEvents({ events: [...SESSION_EVENTS] });
    expect(object).toBe('list');
    expect(data.map((event) => [event.event, dataOf(event).id])).toEqual([
      ['session.created', sessionId],
      ['session.revoked', sessionId],
    ]);
    expect(data[0]).toMatchObject({ id: expect.stringMatching(/^event_/), createdAt: expect.any(String) });
    expect(dataOf(data[1]!)).toMatchObject({ object: 'session', userId: 'user_bob', organizationId: 'org_acme', status: 'revoked' });
    expect(listMetadata.after).toBeNull();
  });

  it('polls by cursor: after the last id seen come only newer events', async () => {
    const workos = sdkFor(emulator);
    await emulator.control.createSession({ email: 'bob@example.com' });
    await emulator.control.createSession({ email: 'carol@example.com' });
    await emulator.control.createSession({ email: 'dave@example.com', organization_id: 'org_globex' });
    const page = await workos.events.listEvents({ events: ['session.created'], limit: 2 });
    expect(page.data.map((event) => dataOf(event).userId)).toEqual(['user_bob', 'user_carol']);
    expect(page.listMetadata.after).toBe(page.data[1]!.id);
    const next = await workos.events.listEvents({ events: ['session.created'], after: page.listMetadata.after! });
    expect(next.data.map((event) => dataOf(event).userId)).toEqual(['user_dave']);
    const later = await workos.events.listEvents({ events: ['session.created'], after: next.data[0]!.id });
    expect(later.data).toEqual([]);
    const newest = await workos.events.listEvents({ events: ['session.created'], order: 'desc', limit: 1 });
    expect(dataOf(newest.data[0]!)).toMatchObject({ userId: 'user_dave' });
  });

  it('keeps a cursor whose event is gone (a reset cleared the log) at its place: later events follow it', async () => {
    const workos = sdkFor(emulator);
    await emulator.control.createSession({ email: 'bob@example.com' });
    const [seen] = (await workos.events.listEvents({ events: ['session.created'] })).data;
    emulator.control.reset(); // the event named by the cursor is gone
    await emulator.control.createSession({ email: 'carol@example.com' });
    const after = await workos.events.listEvents({ events: ['session.created'], after: seen!.id });
    expect(after.data.map((event) => dataOf(event).userId)).toEqual(['user_carol']);
    const newest = await workos.events.listEvents({ events: ['session.created'], order: 'desc', after: 'event_ZZZZZZZZZZ' });
    expect(newest.data.map((event) => dataOf(event).userId)).toEqual(['user_carol']); // desc: a cursor from the future comes before everything
  });

  it('filters by organization and by time range', async () => {
    vi.useFakeTimers({ toFake: ['Date'] });
    const workos = sdkFor(emulator);
    const start = Date.now();
    await emulator.control.createSession({ email: 'bob@example.com' });
    vi.setSystemTime(start + 60_000);
    await emulator.control.createSession({ email: 'dave@example.com', organization_id: 'org_globex' });
    const globex = await workos.events.listEvents({ events: ['session.created'], organizationId: 'org_globex' });
    expect(globex.data.map((event) => dataOf(event).userId)).toEqual(['user_dave']);
    const early = await workos.events.listEvents({
      events: ['session.created'],
      rangeStart: new Date(start - 1000).toISOString(),
      rangeEnd: new Date(start + 30_000).toISOString(),
    });
    expect(early.data.map((event) => dataOf(event).userId)).toEqual(['user_bob']);
  });

  it('takes event names comma-joined (as the SDK sends them), repeated, or as events[]', async () => {
    await emulator.control.createSession({ email: 'bob@example.com' });
    const names = async (query: string) => {
      const response = await fetch(`${emulator.url}/events?${query}`, { headers: { authorization: `Bearer ${emulator.apiKey}` } });
      return ((await response.json()) as { data: { event: string }[] }).data.map((event) => event.event);
    };
    expect(await names('events=session.created,session.revoked')).toEqual(['session.created']);
    expect(await names('events=session.revoked&events=session.created')).toEqual(['session.created']);
    expect(await names('events[]=session.created')).toEqual(['session.created']);
    expect(await names('events=user.deleted')).toEqual([]);
  });

  it('refuses a bad range or limit and a missing API key', async () => {
    const workos = sdkFor(emulator);
    const badRange = await rejectionOf(workos.events.listEvents({ events: ['session.created'], rangeStart: 'yesterday' }));
    expect(badRange).toBeInstanceOf(UnprocessableEntityException);
    const badLimit = await rejectionOf(workos.events.listEvents({ events: ['session.created'], limit: 500 }));
    expect(badLimit).toBeInstanceOf(UnprocessableEntityException);
    const noKey = await rejectionOf(sdkFor(emulator, { apiKey: 'sk_wrong' }).events.listEvents({ events: ['session.created'] }));
    expect(noKey).toBeInstanceOf(UnauthorizedException);
  });

  it('forgets events on reset', async () => {
    await emulator.control.createSession({ email: 'bob@example.com' });
    emulator.control.reset();
    expect((await sdkFor(emulator).events.listEvents({ events: ['session.created'] })).data).toEqual([]);
  });
});
