/**
 * The bench's `next/headers`: `headers()` and `cookies()` of the request the bench is serving,
 * kept in an AsyncLocalStorage, so code awaited anywhere inside `inRequest()` sees its request,
 * as in Next. Both packages get the same stand-in. `cookies()` returns one store per request.
 */
import { AsyncLocalStorage } from 'node:async_hooks';

const storage = new AsyncLocalStorage();

function parseCookies(header) {
  const jar = new Map();
  for (const pair of (header ?? '').split(';')) {
    const at = pair.indexOf('=');
    if (at < 1) continue;
    const name = pair.slice(0, at).trim();
    const raw = pair.slice(at + 1).trim();
    let value = raw;
    try { value = decodeURIComponent(raw); } catch { /* keep raw */ }
    if (!jar.has(name)) jar.set(name, value);
  }
  return jar;
}

function cookieStore(jar) {
  const entry = (name) => (jar.has(name) ? { name, value: jar.get(name) } : undefined);
  const nameOf = (arg) => (typeof arg === 'string' ? arg : arg.name);
  return {
    get: (arg) => entry(nameOf(arg)),
    getAll: (arg) => [...jar.keys()].filter((name) => arg === undefined || name === nameOf(arg)).map(entry),
    has: (name) => jar.has(name),
    get size() { return jar.size; },
    set() { throw new Error('Cookies can only be modified in a Server Action or Route Handler.'); },
    delete() { throw new Error('Cookies can only be modified in a Server Action or Route Handler.'); },
    toString: () => [...jar].map(([name, value]) => `${name}=${encodeURIComponent(value)}`).join('; '),
  };
}

/** Runs `fn` as the handling of one request with these headers (cookies come from its `cookie`). */
export function inRequest(requestHeaders, fn) {
  const headers = new Headers(requestHeaders);
  return storage.run({ headers, store: undefined }, fn);
}

function current() {
  const request = storage.getStore();
  if (!request) throw new Error('next/headers was called outside a request scope (bench stand-in).');
  return request;
}

export async function headers() {
  return current().headers;
}

export async function cookies() {
  const request = current();
  request.store ??= cookieStore(parseCookies(request.headers.get('cookie')));
  return request.store;
}

export async function draftMode() {
  return { isEnabled: false, enable() {}, disable() {} };
}
