/**
 * The two ways an app is built: with Cache Components (Next inlines `__NEXT_CACHE_COMPONENTS`,
 * which the kit's config reads) and without. Suites that behave differently run once per mode.
 */
import { afterEach, beforeEach } from 'vitest';

export const BUILD_MODES = [['without Cache Components', false], ['with Cache Components', true]] as const;

/** Sets the build mode for each test of the enclosing suite. */
export function buildWithCacheComponents(enabled: boolean): void {
  beforeEach(() => {
    if (enabled) process.env.__NEXT_CACHE_COMPONENTS = 'true';
    else delete process.env.__NEXT_CACHE_COMPONENTS;
  });
  afterEach(() => {
    delete process.env.__NEXT_CACHE_COMPONENTS;
  });
}
