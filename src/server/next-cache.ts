import 'server-only';
/**
 * Next's data cache for what the kit fetches per user, tagged so that the kit's own actions (an
 * organisation switch, a sign-out) and the app can expire it. Tags are plain identifiers (never an
 * email or a token: Next stores them as written). Outside a Next server (tests, scripts) there is
 * no data cache, and the caller keeps its own.
 */
import { revalidateTag, unstable_cache } from 'next/cache';
import { runsInNextServer } from './config.js';

/**
 * The tag of data cached for one user; the kit expires it when that user switches organisation or
 * signs out. Tag your own per-user cache entries with it to get the same.
 * @example
 * async function getProjects(userId: string) { 'use cache'; cacheTag(userCacheTag(userId)); … }
 */
export const userCacheTag = (userId: string) => `authkit:user:${userId}`;

/**
 * The tag of data cached for one organisation; the kit expires it when the organisation's members
 * change through its actions.
 * @example
 * async function getMembers(organizationId: string) { 'use cache'; cacheTag(organizationCacheTag(organizationId)); … }
 */
export const organizationCacheTag = (organizationId: string) => `authkit:organization:${organizationId}`;

/**
 * Expires these tags now (the next read fetches afresh). Works in server actions and route
 * handlers, on Next 15 and 16; elsewhere (a render, a test) there is nothing to expire.
 */
export function expireCacheTags(tags: string[]): void {
  for (const tag of tags) {
    try {
      // Next 16 reads the profile (`expire: 0`: gone now, not served stale); Next 15 expires anyway.
      revalidateTag(tag, { expire: 0 });
    } catch {
      // Outside a server action or route handler (a script, a test) there is no cache to expire.
    }
  }
}

/**
 * `load()` through Next's data cache (kept `seconds`, tagged `tags`), or `undefined` when this
 * code does not run inside a Next server. An error from `load` itself is thrown as is.
 */
export async function throughNextCache<T>(key: string[], tags: string[], seconds: number, load: () => Promise<T>): Promise<{ value: T } | undefined> {
  // Outside a Next server `unstable_cache` either throws or (in some test runners) calls through.
  if (!runsInNextServer()) return undefined;
  let loadFailed = false;
  const guarded = async () => {
    try {
      return await load();
    } catch (error) {
      loadFailed = true;
      throw error;
    }
  };
  try {
    return { value: await unstable_cache(guarded, key, { tags, revalidate: seconds })() };
  } catch (error) {
    if (loadFailed) throw error;
    return undefined; // no data cache here (Next's "incrementalCache missing", or no Next at all)
  }
}
