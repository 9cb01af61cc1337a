/**
 * Access-token verification, pure: tokens signed here with a key of our own, served as the JWKS by
 * an injected fetch (the session root's seam), so every outcome (valid, expired, unknown key, wrong
 * algorithm, keys unreachable, keys gone stale) is checked without an emulator. Time is frozen
 * where expiry matters.
 */
import { exportJWK, generateKeyPair, SignJWT, type JWK } from 'jose';
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import type { AuthKitConfig } from '../config.js';
import { createAccessTokenVerifier, UNVERIFIED_TRUST_MS } from './verify-token.js';

const config = { clientId: 'client_test', apiHostname: 'auth.example.com', apiHttps: true, apiPort: undefined } as AuthKitConfig;
const JWKS_URL = 'https://auth.example.com/sso/jwks/client_test';

let privateKey: CryptoKey;
let publicJwk: JWK;
beforeAll(async () => {
  const pair = await generateKeyPair('RS256');
  privateKey = pair.privateKey;
  publicJwk = { ...(await exportJWK(pair.publicKey)), kid: 'key_1', alg: 'RS256', use: 'sig' };
});
afterEach(() => vi.useRealTimers());

/** A JWKS endpoint: `state.down` makes it fail (as a network error), `calls` counts the fetches. */
function jwksEndpoint() {
  const state = { down: false, calls: [] as string[] };
  const fetchKeys = (async (url: string | URL | Request) => {
    state.calls.push(String(url));
    if (state.down) throw new TypeError('fetch failed');
    return Response.json({ keys: [publicJwk] });
  }) as typeof fetch;
  return { state, verify: createAccessTokenVerifier(config, fetchKeys) };
}

function token(claims: Record<string, unknown> = {}, header: { alg?: string; kid?: string } = {}, lifetime = '5m') {
  return new SignJWT({ sid: 'session_1', org_id: 'org_1', ...claims })
    .setProtectedHeader({ alg: 'RS256', kid: 'key_1', ...header })
    .setSubject('user_1')
    .setIssuedAt()
    .setExpirationTime(lifetime)
    .sign(privateKey);
}

describe('createAccessTokenVerifier', () => {
  it("accepts a token signed by a key in the configuration's JWKS, fetched once", async () => {
    const { state, verify } = jwksEndpoint();
    expect(await verify(await token())).toMatchObject({ result: 'valid', claims: { sub: 'user_1', sid: 'session_1', org_id: 'org_1' } });
    await verify(await token());
    expect(state.calls).toEqual([JWKS_URL]);
  });

  it('reads a token past exp as expired, its signature checked', async () => {
    const { verify } = jwksEndpoint();
    const expired = await token({}, {}, '1s');
    vi.useFakeTimers({ now: Date.now() + 5_000, toFake: ['Date'] });
    expect(await verify(expired)).toMatchObject({ result: 'expired', signatureChecked: true });
  });

  it('reads a token from a key WorkOS does not publish as expired, its signature not checked', async () => {
    const { verify } = jwksEndpoint();
    const other = await generateKeyPair('RS256');
    const forged = await new SignJWT({ sid: 'session_1' }).setProtectedHeader({ alg: 'RS256', kid: 'key_1' }).setSubject('user_1').setExpirationTime('5m').sign(other.privateKey);
    expect(await verify(forged)).toMatchObject({ result: 'expired', signatureChecked: false });
    expect(await verify(await token({}, { kid: 'rotated' }))).toMatchObject({ result: 'expired', signatureChecked: false });
  });

  it('refuses anything but RS256, and tokens without sub and sid, before any key is fetched', async () => {
    const { state, verify } = jwksEndpoint();
    const hmac = await new SignJWT({ sid: 'session_1' }).setProtectedHeader({ alg: 'HS256' }).setSubject('user_1').sign(new Uint8Array(32));
    const unsigned = `${btoa(JSON.stringify({ alg: 'none' }))}.${btoa(JSON.stringify({ sub: 'user_1', sid: 'session_1' }))}.`;
    const noSid = await new SignJWT({}).setProtectedHeader({ alg: 'RS256', kid: 'key_1' }).setSubject('user_1').sign(privateKey);
    for (const bad of [hmac, unsigned, noSid, 'not-a-jwt', '']) expect(await verify(bad)).toEqual({ result: 'malformed' });
    expect(state.calls).toEqual([]);
  });

  it('trusts nothing-checked claims only within UNVERIFIED_TRUST_MS of first needing the keys', async () => {
    const { state, verify } = jwksEndpoint();
    state.down = true;
    vi.useFakeTimers({ now: Date.now(), toFake: ['Date'] });
    expect(await verify(await token({}, {}, '1h'))).toMatchObject({ result: 'unverifiable', claims: { sub: 'user_1' } });
    vi.setSystemTime(Date.now() + UNVERIFIED_TRUST_MS + 1_000);
    expect(await verify(await token({}, {}, '1h'))).toMatchObject({ result: 'expired', signatureChecked: false });
  });

  it('uses the last keys it fetched when a later fetch fails', async () => {
    const { state, verify } = jwksEndpoint();
    vi.useFakeTimers({ now: Date.now(), toFake: ['Date'] });
    expect((await verify(await token({}, {}, '1h'))).result).toBe('valid');
    state.down = true;
    vi.setSystemTime(Date.now() + 11 * 60_000); // past jose's 10-minute cache age: it fetches again, and fails
    expect((await verify(await token({}, {}, '1h'))).result).toBe('valid');
    expect(state.calls.length).toBe(2);
  });
});
