/**
 * The session read inside a `'use cache'` scope: Next's real `cookies()` refuses it (run here in the
 * store Next sets up for a cached function), and the kit's error names withAuth and the fix.
 */
import { createRequire } from 'node:module';
import { describe, expect, it, vi } from 'vitest';
import { AuthKitError } from '../../shared/errors.js';
import { explainCacheScope, requestCookies } from './request-data.js';

// Next's server installs Node's AsyncLocalStorage globally before loading its request storages
// (the ones `cookies()` consults); so do we, before any import runs.
vi.hoisted(() => {
  const { AsyncLocalStorage } = process.getBuiltinModule('node:async_hooks');
  (globalThis as { AsyncLocalStorage?: unknown }).AsyncLocalStorage ??= AsyncLocalStorage;
});
const require = createRequire(import.meta.url);
const { workAsyncStorage } = require('next/dist/server/app-render/work-async-storage.external.js');
const { workUnitAsyncStorage } = require('next/dist/server/app-render/work-unit-async-storage.external.js');

/** Runs `read` the way a `'use cache'` function body runs: a route's work store, a cache work unit. */
function inUseCache<T>(read: () => Promise<T>): Promise<T> {
  return workAsyncStorage.run({ route: '/dashboard', page: '/dashboard/page' }, () =>
    workUnitAsyncStorage.run({ type: 'cache', phase: 'render' }, read),
  );
}

describe('reading the session inside a cache scope', () => {
  it("turns Next's refusal into a coded error that names withAuth and the fix", async () => {
    const error = await inUseCache(requestCookies).then(() => undefined, (thrown: unknown) => thrown);
    expect(error).toBeInstanceOf(AuthKitError);
    expect(error).toMatchObject({ code: 'session_in_cache_scope' });
    expect((error as Error).message).toMatch(/withAuth\(\).*'use cache'.*pass what it needs as arguments.*'use cache: private'/s);
    // Next's own words stay reachable for whoever digs.
    expect(((error as Error).cause as Error).message).toMatch(/cookies\(\)/);
  });

  it('is what withAuth() throws there (it reads the request through the same wrappers)', async () => {
    const { withAuth } = await import('../auth/with-auth.js');
    await expect(inUseCache(() => withAuth())).rejects.toMatchObject({ code: 'session_in_cache_scope' });
  });

  it("accepts a stand-in that answers synchronously (Storybook's next/headers mock)", async () => {
    vi.doMock('next/headers', () => ({ headers: () => new Headers({ 'x-test': '1' }), cookies: () => ({ getAll: () => [] }) }));
    vi.resetModules();
    const fresh = await import('./request-data.js');
    expect((await fresh.requestHeaders()).get('x-test')).toBe('1');
    expect((await fresh.requestCookies()).getAll()).toEqual([]);
    vi.doUnmock('next/headers');
  });

  it('passes every other error through untouched', () => {
    const other = new Error('Route "/x" used `cookies()` inside `after()`');
    expect(explainCacheScope(other)).toBe(other);
    expect(explainCacheScope('text')).toBe('text');
  });

  it("recognises Next 15's wording too", () => {
    const next15 = new Error('Route /x used "cookies" inside "use cache". Accessing Dynamic data sources inside a cache scope is not supported.');
    expect(explainCacheScope(next15)).toMatchObject({ code: 'session_in_cache_scope' });
  });
});
