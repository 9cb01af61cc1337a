/**
 * A stand-in for `next/headers` in unit tests, so server components, server actions and route
 * handler code run unchanged outside Next. `setMockSession` writes the session cookie here unless
 * told otherwise; the kit's own suites use it too.
 *
 * - `mockRequest.reset({ cookies, headers, readOnly })` starts a new "request" (call it in `beforeEach`).
 * - `readOnly: true` behaves like a Server Component render: `set`/`delete` throw Next's error, so
 *   a test can prove that rendering never writes cookies.
 * - Every write is recorded (`mockRequest.cookieWrites`, `writesTo(name)`) with its options; one
 *   with `maxAge: 0` or a past `expires` removes the cookie from the jar, as a browser would.
 * - `cookies()` returns the same store until the next `reset` (Next keeps one per request);
 *   `headers()` returns the request's headers plus a `cookie` header (unless the test sets one)
 *   built from the cookies the request arrived with (`reset`, then `setMockSession`), the same
 *   object until the next `reset`: as in Next, a cookie an action writes shows in `cookies()`,
 *   never in `headers()`. `draftMode()` is a
 *   disabled stub.
 *
 * @example
 * vi.mock('next/headers', async () => (await import('authkit-rsc/testing')).nextHeadersMock);
 * beforeEach(() => mockRequest.reset({ cookies: { theme: 'dark' }, headers: { 'x-forwarded-host': 'app.example.com' } }));
 */

/** One `cookies().set`/`delete` of the current request. */
export interface MockCookieWrite {
  name: string;
  value: string;
  options: Record<string, unknown>;
}

/** What a mock request starts with. */
export interface MockRequestInit {
  cookies?: Record<string, string>;
  headers?: Record<string, string>;
  /** Behave like a Server Component render: cookie writes throw. @default false */
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

const request = {
  jar: new Map<string, string>(),
  headers: {} as Record<string, string>,
  readOnly: false,
  writes: [] as MockCookieWrite[],
  store: undefined as ReturnType<typeof cookieStore> | undefined,
  /** What `headers()` resolves to: one object per request, as in Next, with the cookies it arrived with. */
  arrived: new Headers(),
};

function record(name: string, value: string, options: Record<string, unknown>): void {
  if (request.readOnly) throw new Error(READ_ONLY_MESSAGE);
  request.writes.push({ name, value, options });
  if (isExpiry(options)) request.jar.delete(name);
  else request.jar.set(name, value);
}

/** A jar as a `Cookie` header: `name=value` pairs, values URI-encoded, as a browser sends them. */
const serialize = (jar: ReadonlyMap<string, string>) => [...jar].map(([name, value]) => `${name}=${encodeURIComponent(value)}`).join('; ');

/** The request's headers plus a `cookie` header made from the jar as it is now (unless the test set one). */
function arrivedHeaders(): Headers {
  const headers = new Headers(request.headers);
  if (!headers.has('cookie') && request.jar.size > 0) headers.set('cookie', serialize(request.jar));
  return headers;
}

/** A `cookies()` store over the current mock request (reads and writes go to the same jar). */
function cookieStore() {
  const entries = () => [...request.jar].map(([name, value]) => ({ name, value }));
  return {
    get: (arg: CookieArg) => entries().find((cookie) => cookie.name === nameOf(arg)),
    getAll: (arg?: CookieArg) => (arg === undefined ? entries() : entries().filter((cookie) => cookie.name === nameOf(arg))),
    has: (name: string) => request.jar.has(name),
    get size() {
      return request.jar.size;
    },
    set(...args: [string, string, Record<string, unknown>?] | [{ name: string; value: string } & Record<string, unknown>]) {
      if (typeof args[0] === 'string') record(args[0], args[1] ?? '', { ...(args[2] ?? {}) });
      else {
        const { name, value, ...options } = args[0];
        record(name, value, options);
      }
      return this;
    },
    delete(arg: CookieArg | ({ name: string } & Record<string, unknown>)) {
      const options = typeof arg === 'string' ? {} : { ...arg, name: undefined };
      record(nameOf(arg), '', { ...options, maxAge: 0, expires: new Date(0) });
      return this;
    },
    toString: () => serialize(request.jar),
    [Symbol.iterator]: () => entries().map((cookie) => [cookie.name, cookie] as const)[Symbol.iterator](),
  };
}

/** The current mock request: start one, read its cookies, see what was written. */
export const mockRequest = {
  /** Starts a new request with these cookies and headers (default: none). */
  reset(init: MockRequestInit = {}): void {
    request.jar = new Map(Object.entries(init.cookies ?? {}));
    request.headers = { ...(init.headers ?? {}) };
    request.arrived = arrivedHeaders();
    request.readOnly = init.readOnly ?? false;
    request.writes = [];
    request.store = undefined;
  },
  /** Counts the jar as it is now as what the request arrived with (`setMockSession` calls it). */
  arrive(): void {
    request.arrived = arrivedHeaders();
  },
  /** Whether cookie writes throw, as in a Server Component render (set it to go on as an action). */
  get readOnly(): boolean {
    return request.readOnly;
  },
  set readOnly(value: boolean) {
    request.readOnly = value;
  },
  /** The request's cookie store (what `cookies()` resolves to). */
  cookies: () => (request.store ??= cookieStore()),
  /** The jar's current value of one cookie (writes applied). */
  cookie: (name: string): string | undefined => request.jar.get(name),
  /** Every cookie in the jar now (writes applied). */
  cookieJar: (): Record<string, string> => Object.fromEntries(request.jar),
  /** Every write of this request, in order. */
  get cookieWrites(): readonly MockCookieWrite[] {
    return request.writes;
  },
  /** The writes to one cookie name, in order. */
  writesTo: (name: string): MockCookieWrite[] => request.writes.filter((write) => write.name === name),
};

/** Module-shaped `next/headers` replacement: `cookies()`, `headers()`, `draftMode()`. */
export const nextHeadersMock = {
  cookies: async () => mockRequest.cookies(),
  headers: async () => request.arrived,
  draftMode: async () => ({ isEnabled: false, enable() {}, disable() {} }),
};
