/**
 * The server face of the mock session. It goes through the same per-request `getSession()` as
 * production: the mock session is sealed with the kit's own sealing code into a cookie, and the
 * kit's session root is rebuilt with two test seams (`bindSessionSeams`): a token reader that
 * skips verification (the mock token's signature is a placeholder) and a fetch that answers the
 * memberships listing from the mock session (mock-directory.ts). No production cache is written
 * and no global is patched; `clearMockSession` puts the defaults back.
 *
 * Server modules are loaded on first use, so importing `authkit-rsc/testing` in a client-only test
 * does not pull in `server-only`.
 */
import { planChunkedCookie, sessionCookieNames } from '../shared/cookie-chunks.js';
import { mockDirectoryFetch } from './mock-directory.js';
import { ensureMockAuthEnv } from './mock-env.js';
import { loadMockProvider } from './mock-provider.js';
import { activeCookieJar, setActive, type MockCookieJar } from './mock-registry.js';
import { createMockSession, readMockAccessToken, type MockSession } from './mock-session.js';
import type { MockAuthState } from './mock-data.js';
import { mockRequest } from './next-headers.js';
import { serverModule } from './server-modules.js';

export interface SetMockSessionOptions {
  /**
   * Where the session cookie goes: `cookies()` from the `next/headers` your tests or stories use
   * (Storybook: `@storybook/nextjs-vite/headers.mock`). @default the jar of `nextHeadersMock`
   */
  cookies?: MockCookieJar | Promise<MockCookieJar>;
}

const serverModules = () => serverModule(async () => ({
  ...(await import('../server/root/current-root.js')),
  ...(await import('../server/session/session-seal.js')),
}));

let unbindSeams: (() => void) | undefined;

/** The kit's session root with the mock seams bound (once, until `clearMockSession`). */
async function mockRoot() {
  const server = await serverModules();
  unbindSeams ??= server.bindSessionSeams({ verifyAccessToken: readMockAccessToken, fetch: mockDirectoryFetch });
  return { server, root: server.sessionRoot() };
}

/** Writes the session cookie (chunked like the kit does) or, for no session, clears it. */
async function writeCookie(jar: MockCookieJar, mock: MockSession): Promise<void> {
  const { server, root } = await mockRoot();
  const base = root.config.cookieName;
  const sealed = mock.status === 'signed-in' && mock.session ? await server.sealSession(root, mock.session) : null;
  const present = (jar.getAll?.() ?? []).map(({ name }) => ({ name, value: '' }));
  const { writes, deletions } = planChunkedCookie(base, sealed, sessionCookieNames({ getAll: () => present }, base));
  for (const name of deletions) jar.delete(name);
  for (const write of writes) jar.set(write.name, write.value);
}

/**
 * Puts a mock session in place for the server face, the mock actions and `MockAuthKitProvider`:
 * fills missing config with placeholders, binds the mock seams and writes the sealed cookie into
 * `cookies`. Resolves to the mock session.
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
  await loadMockProvider();
  const jar = (await options.cookies) ?? activeCookieJar() ?? mockRequest.cookies();
  await writeCookie(jar, mock);
  // Set up before the code under test runs: the mocked request arrives with it (in `headers()`
  // too). Harmless when the jar is another stand-in's (Storybook's).
  mockRequest.arrive();
  setActive({ mock, jar });
  return mock;
}

/** Signs the mock session out (clears the cookie), forgets it and unbinds the mock seams. */
export async function clearMockSession(): Promise<void> {
  const jar = activeCookieJar();
  if (jar) await writeCookie(jar, createMockSession('signedOut'));
  setActive(undefined);
  unbindSeams?.();
  unbindSeams = undefined;
}
