/** Emulator ids: ULID-shaped, and made later sorts later, within one millisecond too. */
import { afterEach, describe, expect, it, vi } from 'vitest';
import { newId } from './tokens.js';

afterEach(() => vi.useRealTimers());

describe('newId', () => {
  it('sorts ids made in the same millisecond in the order they were made', () => {
    vi.useFakeTimers({ toFake: ['Date'], now: Date.parse('2026-12-02T12:00:00Z') });
    const ids = Array.from({ length: 200 }, () => newId('session'));
    expect(new Set(ids).size).toBe(ids.length);
    expect([...ids].sort()).toEqual(ids);
    for (const id of ids) expect(id).toMatch(/^session_[0-9A-HJKMNP-TV-Z]{26}$/);
  });

  it('sorts by time across milliseconds, and starts a new random part in each', () => {
    vi.useFakeTimers({ toFake: ['Date'], now: Date.parse('2026-12-02T12:00:00Z') });
    const first = newId('event');
    vi.setSystemTime(Date.now() + 1);
    const second = newId('event');
    expect(second > first).toBe(true);
    expect(second.slice(0, 'event_'.length + 10)).not.toBe(first.slice(0, 'event_'.length + 10));
  });
});
