/**
 * A per-test stand-in for `next/headers`, so server code that calls `cookies()` / `headers()` runs
 * unchanged in Vitest.
 *
 * Use it in any suite (server, components, actions):
 *
 * ```ts
 * import { beforeEach, vi } from 'vitest';
 * vi.mock('next/headers', () => import('../../test/support/next-headers.js'));   // path relative to the test
 * import { nextRequest } from '../../test/support/next-headers.js';
 *
 * beforeEach(() => nextRequest.reset({ cookies: { 'wos-session': sealed }, headers: { 'x-authkit-url': '/account' } }));
 *
 * // …run the code under test…
 * nextRequest.cookieWrites;          // every cookies().set/delete, in order: { name, value, options }
 * nextRequest.cookie('wos-session'); // the jar's current value (writes are applied, as in a server action)
 * ```
 *
 * - `nextRequest.reset({ cookies, headers, readOnly })` starts a new "request". Call it in `beforeEach`.
 * - `readOnly: true` behaves like a Server Component render: `set`/`delete` throw Next's error, so
 *   a test can prove that rendering never writes cookies.
 * - A write with `maxAge: 0` or a past `expires` removes the cookie from the jar (that is how a
 *   browser treats it); it is still recorded in `cookieWrites`.
 * - `cookies()` returns the same store object until the next `reset` (Next keeps one per request).
 * - `headers()` returns a fresh `Headers` with the configured values plus a `cookie` header built
 *   from the jar (unless the test sets one).
 * - `draftMode()` is a disabled stub.
 */

export interface CookieWrite {
  name: string;
  value: string;
  options: Record<string, unknown>;
}

export interface RequestInit {
  cookies?: Record<string, string>;
  headers?: Record<string, string>;
  /** Behave like a Server Component render: cookie writes throw. */
  readOnly?: boolean;
}

const READ_ONLY_MESSAGE =
  'Cookies can only be modified in a Server Action or Route Handler. Read more: https://nextjs.org/docs/app/api-reference/functions/cookies#options';

type CookieArg = string | { name: string };

const nameOf = (arg: CookieArg) => (typeof arg === 'string' ? arg : arg.name);

function isExpiry(options: Record<string, unknown>): boolean {
  if (options.maxAge === 0) return true;
  const expires = options.expires;
  const time = expires instanceof Date ? expires.getTime() : typeof expires === 'number' ? expires : undefined;
  return time !== undefined && time <= Date.now();
}

class RequestState {
  jar = new Map<string, string>();
  headerValues: Record<string, string> = {};
  readOnly = false;
  cookieWrites: CookieWrite[] = [];

  /** `cookies()` returns one store object per request, as Next does. */
  store: ReturnType<typeof cookieStore> | undefined;

  reset(init: RequestInit = {}): void {
    this.store = undefined;
    this.jar = new Map(Object.entries(init.cookies ?? {}));
    this.headerValues = { ...(init.headers ?? {}) };
    this.readOnly = init.readOnly ?? false;
    this.cookieWrites = [];
  }

  /** The jar's current value of a cookie. */
  cookie(name: string): string | undefined {
    return this.jar.get(name);
  }

  /** The writes to one cookie name, in order. */
  writesTo(name: string): CookieWrite[] {
    return this.cookieWrites.filter((write) => write.name === name);
  }

  record(name: string, value: string, options: Record<string, unknown>): void {
    if (this.readOnly) throw new Error(READ_ONLY_MESSAGE);
    this.cookieWrites.push({ name, value, options });
    if (isExpiry(options)) this.jar.delete(name);
    else this.jar.set(name, value);
  }
}

/** The current fake request. */
export const nextRequest = new RequestState();

function cookieStore() {
  const state = nextRequest;
  const entries = () => [...state.jar].map(([name, value]) => ({ name, value }));
  return {
    get: (arg: CookieArg) => entries().find((cookie) => cookie.name === nameOf(arg)),
    getAll: (arg?: CookieArg) => (arg === undefined ? entries() : entries().filter((c) => c.name === nameOf(arg))),
    has: (name: string) => state.jar.has(name),
    get size() {
      return state.jar.size;
    },
    set(...args: [string, string, Record<string, unknown>?] | [{ name: string; value: string } & Record<string, unknown>]) {
      if (typeof args[0] === 'string') {
        state.record(args[0], args[1] ?? '', { ...(args[2] ?? {}) });
      } else {
        const { name, value, ...options } = args[0];
        state.record(name, value, options);
      }
      return this;
    },
    delete(arg: CookieArg | ({ name: string } & Record<string, unknown>)) {
      const options = typeof arg === 'string' ? {} : { ...arg, name: undefined };
      state.record(nameOf(arg), '', { ...options, maxAge: 0, expires: new Date(0) });
      return this;
    },
    toString: () => entries().map(({ name, value }) => `${name}=${encodeURIComponent(value)}`).join('; '),
    [Symbol.iterator]: () => entries().map((cookie) => [cookie.name, cookie] as const)[Symbol.iterator](),
  };
}

/** Stand-in for `cookies()` from `next/headers` (the same store object throughout one request). */
export async function cookies() {
  nextRequest.store ??= cookieStore();
  return nextRequest.store;
}

/** Stand-in for `headers()` from `next/headers`. */
export async function headers(): Promise<Headers> {
  const result = new Headers(nextRequest.headerValues);
  if (!result.has('cookie') && nextRequest.jar.size > 0) result.set('cookie', cookieStore().toString());
  return result;
}

/** Stand-in for `draftMode()` from `next/headers` (always disabled). */
export async function draftMode() {
  return { isEnabled: false, enable() {}, disable() {} };
}
