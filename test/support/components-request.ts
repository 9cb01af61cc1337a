/**
 * Real requests for server-face and action tests: a session minted and sealed by the test kit
 * (`createTestSession`: the emulator signs the token, the kit's own code seals the cookie) in the
 * `next/headers` stand-in, optionally with the proxy's signed hand-over (so the kit knows the
 * current path). Renders use `readOnly` (cookie writes throw, as in a Server Component).
 *
 * ```ts
 * vi.mock('next/headers', async () => (await import('…/src/testing/next-headers.js')).nextHeadersMock);
 * const suite = emulatorSuite();
 * await signedInRequest(suite.emulator, { user: 'alice@example.com', organizationId: 'org_acme' }, { path: '/admin' });
 * ```
 */
import { createElement } from 'react';
import type { ReactNode } from 'react';
import type { Emulator } from '../../src/emulator/index.js';
import { sessionRoot } from '../../src/server/root/current-root.js';
import { writeForwardedContext } from '../../src/server/session/forwarded.js';
import type { Session } from '../../src/shared/types.js';
import { createTestSession, resolveServerComponents } from '../../src/testing/index.js';
import type { TestCookie, TestSessionOptions } from '../../src/testing/index.js';
import { mockRequest } from '../../src/testing/next-headers.js';

export interface RequestOptions {
  /** Path + query of the page, handed over by the proxy (signed). Without it the kit uses '/'. */
  path?: string;
  /** A server component render: cookie writes throw. @default true */
  readOnly?: boolean;
}

async function startRequest(minted: { sealed: string; cookies: TestCookie[] } | undefined, { path, readOnly = true }: RequestOptions) {
  const headers = new Headers();
  if (path !== undefined) await writeForwardedContext(sessionRoot(), headers, { session: minted?.sealed ?? '', path });
  const cookies = Object.fromEntries((minted?.cookies ?? []).map((cookie) => [cookie.name, cookie.value]));
  mockRequest.reset({ cookies, headers: Object.fromEntries(headers), readOnly });
}

/** A request carrying a real session minted for `options` (default: alice), as `createTestSession` makes it. */
export async function signedInRequest(emulator: Emulator, options: TestSessionOptions = {}, request: RequestOptions = {}): Promise<{ session: Session; sealed: string }> {
  const minted = await createTestSession({ emulatorUrl: emulator.url, ...options });
  await startRequest(minted, request);
  return minted;
}

/** A request without a session. */
export async function signedOutRequest(options: RequestOptions = {}): Promise<void> {
  await startRequest(undefined, options);
}

/** What a server component renders, as the RSC renderer would: async parts awaited, boundaries kept. */
export function serverRender<P extends object>(component: (props: P) => ReactNode | Promise<ReactNode>, props: P): Promise<ReactNode> {
  return resolveServerComponents(createElement(component as (props: P) => ReactNode, props));
}
