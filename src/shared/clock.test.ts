/** The kit's clock: the wall clock's time without reading `Date` (clock.ts says why). */
import { afterEach, describe, expect, it, vi } from 'vitest';
import { currentTimeMs, syncClock } from './clock.js';

const realNow = Date.now;

/**
 * Installs `now` as `Date.now` the way Next's `Date` extension does: a bound function, which
 * prints as native code (so the clock does not take it for a test's fake).
 */
function extendDateNow(now: () => number): void {
  Date.now = now.bind(null);
}

afterEach(() => {
  Date.now = realNow;
  vi.useRealTimers();
  syncClock();
});

describe('currentTimeMs', () => {
  it("tells the wall clock's time without calling Date.now(), which Next watches in a render", () => {
    let calls = 0;
    extendDateNow(() => {
      calls += 1;
      return realNow.call(Date);
    });
    const read = currentTimeMs();
    expect(calls).toBe(0);
    expect(Math.abs(read - realNow.call(Date))).toBeLessThan(50);
  });

  it('takes a step of the wall clock on the next sync, not before', () => {
    extendDateNow(() => realNow.call(Date) + 3_600_000);
    expect(Math.abs(currentTimeMs() - realNow.call(Date))).toBeLessThan(50);
    syncClock();
    expect(Math.abs(currentTimeMs() - (realNow.call(Date) + 3_600_000))).toBeLessThan(50);
  });

  it('follows a fake Date (vi.useFakeTimers), so tests can move time', () => {
    vi.useFakeTimers({ toFake: ['Date'], now: Date.parse('2030-01-01T00:00:00Z') });
    expect(currentTimeMs()).toBe(Date.parse('2030-01-01T00:00:00Z'));
    vi.setSystemTime(Date.parse('2030-01-01T01:00:00Z'));
    expect(currentTimeMs()).toBe(Date.parse('2030-01-01T01:00:00Z'));
    vi.useRealTimers();
    expect(Math.abs(currentTimeMs() - Date.now())).toBeLessThan(50);
  });
});
