/**
 * A stand-in for `next/headers` in unit tests, so server components and server code run unchanged
 * outside Next. `setMockSession` writes the session cookie here unless told otherwise.
 *
 * @example
 * vi.mock('next/headers', async () => (await import('authkit-rsc/testing')).nextHeadersMock);
 */

interface RequestState {
  cookies: Map<string, string>;
  headers: Record<string, string>;
}

const state: RequestState = { cookies: new Map(), headers: {} };

const entries = () => [...state.cookies].map(([name, value]) => ({ name, value }));
const nameOf = (arg: string | { name: string }) => (typeof arg === 'string' ? arg : arg.name);

/** A `cookies()` store over the current mock request (reads and writes go to the same jar). */
function cookieStore() {
  return {
    get: (name: string | { name: string }) => entries().find((cookie) => cookie.name === nameOf(name)),
    getAll: (name?: string | { name: string }) => (name === undefined ? entries() : entries().filter((c) => c.name === nameOf(name))),
    has: (name: string) => state.cookies.has(name),
    set(name: string | { name: string; value: string }, value?: string) {
      if (typeof name === 'string') state.cookies.set(name, value ?? '');
      else state.cookies.set(name.name, name.value);
      return this;
    },
    delete(name: string | { name: string }) {
      state.cookies.delete(nameOf(name));
      return this;
    },
    get size() {
      return state.cookies.size;
    },
    toString: () => entries().map(({ name, value }) => `${name}=${encodeURIComponent(value)}`).join('; '),
  };
}

/** The current mock request: its cookies and headers. */
export const mockRequest = {
  /** Starts a new request with these cookies and headers (default: none). */
  reset({ cookies = {}, headers = {} }: { cookies?: Record<string, string>; headers?: Record<string, string> } = {}): void {
    state.cookies = new Map(Object.entries(cookies));
    state.headers = { ...headers };
  },
  /** The request's cookie store (what `cookies()` resolves to). */
  cookies: cookieStore,
  /** The value of one cookie. */
  cookie: (name: string): string | undefined => state.cookies.get(name),
};

/** Module-shaped `next/headers` replacement: `cookies()`, `headers()`, `draftMode()`. */
export const nextHeadersMock = {
  cookies: async () => cookieStore(),
  headers: async () => {
    const headers = new Headers(state.headers);
    if (!headers.has('cookie') && state.cookies.size > 0) headers.set('cookie', cookieStore().toString());
    return headers;
  },
  draftMode: async () => ({ isEnabled: false, enable() {}, disable() {} }),
};
