/**
 * Module resolution hooks for the bench process (registered by ./register.mjs). They give both
 * packages what Next's server bundler gives them, and nothing more:
 *
 * - `next/headers` → ./next-headers.mjs, a per-request store (AsyncLocalStorage) the bench fills
 *   with the request's headers and cookies, as the server tests replace it with
 *   test/support/next-headers.ts;
 * - `next/navigation` → Next's own react-server build of it (what Next's RSC layer aliases it to;
 *   the default build creates client contexts, which the react-server React has not got).
 *
 * - `next/server`, `next/cache`, …: Next has no `exports` map, so Node's ESM resolver cannot find
 *   extensionless subpaths that a bundler finds; they get their `.js` (the reference writes them so).
 *
 * `server-only` needs no hook: the process runs with `--conditions=react-server`, under which it
 * resolves to its empty module, and `react` to its server build (a real `cache()`).
 */
const NEXT_HEADERS = new URL('./next-headers.mjs', import.meta.url).href;

export async function resolve(specifier, context, nextResolve) {
  if (specifier === 'next/headers' || specifier === 'next/headers.js') return { url: NEXT_HEADERS, shortCircuit: true };
  if (specifier === 'next/navigation' || specifier === 'next/navigation.js') {
    return nextResolve('next/dist/client/components/navigation.react-server.js', context);
  }
  if (/^next\/[\w-]+$/.test(specifier)) return nextResolve(`${specifier}.js`, context);
  return nextResolve(specifier, context);
}
