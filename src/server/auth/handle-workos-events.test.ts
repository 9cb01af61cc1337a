/**
 * handleWorkOSEvents: deliveries signed with the real SDK (`webhooks.computeSignature`, as WorkOS
 * signs them) end revoked sessions and deleted users' sessions and forget changed memberships;
 * an unsigned, forged or stale delivery is refused with 401 and changes nothing.
 */
import { WorkOS } from '@workos-inc/node';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { AuthKitConfigError } from '../../shared/errors.js';
import type { Session } from '../../shared/types.js';
import { setTestEnv } from '../../../test/support/env.js';
import type { TokenCheck } from '../crypto/verify-token.js';
import { bindSessionSeams, sessionRoot } from '../root/current-root.js';
import { readSession } from '../session/read-session.js';
import { sealSession } from '../session/session-seal.js';
import { handleWorkOSEvents } from './handle-workos-events.js';

const SECRET = 'whsec_test_events_secret';
const sdk = new WorkOS('sk_test_events');
const claims = { sub: 'user_1', sid: 'session_1', exp: Math.floor(Date.now() / 1000) + 300 };

let restore: Array<() => void> = [];
afterEach(() => {
  restore.forEach((undo) => undo());
  restore = [];
});

function setUp(env: Record<string, string | undefined> = { WORKOS_WEBHOOK_SECRET: SECRET }) {
  restore.push(setTestEnv(env), bindSessionSeams({ verifyAccessToken: async (): Promise<TokenCheck> => ({ result: 'valid', claims }) }));
  restore.push(() => vi.restoreAllMocks());
  vi.spyOn(console, 'warn').mockImplementation(() => {});
}

/** A delivery as WorkOS sends it: the JSON body and `WorkOS-Signature: t=<ms>, v1=<hmac>`. */
async function delivery(event: string, data: Record<string, unknown>, { secret = SECRET, at = Date.now() } = {}): Promise<Request> {
  const body = JSON.stringify({ id: 'event_1', event, data, created_at: new Date(at).toISOString() });
  const signature = await sdk.webhooks.computeSignature(at, body, secret);
  return new Request('http://localhost:3000/api/workos-events', { method: 'POST', body, headers: { 'workos-signature': `t=${at}, v1=${signature}` } });
}

const sealedSession = () =>
  sealSession(sessionRoot(), { accessToken: 'header.payload.signature', refreshToken: 'rt_1', user: { id: 'user_1' } } as Session);

describe('handleWorkOSEvents', () => {
  it('ends a revoked session: its cookie reads as signed out', async () => {
    setUp();
    const sealed = await sealedSession();
    expect((await readSession(sessionRoot(), sealed)).status).toBe('signed-in');
    const response = await handleWorkOSEvents()(await delivery('session.revoked', { id: 'session_1', object: 'session', user_id: 'user_1' }));
    expect(response.status).toBe(204);
    expect(await readSession(sessionRoot(), sealed)).toEqual({ status: 'signed-out', reason: 'session-ended' });
  });

  it("ends every session of a deleted user and forgets a changed membership's listing", async () => {
    setUp();
    const sealed = await sealedSession();
    const list = vi.fn(async () => [{ id: 'org_1', name: 'Acme' }]);
    await sessionRoot().store.memberships.get('user_2', list, { fresh: false });
    expect((await handleWorkOSEvents()(await delivery('organization_membership.updated', { id: 'om_1', user_id: 'user_2', organization_id: 'org_1', status: 'active', role: { slug: 'admin' }, created_at: '', updated_at: '' }))).status).toBe(204);
    await sessionRoot().store.memberships.get('user_2', list, { fresh: false });
    expect(list).toHaveBeenCalledTimes(2);
    expect((await handleWorkOSEvents()(await delivery('user.deleted', { id: 'user_1', object: 'user', email: 'a@example.com' }))).status).toBe(204);
    expect(await readSession(sessionRoot(), sealed)).toEqual({ status: 'signed-out', reason: 'session-ended' });
  });

  it('refuses an unsigned, forged or stale delivery with 401 and changes nothing', async () => {
    setUp();
    const handle = handleWorkOSEvents();
    const unsigned = new Request('http://localhost:3000/api/workos-events', { method: 'POST', body: JSON.stringify({ event: 'session.revoked', data: { id: 'session_1' } }) });
    expect((await handle(unsigned)).status).toBe(401);
    expect((await handle(await delivery('session.revoked', { id: 'session_1' }, { secret: 'whsec_someone_else' }))).status).toBe(401);
    expect((await handle(await delivery('session.revoked', { id: 'session_1' }, { at: Date.now() - 10 * 60_000 }))).status).toBe(401);
    const tampered = await delivery('session.revoked', { id: 'session_other' });
    const forged = new Request(tampered.url, { method: 'POST', headers: tampered.headers, body: (await tampered.text()).replace('session_other', 'session_1') });
    expect((await handle(forged)).status).toBe(401);
    expect(sessionRoot().store.endedSessions.has('session_1')).toBe(false);
  });

  it('names WORKOS_WEBHOOK_SECRET when no secret is configured', async () => {
    setUp({});
    await expect(handleWorkOSEvents()(await delivery('session.revoked', { id: 'session_1' }))).rejects.toThrow(AuthKitConfigError);
    await expect(handleWorkOSEvents()(await delivery('session.revoked', { id: 'session_1' }))).rejects.toThrow(/^WORKOS_WEBHOOK_SECRET: is not set/);
  });
});
