/** Fault injection as the SDK sees it, retries that must not burn tokens, counters and reset. */
import { GenericServerException, OauthException, RateLimitExceededException } from '@workos-inc/node';
import { afterEach, describe, expect, it } from 'vitest';
import type { Emulator } from './index.js';
import { controlRequest, rejectionOf, sdkFor, signIn, emulatorPerSuite } from '../../test/support/emulator-harness.js';

const AUTHENTICATE = 'POST /user_management/authenticate';
let emulator: Emulator;
emulatorPerSuite((started) => (emulator = started));
afterEach(() => emulator.control.reset());

async function freshSession() {
  return signIn(sdkFor(emulator), 'bob@example.com');
}

describe('faults seen by the SDK', () => {
  it('429 with Retry-After surfaces as RateLimitExceededException and spends nothing', async () => {
    const { refreshToken } = await freshSession();
    emulator.control.injectFault({ endpoint: AUTHENTICATE, status: 429, retry_after: 7 });
    const workos = sdkFor(emulator, { maxRetries: 0 });
    const error = await rejectionOf(workos.userManagement.authenticateWithRefreshToken({ refreshToken }));
    expect(error).toBeInstanceOf(RateLimitExceededException);
    expect(error).toMatchObject({ status: 429, retryAfter: 7, message: 'Too many requests' });
    expect(error.requestID).toBeTruthy();
    await workos.userManagement.authenticateWithRefreshToken({ refreshToken });
  });

  it.each([500, 503] as const)('%i surfaces as GenericServerException', async (status) => {
    emulator.control.injectFault({ endpoint: 'GET /user_management/users/:id', status });
    const workos = sdkFor(emulator, { maxRetries: 0 });
    const error = await rejectionOf(workos.userManagement.getUser('user_bob'));
    expect(error).toBeInstanceOf(GenericServerException);
    expect(error).toMatchObject({ status });
    expect((await workos.userManagement.getUser('user_bob')).id).toBe('user_bob');
  });

  it('a dropped connection surfaces as a network failure', async () => {
    emulator.control.injectFault({ endpoint: 'GET /organizations/:id', drop: true });
    const error = await rejectionOf(sdkFor(emulator, { maxRetries: 0 }).organizations.getOrganization('org_acme'));
    expect(error.message).toMatch(/fetch failed/);
    expect((await sdkFor(emulator).organizations.getOrganization('org_acme')).id).toBe('org_acme');
  });

  it('latency beyond the SDK timeout surfaces as its synthetic 408', async () => {
    emulator.control.injectFault({ endpoint: 'GET /user_management/users/:id', latency_ms: 400 });
    const error = await rejectionOf(sdkFor(emulator, { maxRetries: 0, timeout: 50 }).userManagement.getUser('user_bob'));
    expect(error).toBeInstanceOf(OauthException);
    expect(error).toMatchObject({ status: 408 });
  });
});

describe('retries do not burn tokens', () => {
  it('5xx before handling: the retried refresh succeeds on the same token', async () => {
    const { refreshToken } = await freshSession();
    emulator.control.resetCounters();
    emulator.control.injectFault({ endpoint: AUTHENTICATE, status: 503, retry_after: 0, times: 2 });
    const refreshed = await sdkFor(emulator, { maxRetries: 3 }).userManagement.authenticateWithRefreshToken({ refreshToken });
    expect(emulator.control.counters()[AUTHENTICATE]).toBe(3);
    await sdkFor(emulator).userManagement.authenticateWithRefreshToken({ refreshToken: refreshed.refreshToken });
  });

  it.each([
    ['a 503', { status: 503 as const, retry_after: 0 }],
    ['a dropped connection', { drop: true }],
  ])('%s after handling: the retry replays the answer by Idempotency-Key, even with no grace window', async (_case, fault) => {
    emulator.control.setConfig({ refresh_grace_seconds: 0 });
    const { refreshToken } = await freshSession();
    emulator.control.injectFault({ endpoint: AUTHENTICATE, when: 'after', ...fault });
    const workos = sdkFor(emulator, { maxRetries: 1 });
    const refreshed = await workos.userManagement.authenticateWithRefreshToken({ refreshToken });
    // The first attempt really spent the token: a new request (new key) is refused …
    const reuse = await rejectionOf(workos.userManagement.authenticateWithRefreshToken({ refreshToken }));
    expect(reuse).toMatchObject({ error: 'invalid_grant' });
    // … and the replayed successor is live.
    await workos.userManagement.authenticateWithRefreshToken({ refreshToken: refreshed.refreshToken });
  });

  it('a lost code-exchange response is replayed too', async () => {
    const workos = sdkFor(emulator, { maxRetries: 1 });
    emulator.control.injectFault({ endpoint: AUTHENTICATE, when: 'after', status: 500, retry_after: 0 });
    const result = await signIn(workos, 'alice@example.com', { choose: 'org_acme' });
    expect(result.organizationId).toBe('org_acme');
  });
});

