/**
 * Next's data cache glue outside a Next server (where unit tests run): nothing is cached, the
 * caller keeps its own cache, and expiring tags is harmless. Inside Next, the end-to-end suite
 * counts the listing calls the cache saves.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { expireCacheTags, organizationCacheTag, throughNextCache, userCacheTag } from './next-cache.js';

const runtime = process.env.NEXT_RUNTIME;
afterEach(() => {
  process.env.NEXT_RUNTIME = runtime;
});

describe("Next's data cache", () => {
  it('is not used outside a Next server: undefined, and the loader is not called', async () => {
    let calls = 0;
    expect(await throughNextCache(['k'], ['t'], 30, async () => (calls += 1))).toBeUndefined();
    expect(calls).toBe(0);
  });

  it("inside one, a failing load throws the loader's own error (never mistaken for 'no cache')", async () => {
    process.env.NEXT_RUNTIME = 'nodejs';
    const failure = new Error('WorkOS is down');
    await expect(throughNextCache(['k'], ['t'], 30, () => Promise.reject(failure))).rejects.toBe(failure);
  });

  it('expires tags without throwing where there is nothing to expire; tags carry ids only', () => {
    expect(() => expireCacheTags([userCacheTag('user_1'), organizationCacheTag('org_1')])).not.toThrow();
    expect([userCacheTag('user_1'), organizationCacheTag('org_1')]).toEqual(['authkit:user:user_1', 'authkit:organization:org_1']);
  });
});
