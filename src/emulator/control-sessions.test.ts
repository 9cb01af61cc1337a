/** `POST /_emulator/sessions`: real sessions with claim overrides, refreshed through the SDK. */
import { createRemoteJWKSet, jwtVerify } from 'jose';
import { describe, expect, it } from 'vitest';
import type { AuthenticateResponseJson, Emulator } from './index.js';
import { claimsOf, rejectionOf, sdkFor, emulatorPerSuite } from '../../test/support/emulator-harness.js';

let emulator: Emulator;
emulatorPerSuite((started) => (emulator = started));

async function mintOverHttp(body: unknown): Promise<Response> {
  return fetch(`${emulator.url}/_emulator/sessions`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
}

describe('minted sessions', () => {
  it('are real: the token verifies against the JWKS and the SDK can refresh them', async () => {
    const minted = await emulator.control.createSession({ email: 'alice@example.com', organization_id: 'org_acme' });
    expect(minted).toMatchObject({ user: { id: 'user_alice' }, organization_id: 'org_acme', authentication_method: 'Password' });
    const jwks = createRemoteJWKSet(new URL(`${emulator.url}/sso/jwks/${emulator.clientId}`));
    const { payload } = await jwtVerify(minted.access_token, jwks);
    expect(payload).toMatchObject({ sub: 'user_alice', org_id: 'org_acme', role: 'admin' });
    const refreshed = await sdkFor(emulator).userManagement.authenticateWithRefreshToken({ refreshToken: minted.refresh_token });
    expect(claimsOf(refreshed.accessToken).sid).toBe(payload.sid);
  });

  it('keep their claim overrides across refreshes until an organisation switch', async () => {
    const response = await mintOverHttp({
      user_id: 'user_alice',
      organization_id: 'org_acme',
      role: 'owner',
      permissions: ['billing:manage'],
      entitlements: ['sso'],
      feature_flags: ['beta'],
      expires_in: 60,
    });
    expect(response.status).toBe(200);
    const minted = (await response.json()) as AuthenticateResponseJson;
    const expected = { role: 'owner', roles: ['owner'], permissions: ['billing:manage'], entitlements: ['sso'], feature_flags: ['beta'] };
    const first = claimsOf(minted.access_token);
    expect(first).toMatchObject(expected);
    expect(first.exp! - first.iat!).toBe(60);
    const workos = sdkFor(emulator);
    const refreshed = await workos.userManagement.authenticateWithRefreshToken({ refreshToken: minted.refresh_token });
    const second = claimsOf(refreshed.accessToken);
    expect(second).toMatchObject(expected);
    expect(second.exp! - second.iat!).toBe(60);
    const switched = await workos.userManagement.authenticateWithRefreshToken({
      refreshToken: refreshed.refreshToken,
      organizationId: 'org_globex',
    });
    expect(claimsOf(switched.accessToken)).toMatchObject({ org_id: 'org_globex', role: 'member', permissions: ['posts:read'] });
  });

  it('can be impersonated sessions', async () => {
    const minted = await emulator.control.createSession({
      user_id: 'user_bob',
      impersonator: { email: 'support@example.com', reason: 'Ticket 42' },
    });
    expect(minted.impersonator).toEqual({ email: 'support@example.com', reason: 'Ticket 42' });
    expect(minted.authentication_method).toBe('Impersonation');
    expect(claimsOf(minted.access_token).act).toEqual({ sub: 'support@example.com' });
    const refreshed = await sdkFor(emulator).userManagement.authenticateWithRefreshToken({ refreshToken: minted.refresh_token });
    expect(refreshed.impersonator).toEqual({ email: 'support@example.com', reason: 'Ticket 42' });
  });

  it('reject bad input with the fields named', async () => {
    const response = await mintOverHttp({ user_id: 'user_nobody', roles: 'admin', colour: 'blue' });
    expect(response.status).toBe(400);
    const { message, code } = (await response.json()) as { message: string; code: string };
    expect(code).toBe('invalid_request');
    expect(message).toContain("colour: unknown field");
    expect(message).toContain("user_id: unknown user 'user_nobody'");
    expect(message).toContain('roles: expected an array of strings');
    const error = await rejectionOf(emulator.control.createSession({ organization_id: 'org_acme' }));
    expect(error.message).toMatch(/give user_id or email/);
  });
});
