/**
 * The server face of the mock session. It goes through the same per-request `getSession()` as
 * production: the mock session is sealed with the kit's own sealing code into a cookie, and the
 * sealed value is recorded in the verified-session cache (`rememberVerifiedSession`, the seam the
 * session pipeline offers for this), so `readSession` answers from the cache instead of verifying
 * the unsigned mock token. Nothing in the kit's production code knows about mocks.
 *
 * Server modules are loaded on first use, so importing `authkit-rsc/testing` in a client-only test
 * does not pull in `server-only`.
 */
import { planChunkedCookie, sessionCookieNames } from '../shared/cookie-chunks.js';
import { ensureMockAuthEnv } from './mock-env.js';
import { serverModule } from './server-modules.js';
import { installMockDirectory } from './mock-directory.js';
import { activeCookieJar, setActive } from './mock-registry.js';
import type { MockCookieJar } from './mock-registry.js';
import { createMockSession } from './mock-session.js';
import type { MockSession } from './mock-session.js';
import type { MockAuthState } from './mock-data.js';
import { loadMockProvider } from './mock-provider.js';
import { mockRequest } from './next-headers.js';

export interface SetMockSessionOptions {
  /**
   * Where the session cookie goes: `cookies()` from the `next/headers` your tests or stories use
   * (Storybook: `@storybook/nextjs-vite/headers.mock`). @default the jar of `nextHeadersMock`
   */
  cookies?: MockCookieJar | Promise<MockCookieJar>;
}

async function serverModules() {
  const [seal, state, cache, config] = await serverModule(() => Promise.all([
    import('../server/session/session-seal.js'),
    import('../server/session/state.js'),
    import('../server/session/verified-cache.js'),
    import('../server/config.js'),
  ]));
  return { ...seal, ...state, ...cache, ...config };
}

/** Writes the session cookie (chunked like the kit does) or, for no session, clears it. */
async function writeCookie(jar: MockCookieJar, mock: MockSession): Promise<void> {
  const server = await serverModules();
  const base = server.getConfig().cookieName;
  let sealed: string | null = null;
  if (mock.status === 'signed-in' && mock.session && mock.claims) {
    sealed = await server.sealSession(mock.session);
    server.rememberVerifiedSession(sealed, server.signedIn(mock.session, mock.claims, sealed));
  }
  const existing = sessionCookieNames({ getAll: () => (jar.getAll?.() ?? []).map(({ name }) => ({ name, value: '' })) }, base);
  const { writes, deletions } = planChunkedCookie(base, sealed, existing);
  for (const name of deletions) jar.delete(name);
  for (const write of writes) jar.set(write.name, write.value);
}

/**
 * Puts a mock session in place for the server face, the mock actions and `MockAuthKitProvider`:
 * fills missing config with placeholders, writes the sealed cookie into `cookies` and marks it
 * verified. Resolves to the mock session.
 *
 * @example
 * // Vitest, with vi.mock('next/headers', …nextHeadersMock)
 * await setMockSession('admin');
 * // Storybook
 * await setMockSession('manyOrgs', { cookies: cookies() }); // cookies from '@storybook/nextjs-vite/headers.mock'
 */
export async function setMockSession(session: MockSession | MockAuthState = 'signedIn', options: SetMockSessionOptions = {}): Promise<MockSession> {
  const mock = typeof session === 'string' ? createMockSession(session) : session;
  ensureMockAuthEnv();
  installMockDirectory();
  await loadMockProvider();
  const jar = (await options.cookies) ?? activeCookieJar() ?? mockRequest.cookies();
  await writeCookie(jar, mock);
  setActive({ mock, jar });
  return mock;
}

/** Signs the mock session out (clears the cookie) and forgets it. */
export async function clearMockSession(): Promise<void> {
  const jar = activeCookieJar();
  if (jar) await writeCookie(jar, createMockSession('signedOut'));
  setActive(undefined);
}
