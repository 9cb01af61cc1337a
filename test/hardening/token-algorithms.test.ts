/**
 * An authentic seal (made with the app's cookie password) holding a token the kit cannot verify.
 * Property: whatever the header `alg` says, anything but RS256 (what WorkOS signs with) reads as
 * signed out, with the JWKS reachable or unreachable, in a process that has fetched it or never
 * has: `alg: none` with a forged role is never a session. And an RS256 token that cannot be checked
 * (no keys ever fetched) is trusted only for a bounded time after the process first tried.
 */
import fc from 'fast-check';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { readSession } from '../../src/server/session/read-session.js';
import { sealSession } from '../../src/server/session/session-seal.js';
import { emulatorSuite } from '../support/emulator-suite.js';
import { mintSession } from '../support/sessions.js';
import { bytesToBase64Url } from '../../src/shared/base64url.js';
import { outcomes, runs } from './support/hostile.js';
import { sessionRoot } from '../../src/server/root/current-root.js';

const JWKS = 'GET /sso/jwks/:clientId';
const suite = emulatorSuite();
const stats = outcomes('token algorithms');
let configs = 0;
afterEach(() => {
  delete process.env.WORKOS_COOKIE_NAME;
});
vi.spyOn(console, 'warn').mockImplementation(() => {});

/** A new configuration: a key set that has never been fetched (a process that just started). */
function coldStart(): void {
  configs += 1;
  process.env.WORKOS_COOKIE_NAME = `cold-${configs}`;
}

const encode = (value: object) => bytesToBase64Url(new TextEncoder().encode(JSON.stringify(value)));

/** The real token's claims with a forged role, under the given header, with a junk signature. */
function forge(token: string, header: Record<string, unknown>, signature: string): string {
  const claims = JSON.parse(new TextDecoder().decode(Buffer.from(token.split('.')[1]!, 'base64url'))) as Record<string, unknown>;
  return `${encode(header)}.${encode({ ...claims, role: 'owner', permissions: ['everything'] })}.${signature}`;
}

const alg = fc.oneof(
  fc.constantFrom('none', 'None', 'NONE', 'nOnE', 'HS256', 'HS384', 'HS512', 'RS384', 'RS512', 'PS256', 'ES256', 'EdDSA', '', 'rs256', 'RS256 ', ' RS256'),
  fc.string({ maxLength: 8 }).filter((value) => value !== 'RS256'),
);

describe('token algorithms (property)', () => {
  it('any header alg but RS256 reads as signed out, JWKS reachable or not, fetched before or not', async () => {
    const { session } = await mintSession(suite.emulator, { expires_in: 3600, organization_id: 'org_acme' });
    await fc.assert(
      fc.asyncProperty(alg, fc.constantFrom('', 'c2ln', 'AAAA'), fc.constantFrom('reachable', 'unreachable', 'unreachable-cold'), async (value, signature, jwks) => {
        suite.emulator.control.clearFaults();
        if (jwks !== 'reachable') suite.emulator.control.injectFault({ endpoint: JWKS, status: 503, times: 1000 });
        if (jwks === 'unreachable-cold') coldStart();
        const forged = forge(session.accessToken, { alg: value, typ: 'JWT', kid: 'whatever' }, signature);
        const state = await readSession(sessionRoot(), await sealSession(sessionRoot(), { ...session, accessToken: forged }));
        expect(state.status).toBe('signed-out');
        stats.count(jwks);
      }),
      { numRuns: runs(300) },
    );
    stats.report();
  });
});

describe('an RS256 token that cannot be verified (no keys ever fetched)', () => {
  it('is trusted until its exp, and at most 10 minutes after the process first tried the JWKS', async () => {
    vi.useFakeTimers({ toFake: ['Date'] });
    coldStart();
    suite.emulator.control.injectFault({ endpoint: JWKS, status: 503, times: 1000 });
    const { sealed } = await mintSession(suite.emulator, { expires_in: 3600 });
    expect((await readSession(sessionRoot(), sealed)).status).toBe('signed-in');
    vi.setSystemTime(Date.now() + 9 * 60_000);
    expect((await readSession(sessionRoot(), sealed)).status).toBe('signed-in');
    vi.setSystemTime(Date.now() + 2 * 60_000);
    // Past the bound: no longer trusted on its seal alone; a refresh is due (WorkOS issues new tokens over TLS).
    expect((await readSession(sessionRoot(), sealed)).status).toBe('expired');
    // Once the JWKS answers, the same token verifies again.
    suite.emulator.control.clearFaults();
    expect((await readSession(sessionRoot(), sealed)).status).toBe('signed-in');
  });
});
