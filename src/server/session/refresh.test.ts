/**
 * Single-flight refresh against the emulator: concurrency, the outcome cache, org switches, and
 * the transient/terminal split (which errors are which: refresh-errors.test.ts).
 */
import { setTimeout as realSleep } from 'node:timers/promises';
import { describe, expect, it, vi } from 'vitest';
import { emulatorSuite } from '../../../test/support/emulator-suite.js';
import { mintSession } from '../../../test/support/sessions.js';
import { readSession } from './read-session.js';
import { refreshErrorCode } from './refresh-errors.js';
import { refreshTokens } from './refresh.js';
import type { ExpiredState, SignedInState } from './session-state.js';
import { sessionRoot } from '../root/current-root.js';

const AUTHENTICATE = 'POST /user_management/authenticate';
const suite = emulatorSuite();

async function expiredSession(input = {}): Promise<ExpiredState> {
  vi.useFakeTimers({ toFake: ['Date'] });
  const { sealed } = await mintSession(suite.emulator, { expires_in: 60, ...input });
  vi.setSystemTime(Date.now() + 61_000);
  const state = await readSession(sessionRoot(), sealed);
  expect(state.status).toBe('expired');
  return state as ExpiredState;
}

describe('refreshTokens', () => {
  it('makes one WorkOS call for 20 concurrent refreshes and gives all of them the new session', async () => {
    const state = await expiredSession();
    suite.emulator.control.resetCounters();
    const outcomes = await Promise.all(Array.from({ length: 20 }, () => refreshTokens(sessionRoot(), state)));
    expect(suite.emulator.control.counters()[AUTHENTICATE]).toBe(1);
    const sealedValues = new Set(outcomes.map((outcome) => (outcome.ok ? outcome.state.sealed : 'failed')));
    expect(sealedValues.size).toBe(1);
    const [first] = outcomes;
    expect(first!.ok && first!.state.claims.sid).toBe(state.claims.sid);
    expect(first!.ok && first!.state.session.refreshToken).not.toBe(state.session.refreshToken);
  });

  it('hands a late request with the old cookie the same outcome, without another call', async () => {
    const state = await expiredSession();
    const first = await refreshTokens(sessionRoot(), state);
    vi.setSystemTime(Date.now() + 20_000);
    const late = await refreshTokens(sessionRoot(), state);
    expect(late).toBe(first);
    expect(suite.emulator.control.counters()[AUTHENTICATE]).toBe(1);
  });

  it('verifies nothing twice: the new session reads as signed in from the cache', async () => {
    const state = await expiredSession();
    const outcome = await refreshTokens(sessionRoot(), state);
    expect(outcome.ok).toBe(true);
    if (!outcome.ok) return;
    expect(await readSession(sessionRoot(), outcome.state.sealed)).toBe(outcome.state);
  });

  it('a plain refresh racing a switch of the same token never loses the session', async () => {
    // The plain refresh names no organisation, so WorkOS's replay of the spent token (within its
    // grace window) is never refused as "exchanged for another organization".
    const first = await expiredSession({ organization_id: 'org_acme', email: 'alice@example.com' });
    const [plain, late] = await Promise.all([refreshTokens(sessionRoot(), first), refreshTokens(sessionRoot(), first, { organizationId: 'org_globex' })]);
    expect(plain.ok && plain.state.info.organizationId).toBe('org_acme');
    expect(!late.ok && refreshErrorCode(late.error)).toBe('invalid_grant'); // the switch is refused, and can be tried again
    vi.useRealTimers();
    const second = await expiredSession({ organization_id: 'org_acme', email: 'alice@example.com' });
    const [switched, replay] = await Promise.all([refreshTokens(sessionRoot(), second, { organizationId: 'org_globex' }), refreshTokens(sessionRoot(), second)]);
    expect(switched.ok && switched.state.info.organizationId).toBe('org_globex');
    expect(replay.ok && replay.state.info.organizationId).toBe('org_globex'); // the switch's answer, replayed
  });

  it('a "switch" into the current organisation is a plain refresh (one flight)', async () => {
    const state = await expiredSession({ organization_id: 'org_acme' });
    suite.emulator.control.resetCounters();
    const [a, b] = await Promise.all([refreshTokens(sessionRoot(), state), refreshTokens(sessionRoot(), state, { organizationId: 'org_acme' })]);
    expect(a).toBe(b);
    expect(suite.emulator.control.counters()[AUTHENTICATE]).toBe(1);
  });

  it('keeps the organisation across a refresh and switches it on request', async () => {
    const state = await expiredSession({ organization_id: 'org_acme' });
    const kept = await refreshTokens(sessionRoot(), state);
    expect(kept.ok && kept.state.info.organizationId).toBe('org_acme');
    if (!kept.ok) return;
    const switched = await refreshTokens(sessionRoot(), kept.state as SignedInState, { organizationId: 'org_globex' });
    expect(switched.ok && switched.state.info).toMatchObject({ organizationId: 'org_globex', role: 'member' });
  });

  it('treats a rejected refresh token as terminal (invalid_grant)', async () => {
    const state = await expiredSession();
    const outcome = await refreshTokens(sessionRoot(), { ...state, session: { ...state.session, refreshToken: 'not-a-real-token' } });
    expect(outcome.ok).toBe(false);
    if (outcome.ok) return;
    expect(outcome.error).toMatchObject({ name: 'TokenRefreshError', code: 'token_refresh_failed', isTransient: false, userId: 'user_alice' });
    expect(refreshErrorCode(outcome.error)).toBe('invalid_grant');
    expect(outcome.error.message).not.toContain('not-a-real-token');
  });

  it('treats an outage as transient and backs off (5 s, 10 s, … 60 s, no call meanwhile), then succeeds once WorkOS is back', async () => {
    const state = await expiredSession();
    vi.useFakeTimers({ now: Date.now(), toFake: ['Date'] });
    suite.emulator.control.injectFault({ endpoint: AUTHENTICATE, status: 503, retry_after: 0, times: 1000 });
    const calls = () => suite.emulator.control.counters()[AUTHENTICATE] ?? 0;
    const failed = await refreshTokens(sessionRoot(), state);
    expect(!failed.ok && failed.error.isTransient).toBe(true);
    const attempts = calls(); // the SDK's own retries of one refresh
    const gaps: number[] = [];
    let last = Date.now();
    for (let second = 0; second < 200; second += 1) {
      vi.setSystemTime(Date.now() + 1000);
      const outcome = await refreshTokens(sessionRoot(), state);
      expect(!outcome.ok && outcome.retryAtMs! > Date.now()).toBe(true);
      if (calls() > attempts * (gaps.length + 1)) {
        gaps.push(Math.round((Date.now() - last) / 1000));
        last = Date.now();
      }
    }
    expect(gaps).toEqual([5, 10, 20, 40, 60, 60]);
    suite.emulator.control.clearFaults();
    vi.setSystemTime(Date.now() + 60_000);
    expect((await refreshTokens(sessionRoot(), state)).ok).toBe(true);
  });

  // Found by test/hardening/faults.test.ts: with WorkOS slower than the SDK's 60 s timeout, four
  // attempts kept a page load waiting about four minutes.
  it('answers a slow WorkOS within 10 s as transient, while the refresh goes on for later callers', async () => {
    const state = await expiredSession();
    vi.useFakeTimers({ now: Date.now(), toFake: ['Date', 'setTimeout', 'clearTimeout'] });
    suite.emulator.control.injectFault({ endpoint: AUTHENTICATE, latency_ms: 30_000, drop: true, times: 4 });
    const first = refreshTokens(sessionRoot(), state);
    await realSleep(50); // the request reaches the emulator (real time)
    await vi.advanceTimersByTimeAsync(10_000);
    const outcome = await first;
    expect(!outcome.ok && outcome.error.isTransient).toBe(true);
    expect(!outcome.ok && (outcome.error.cause as Error).name).toBe('RefreshTimeout');
    const second = refreshTokens(sessionRoot(), state); // joins the flight still under way
    await vi.advanceTimersByTimeAsync(10_000);
    expect((await second).ok).toBe(false);
    expect(suite.emulator.control.counters()[AUTHENTICATE]).toBe(1);
    for (let passed = 0; passed < 300_000; passed += 1000) {
      await vi.advanceTimersByTimeAsync(1000); // let the SDK's timeouts and retries play out
      await realSleep(2);
    }
  });

  it('treats a refused organisation switch (SSO required) as a failure of the switch only', async () => {
    const state = await expiredSession({ email: 'dave@example.com', organization_id: 'org_globex' });
    const outcome = await refreshTokens(sessionRoot(), state, { organizationId: 'org_initech' });
    expect(!outcome.ok && refreshErrorCode(outcome.error)).toBe('sso_required');
    const plain = await refreshTokens(sessionRoot(), state);
    expect(plain.ok).toBe(true); // the refresh token was not spent by the refused switch
  });
});
