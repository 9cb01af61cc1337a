/** The custom `state` of getSignInUrl travels sealed and expires after a day (a link may sit in a page that long). */
import { afterEach, describe, expect, it, vi } from 'vitest';
import { setTestEnv } from '../../../test/support/env.js';
import { CUSTOM_STATE_TTL_SECONDS, sealCustomState, unsealCustomState } from './custom-state.js';
import { sessionRoot } from '../root/current-root.js';

let restore: () => void = () => {};
afterEach(() => {
  restore();
  vi.useRealTimers();
});

describe('custom state', () => {
  it('opens for a day, then is refused (a replay is possible only within that day)', async () => {
    restore = setTestEnv();
    vi.useFakeTimers({ toFake: ['Date'] });
    expect(CUSTOM_STATE_TTL_SECONDS).toBe(86_400);
    const sealed = await sealCustomState(sessionRoot(), 'plan=pro');
    vi.setSystemTime(Date.now() + 86_000_000);
    expect(await unsealCustomState(sessionRoot(), sealed)).toBe('plan=pro');
    vi.setSystemTime(Date.now() + 2 * 60 * 60_000);
    expect(await unsealCustomState(sessionRoot(), sealed)).toBeUndefined();
  });
});
