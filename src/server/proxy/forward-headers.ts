import 'server-only';
/**
 * The proxy → render hand-over (docs/internals.md §3). The forwarded request gets a Cookie header
 * holding the current sealed session, the original path and the proxy's options on signed
 * `x-authkit-*` headers;
 * every incoming `x-authkit-*` / `x-workos-*` header is removed first, so a client cannot plant one.
 *
 * The result is encoded the way `NextResponse.next({ request: { headers } })` encodes it, so the
 * `headers` of `authkit()` work as written in the reference README: `NextResponse.next({ headers })`.
 */
import { RESERVED_HEADER_PREFIXES } from '../../shared/constants.js';
import type { SessionRoot } from '../root/session-root.js';
import { writeForwardedContext, type ForwardedContext } from '../session/forwarded.js';

export interface ForwardedValues extends ForwardedContext {
  /** Cookies written on this response (name → value; '' = deleted), so `cookies()` sees them too. */
  cookieWrites?: ReadonlyMap<string, string>;
}

const OVERRIDE_PREFIX = 'x-middleware-request-';
const OVERRIDE_NAMES = 'x-middleware-override-headers';

/** True for a header only the proxy may set on a forwarded request (`x-authkit-*`, `x-workos-*`). */
export const isReservedHeader = (name: string) => RESERVED_HEADER_PREFIXES.some((prefix) => name.toLowerCase().startsWith(prefix));

/** Removes every header only the proxy may set. */
export function stripReservedHeaders(headers: Headers): Headers {
  const stripped = new Headers(headers);
  for (const name of [...stripped.keys()]) if (isReservedHeader(name)) stripped.delete(name);
  return stripped;
}

/**
 * The request headers encoded in `headers` by `writeRequestOverride` (what the render would see),
 * or `undefined` when they hold no such encoding.
 */
export function readRequestOverride(headers: Headers): Headers | undefined {
  const names = headers.get(OVERRIDE_NAMES);
  if (names === null) return undefined;
  const request = new Headers();
  for (const name of names.split(',')) {
    // An empty value is a value (a request header can be sent empty).
    const value = name ? headers.get(`${OVERRIDE_PREFIX}${name}`) : null;
    if (value !== null) request.set(name, value);
  }
  return request;
}

function cookieHeaderWith(original: string | null, writes: ReadonlyMap<string, string>): string {
  const pairs = (original ?? '')
    .split(';')
    .map((pair) => pair.trim())
    .filter((pair) => pair && !writes.has(pair.split('=')[0]!));
  for (const [name, value] of writes) if (value) pairs.push(`${name}=${encodeURIComponent(value)}`);
  return pairs.join('; ');
}

/**
 * Writes Next's request-override encoding of the request headers the render will see into the
 * response headers `response`, in one pass: the request's own headers minus reserved ones (the
 * cookie header with this response's cookie writes applied), then the signed hand-over.
 * `NextResponse.next({ headers: response })` then hands them on, as
 * `NextResponse.next({ request: { headers } })` would.
 */
export async function writeRequestOverride(root: SessionRoot, response: Headers, request: Request, values: ForwardedValues): Promise<void> {
  const { cookieWrites, ...context } = values;
  const rewriteCookie = cookieWrites !== undefined && cookieWrites.size > 0;
  const names: string[] = [];
  const forward = (name: string, value: string) => {
    response.set(`${OVERRIDE_PREFIX}${name}`, value);
    names.push(name);
  };
  for (const [name, value] of request.headers) {
    if (isReservedHeader(name) || (rewriteCookie && name === 'cookie')) continue;
    forward(name, value);
  }
  if (rewriteCookie) {
    const cookie = cookieHeaderWith(request.headers.get('cookie'), cookieWrites);
    if (cookie) forward('cookie', cookie);
  }
  names.push(...(await writeForwardedContext(root, response, context, OVERRIDE_PREFIX)));
  response.set(OVERRIDE_NAMES, names.join(','));
}

/** Responses that depend on the session must never be shared by a cache. */
export function addPrivateCacheHeaders(response: Headers, request: Request): void {
  const vary = new Set(
    (response.get('vary') ?? '').split(',').map((value) => value.trim()).filter(Boolean),
  );
  vary.add('Cookie');
  if (request.headers.has('authorization')) vary.add('Authorization');
  response.set('vary', [...vary].join(', '));
  response.set('cache-control', 'private, no-store');
  response.set('x-middleware-cache', 'no-cache');
}
