/**
 * For plain Node processes running the built kit (test/support/redis-instance.mjs), resolved as
 * Next's server bundler would: `next/server` and friends get their file name (Next has no exports
 * map, the kit imports them without an extension), and `server-only` is an empty module (what it
 * is in Next's server code; outside the react-server condition it would throw).
 */
import { register } from 'node:module';

const hook = `
export async function resolve(specifier, context, next) {
  if (specifier === 'server-only') return { url: 'data:text/javascript,', shortCircuit: true };
  return next(/^next\\/(server|headers|navigation|cache)$/.test(specifier) ? specifier + '.js' : specifier, context);
}`;
register(`data:text/javascript,${encodeURIComponent(hook)}`);
