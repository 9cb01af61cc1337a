/**
 * The active mock session: the one `setMockSession` put in place, which the mock actions, the
 * mock WorkOS directory and `MockAuthKitProvider` follow. One per JavaScript realm (a test file, a
 * Storybook preview).
 */
import type { MockSession } from './mock-session.js';

/** The smallest cookie store the mock needs: `cookies()` from next/headers (or its mocks) fits. */
export interface MockCookieJar {
  set(name: string, value: string): unknown;
  delete(name: string): unknown;
  getAll?(): ReadonlyArray<{ name: string }>;
}

interface Active {
  mock: MockSession;
  jar: MockCookieJar;
}

let active: Active | undefined;
const listeners = new Set<(mock: MockSession | undefined) => void>();

/** The active mock session, if any. */
export function currentMockSession(): MockSession | undefined {
  return active?.mock;
}

/** The cookie jar the active mock session was written to. */
export function activeCookieJar(): MockCookieJar | undefined {
  return active?.jar;
}

export function setActive(next: Active | undefined): void {
  active = next;
  for (const listener of [...listeners]) listener(next?.mock);
}

/**
 * Calls `listener` whenever the active mock session changes (set, switched, signed out, cleared).
 * @example const stop = onMockSessionChange((mock) => rerender(mock));
 */
export function onMockSessionChange(listener: (mock: MockSession | undefined) => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}
