/** Key rotation controls: a new `kid` signs while both are published, retirement, and persistence across restarts. */
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createRemoteJWKSet, decodeProtectedHeader, errors, jwtVerify } from 'jose';
import { afterAll, describe, expect, it } from 'vitest';
import { createEmulator, type Emulator } from './index.js';
import { defaultSeed } from './seed-defaults.js';
import { controlRequest, sdkFor, signIn } from '../../test/support/emulator-harness.js';

// Rotation writes the key file: these emulators get their own, never the suites' shared test key.
const directory = mkdtempSync(join(tmpdir(), 'authkit-emulator-keys-'));
const closers: (() => Promise<void>)[] = [];
afterAll(async () => {
  await Promise.all(closers.map((close) => close()));
  rmSync(directory, { recursive: true, force: true });
});

async function start(keyFile: string): Promise<Emulator> {
  const emulator = await createEmulator({ port: 0, quiet: true, keyFile });
  closers.push(() => emulator.close());
  return emulator;
}

/** Verifies against the JWKS the SDK points at, fetched afresh (no key cache between checks). */
async function verifies(emulator: Emulator, accessToken: string): Promise<boolean> {
  const jwks = createRemoteJWKSet(new URL(sdkFor(emulator).userManagement.getJwksUrl(emulator.clientId)));
  try {
    await jwtVerify(accessToken, jwks);
    return true;
  } catch (error) {
    if (error instanceof errors.JWKSNoMatchingKey) return false;
    throw error;
  }
}

const kid = (accessToken: string) => decodeProtectedHeader(accessToken).kid;

async function control(emulator: Emulator, method: string, path: string): Promise<{ status: number; body: { keys: { current_kid: string; kids: string[] } } }> {
  const response = await controlRequest(emulator, method, path);
  return { status: response.status, body: await response.json() };
}

describe('POST /_emulator/keys/rotate and /retire', () => {
  it('rotate: a new kid signs new tokens, both keys are published; retire: only the new one stays', async () => {
    const emulator = await start(join(directory, 'http', 'signing-key.json'));
    const workos = sdkFor(emulator);
    const before = await signIn(workos, 'bob@example.com');
    const original = kid(before.accessToken)!;
    expect((await control(emulator, 'GET', 'keys')).body).toEqual({ keys: { current_kid: original, kids: [original] } });

    const rotated = await control(emulator, 'POST', 'keys/rotate');
    expect(rotated.status).toBe(200);
    const { current_kid: next, kids } = rotated.body.keys;
    expect(next).not.toBe(original);
    expect(kids).toEqual([next, original]);
    const jwks = (await (await fetch(workos.userManagement.getJwksUrl(emulator.clientId))).json()) as { keys: { kid: string }[] };
    expect(jwks.keys.map((key) => key.kid)).toEqual([next, original]);

    // New tokens (a refresh, a sign-in) carry the new kid; the old token still verifies.
    const refreshed = await workos.userManagement.authenticateWithRefreshToken({ refreshToken: before.refreshToken });
    expect(kid(refreshed.accessToken)).toBe(next);
    expect(kid((await signIn(workos, 'alice@example.com', { choose: 'org_acme' })).accessToken)).toBe(next);
    expect(await verifies(emulator, refreshed.accessToken)).toBe(true);
    expect(await verifies(emulator, before.accessToken)).toBe(true);

    expect((await control(emulator, 'POST', 'keys/retire')).body).toEqual({ keys: { current_kid: next, kids: [next] } });
    expect(await verifies(emulator, refreshed.accessToken)).toBe(true);
    expect(await verifies(emulator, before.accessToken)).toBe(false);
    // The session itself lives on: its refresh token still works, now on the new key.
    const again = await workos.userManagement.authenticateWithRefreshToken({ refreshToken: refreshed.refreshToken });
    expect(kid(again.accessToken)).toBe(next);
    // Reset puts the data back, not the keys.
    emulator.control.reset();
    expect(emulator.control.keys()).toEqual({ current_kid: next, kids: [next] });
  });

  it('the in-process handle does the same, and a restart keeps the keys (rotated, then retired)', async () => {
    const keyFile = join(directory, 'restart', 'signing-key.json');
    const first = await start(keyFile);
    const old = await signIn(sdkFor(first), 'bob@example.com');
    const { current_kid: next, kids } = first.control.rotateKey();
    expect(kids).toEqual([next, kid(old.accessToken)]);
    expect((JSON.parse(readFileSync(keyFile, 'utf8')) as { keys: { kid: string }[] }).keys.map((key) => key.kid)).toEqual(kids);
    const fresh = await first.control.createSession({ email: 'carol@example.com' });
    expect(kid(fresh.access_token)).toBe(next);
    await first.close();

    const second = await start(keyFile);
    expect(second.control.keys()).toEqual({ current_kid: next, kids });
    expect(await verifies(second, old.accessToken)).toBe(true);
    expect(await verifies(second, fresh.access_token)).toBe(true);
    expect(kid((await signIn(sdkFor(second), 'bob@example.com')).accessToken)).toBe(next);
    expect(second.control.retireKeys()).toEqual({ current_kid: next, kids: [next] });
    await second.close();

    const third = await start(keyFile);
    expect(third.control.keys()).toEqual({ current_kid: next, kids: [next] });
    expect(JSON.parse(readFileSync(keyFile, 'utf8'))).toMatchObject({ kty: 'RSA', kid: next }); // one key: the plain JWK again
    expect(await verifies(third, old.accessToken)).toBe(false);
    expect(await verifies(third, fresh.access_token)).toBe(true);
  });

  it('with signing_key in the data file, rotation works until the emulator stops (there is no file to keep it in)', async () => {
    const keyFile = join(directory, 'source', 'signing-key.json');
    const source = await start(keyFile);
    const signingKey = JSON.parse(readFileSync(keyFile, 'utf8')) as JsonWebKey & { kid: string };
    await source.close();
    const emulator = await createEmulator({ port: 0, quiet: true, keyFile: join(directory, 'unused.json'), data: { ...defaultSeed(), signing_key: signingKey } });
    closers.push(() => emulator.close());
    const { current_kid: next } = emulator.control.rotateKey();
    expect(kid((await signIn(sdkFor(emulator), 'bob@example.com')).accessToken)).toBe(next);
    expect(existsSync(join(directory, 'unused.json'))).toBe(false);
    expect(readFileSync(keyFile, 'utf8')).toContain(signingKey.kid); // the source file is left alone
  });

  it('neither counts nor faults (control routes)', async () => {
    const emulator = await start(join(directory, 'counted', 'signing-key.json'));
    emulator.control.resetCounters();
    await control(emulator, 'POST', 'keys/rotate');
    await control(emulator, 'GET', 'keys');
    expect(emulator.control.counters()).toEqual({});
    expect(emulator.control.endpoints().some((endpoint) => endpoint.includes('/_emulator'))).toBe(false);
  });
});
