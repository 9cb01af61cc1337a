/**
 * The Edge runtime's refresh: the proxy asks the app's own auth route (a real `handleAuth()`,
 * served over HTTP here as Next serves it) to refresh, and reads the new session from its
 * Set-Cookie. The same outcomes as the SDK's path, against the emulator.
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { NextRequest } from 'next/server';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { handleAuth } from '../callback/handle-auth.js';
import { workosClient } from '../workos.js';
import { emulatorSuite } from '../../../test/support/emulator-suite.js';
import { mintSession } from '../../../test/support/sessions.js';
import { readSession } from './read-session.js';
import { exchange } from './refresh-exchange-edge.js';
import type { ExpiredState } from './session-state.js';
import { sessionRoot } from '../root/current-root.js';

const AUTHENTICATE = 'POST /user_management/authenticate';
const suite = emulatorSuite();
let app: Server;
let redirectUri: string | undefined;

/** The app's auth route over HTTP (what the middleware's subrequest reaches). */
beforeAll(async () => {
  const GET = handleAuth();
  app = createServer(async (incoming, outgoing) => {
    const url = `http://localhost:${(app.address() as AddressInfo).port}${incoming.url}`;
    const response = await GET(new NextRequest(url, { headers: incoming.headers as Record<string, string> }));
    outgoing.writeHead(response.status, [...response.headers].flat());
    outgoing.end(await response.text());
  });
  await new Promise<void>((resolve) => app.listen(0, '127.0.0.1', resolve));
  redirectUri = process.env.NEXT_PUBLIC_WORKOS_REDIRECT_URI;
  process.env.NEXT_PUBLIC_WORKOS_REDIRECT_URI = `http://localhost:${(app.address() as AddressInfo).port}/callback`;
});
afterEach(() => vi.useRealTimers());
afterAll(async () => {
  process.env.NEXT_PUBLIC_WORKOS_REDIRECT_URI = redirectUri;
  await new Promise((resolve) => app.close(resolve));
});

// The clock moves past the token's expiry (the emulator shares it): a session minted with a short
// lifetime keeps it on refresh, and a loaded machine could outlive the refreshed token too.
async function expiredSession(input = {}): Promise<ExpiredState> {
  vi.useFakeTimers({ toFake: ['Date'] });
  const { sealed } = await mintSession(suite.emulator, { expires_in: 300, ...input });
  vi.setSystemTime(Date.now() + 360_000);
  const state = await readSession(sessionRoot(), sealed);
  expect(state.status).toBe('expired');
  return state as ExpiredState;
}

describe('the refresh on the Edge runtime (through the auth route)', () => {
  it('comes back with the new session, verified, in the same organisation', async () => {
    const state = await expiredSession({ organization_id: 'org_acme' });
    const outcome = await exchange(sessionRoot(), state, undefined);
    expect(outcome.ok, outcome.ok ? '' : `${outcome.error.message} (${String(outcome.error.cause)})`).toBe(true);
    if (!outcome.ok) return;
    expect(outcome.state.session.refreshToken).not.toBe(state.session.refreshToken);
    expect(outcome.state.info).toMatchObject({ user: { id: state.session.user.id }, organizationId: 'org_acme' });
    expect(suite.emulator.control.counters()[AUTHENTICATE]).toBe(1);
  });

  it('a session WorkOS ended: a terminal refusal (the route cleared the cookie)', async () => {
    const state = await expiredSession();
    await workosClient(sessionRoot()).userManagement.revokeSession({ sessionId: state.claims.sid });
    const outcome = await exchange(sessionRoot(), state, undefined);
    expect(!outcome.ok && outcome.error.isTransient).toBe(false);
  });

  it('WorkOS down: a transient failure (the session is kept)', async () => {
    const state = await expiredSession();
    suite.emulator.control.injectFault({ endpoint: AUTHENTICATE, status: 503, retry_after: 0, times: 100 });
    const outcome = await exchange(sessionRoot(), state, undefined);
    expect(!outcome.ok && outcome.error.isTransient).toBe(true);
  });

  it('an organisation switch is not done on this runtime (actions switch, on Node)', async () => {
    vi.spyOn(globalThis, 'fetch');
    const state = await expiredSession();
    const outcome = await exchange(sessionRoot(), state, 'org_globex');
    expect(outcome.ok).toBe(false);
    expect(fetch).not.toHaveBeenCalled();
    vi.restoreAllMocks();
  });
});
