import { describe, expect, it } from 'vitest';
import { refreshBufferSeconds, refreshDueAt } from './token-expiry.js';

describe('refresh buffer', () => {
  it('is 60 s for long-lived tokens and 30 s for tokens that live 5 minutes or less', () => {
    expect(refreshBufferSeconds({ iat: 0, exp: 3600 })).toBe(60);
    expect(refreshBufferSeconds({ iat: 0, exp: 300 })).toBe(30);
    expect(refreshBufferSeconds({ exp: 300 })).toBe(60);
  });

  it('puts the refresh at exp minus the buffer, in milliseconds, and nowhere for opaque tokens', () => {
    expect(refreshDueAt({ iat: 1000, exp: 4600 })).toBe(4_540_000);
    expect(refreshDueAt({ iat: 1000, exp: 1120 })).toBe(1_090_000);
    expect(refreshDueAt({})).toBeUndefined();
  });
});
