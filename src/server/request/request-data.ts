import 'server-only';
/**
 * The request's cookies and headers, as the kit reads them. Inside a `'use cache'` (or
 * `unstable_cache`) scope Next refuses both, because a cached result must not depend on the
 * request; its error names `cookies()`, which the caller never wrote. This turns it into one that
 * names the kit's call and says what to do instead.
 */
import { cookies, headers } from 'next/headers';
import { AuthKitError } from '../../shared/errors.js';

// Next 16: "`cookies()` can't be read inside `"use cache"`"; Next 15: "used "cookies" inside "use cache"".
const IN_CACHE_SCOPE = /inside\W+(?:"use cache|use cache|unstable_cache)/;

/** Explains a request read refused inside a cache scope; any other error passes through unchanged. */
export function explainCacheScope(error: unknown): unknown {
  if (!(error instanceof Error) || !IN_CACHE_SCOPE.test(error.message)) return error;
  return new AuthKitError(
    'session_in_cache_scope',
    "withAuth() (and every gate, getSession(), getSignInUrl()) reads the request's session cookie, which a 'use cache' " +
      'scope cannot see. Read the session outside the cached function and pass what it needs as arguments, e.g. ' +
      "`const { user, organizationId } = await withAuth(); return getProjects(organizationId);` with 'use cache' " +
      "inside getProjects, or use 'use cache: private', which may read the session.",
    { cause: error },
  );
}

// Not an async function: a plain `.catch` costs one promise where `return await` costs several,
// and every request pays it (an anonymous `withAuth()` does little else). `Promise.resolve`: some
// stand-ins (Storybook's) answer synchronously; a native promise passes through it as it is.
function read<T>(source: () => Promise<T>): Promise<T> {
  const explain = (error: unknown): never => {
    throw explainCacheScope(error);
  };
  try {
    return Promise.resolve(source()).catch(explain);
  } catch (error) {
    return Promise.reject(explainCacheScope(error));
  }
}

/** `cookies()`, with a cache-scope refusal explained. */
export const requestCookies = () => read(cookies);

/** `headers()`, with a cache-scope refusal explained. */
export const requestHeaders = () => read(headers);