describe('the control surface', () => {
  it('counts requests per endpoint over HTTP and in process', async () => {
    const workos = sdkFor(emulator);
    await workos.userManagement.getUser('user_bob');
    await workos.userManagement.getUser('user_alice');
    await workos.organizations.getOrganization('org_acme');
    const response = await fetch(`${emulator.url}/_emulator/counters`);
    expect(await response.json()).toEqual({
      counters: { 'GET /user_management/users/:id': 2, 'GET /organizations/:id': 1 },
    });
    await controlRequest(emulator, 'DELETE', 'counters');
    expect(emulator.control.counters()).toEqual({});
  });

  it('injects, lists and clears faults over HTTP, rejecting bad specs with the field named', async () => {
    const post = (body: unknown) => controlRequest(emulator, 'POST', 'faults', body);
    const created = await post({ endpoint: 'GET /organizations/:id', status: 503, times: 2 });
    expect(created.status).toBe(201);
    expect((await created.json()).fault).toMatchObject({ endpoint: 'GET /organizations/:id', status: 503, remaining: 2, when: 'before' });
    await expect(sdkFor(emulator, { maxRetries: 0 }).organizations.getOrganization('org_acme')).rejects.toMatchObject({ status: 503 });
    expect((await (await fetch(`${emulator.url}/_emulator/faults`)).json()).faults).toMatchObject([{ remaining: 1 }]);
    await controlRequest(emulator, 'DELETE', 'faults');
    expect((await sdkFor(emulator, { maxRetries: 0 }).organizations.getOrganization('org_acme')).id).toBe('org_acme');

    const bad = await post({ endpoint: 'GET /nowhere', status: 418 });
    expect(bad.status).toBe(400);
    const message = (await bad.json()).message as string;
    expect(message).toMatch(/endpoint: unknown endpoint 'GET \/nowhere'/);
    expect(message).toMatch(/status: expected one of/);
    expect(() => emulator.control.injectFault({ endpoint: AUTHENTICATE })).toThrow(/at least one of status, latency_ms or drop/);
  });

  it('updates the runtime config over HTTP', async () => {
    const patch = await controlRequest(emulator, 'PATCH', 'config', { access_token_ttl_seconds: 42, refresh_grace_seconds: 5 });
    expect(await patch.json()).toEqual({ config: { access_token_ttl_seconds: 42, refresh_grace_seconds: 5, step_up_redirect: true } });
    expect(emulator.control.config()).toEqual({ access_token_ttl_seconds: 42, refresh_grace_seconds: 5, step_up_redirect: true });
    expect(() => emulator.control.setConfig({ refresh_grace_seconds: -1 })).toThrow(/refresh_grace_seconds/);
  });

  it('reset ends sessions and restores the seed, config, counters and faults', async () => {
    const { refreshToken } = await freshSession();
    emulator.control.setConfig({ access_token_ttl_seconds: 10 });
    emulator.control.injectFault({ endpoint: 'GET /health', status: 500, times: 5 });
    const response = await controlRequest(emulator, 'POST', 'reset');
    expect(await response.json()).toEqual({ reset: true });
    expect(emulator.control.faults()).toEqual([]);
    expect(emulator.control.counters()).toEqual({});
    expect(emulator.control.config().access_token_ttl_seconds).toBe(300);
    const error = await rejectionOf(sdkFor(emulator).userManagement.authenticateWithRefreshToken({ refreshToken }));
    expect(error).toMatchObject({ error: 'invalid_grant' });
  });
});
