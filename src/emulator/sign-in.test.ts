/** Hosted sign-in → code → `authenticateWithCode`, driven through the real SDK and the page's forms. */
import { OauthException } from '@workos-inc/node';
import { createRemoteJWKSet, jwtVerify } from 'jose';
import { describe, expect, it } from 'vitest';
import { signInThroughHostedPage } from '../../test/support/hosted-sign-in.js';
import type { Emulator } from './index.js';
import { REDIRECT_URI, claimsOf, rejectionOf, sdkFor, signIn, emulatorPerSuite } from '../../test/support/emulator-harness.js';

let emulator: Emulator;
emulatorPerSuite((started) => (emulator = started));

async function codeFor(email: string, params: Record<string, string> = {}): Promise<string> {
  const url = sdkFor(emulator).userManagement.getAuthorizationUrl({ provider: 'authkit', redirectUri: REDIRECT_URI, ...params });
  return (await signInThroughHostedPage(url, email)).searchParams.get('code')!;
}

describe('hosted sign-in and the authorization_code grant', () => {
  it('signs alice in with PKCE and issues an RS256 token that verifies against the JWKS', async () => {
    const workos = sdkFor(emulator);
    const result = await signIn(workos, 'alice@example.com', { choose: 'org_acme', state: 'a b&c=d/é' });
    expect(result.state).toBe('a b&c=d/é');
    expect(result.user).toMatchObject({ id: 'user_alice', email: 'alice@example.com', firstName: 'Alice' });
    expect(result.organizationId).toBe('org_acme');
    expect(result.authenticationMethod).toBe('Password');
    const jwks = createRemoteJWKSet(new URL(workos.userManagement.getJwksUrl(emulator.clientId)));
    const { payload, protectedHeader } = await jwtVerify(result.accessToken, jwks, {
      issuer: `${emulator.url}/user_management/${emulator.clientId}`,
    });
    expect(protectedHeader).toMatchObject({ alg: 'RS256', typ: 'JWT' });
    expect(protectedHeader.kid).toBeTruthy();
    expect(payload).toMatchObject({
      sub: 'user_alice',
      org_id: 'org_acme',
      role: 'admin',
      roles: ['admin'],
      permissions: ['posts:read', 'posts:write', 'members:manage'],
      entitlements: ['audit-logs'],
      feature_flags: ['new-dashboard'],
    });
    expect(payload.sid).toMatch(/^session_/);
    expect(payload.jti).toBeTruthy();
    expect(payload.exp! - payload.iat!).toBe(300);
    // auth_time is the moment of the hosted sign-in, which precedes the code exchange.
    expect(payload.auth_time).toEqual(expect.any(Number));
    expect(payload.auth_time as number).toBeLessThanOrEqual(payload.iat!);
    expect(payload).not.toHaveProperty('aud');
    expect(payload).not.toHaveProperty('act');
  });

  it('works for a confidential client without PKCE and for a public client with PKCE only', async () => {
    const confidential = await signIn(sdkFor(emulator), 'bob@example.com', { pkce: false });
    expect(confidential.organizationId).toBe('org_acme');
    expect(claimsOf(confidential.accessToken)).toMatchObject({ role: 'member', permissions: ['posts:read'] });

    const publicClient = await signIn(sdkFor(emulator, { publicClient: true }), 'bob@example.com');
    expect(publicClient.user.id).toBe('user_bob');
  });

  it('refuses a public client whose code was issued without a code_challenge', async () => {
    const code = await codeFor('bob@example.com');
    const error = await rejectionOf(
      sdkFor(emulator, { publicClient: true }).userManagement.authenticateWithCode({ code, codeVerifier: 'x'.repeat(43) }),
    );
    expect(error).toBeInstanceOf(OauthException);
    expect(error).toMatchObject({ status: 400, error: 'invalid_client' });
  });

  it('omits the organisation claims for a user without an organisation', async () => {
    const result = await signIn(sdkFor(emulator), 'carol@example.com');
    expect(result.organizationId).toBeUndefined();
    const claims = claimsOf(result.accessToken);
    for (const claim of ['org_id', 'role', 'roles', 'permissions', 'entitlements', 'feature_flags']) {
      expect(claims).not.toHaveProperty(claim);
    }
  });

  it('offers the organisation choice to a multi-org user, or takes organization_id directly', async () => {
    const chosen = await signIn(sdkFor(emulator), 'alice@example.com', { choose: 'org_globex' });
    expect(claimsOf(chosen.accessToken)).toMatchObject({ org_id: 'org_globex', role: 'member' });
    const direct = await signIn(sdkFor(emulator), 'alice@example.com', { organizationId: 'org_globex' });
    expect(direct.organizationId).toBe('org_globex');
  });

  it('treats a sign-in into an SSO-only organisation as SSO', async () => {
    const result = await signIn(sdkFor(emulator), 'dave@example.com', { organizationId: 'org_initech' });
    expect(result.authenticationMethod).toBe('SSO');
    expect(result.organizationId).toBe('org_initech');
  });

  it('makes codes single use and never burns one on a wrong verifier', async () => {
    const workos = sdkFor(emulator);
    const pkce = await workos.pkce.generate();
    const url = workos.userManagement.getAuthorizationUrl({
      provider: 'authkit',
      redirectUri: REDIRECT_URI,
      codeChallenge: pkce.codeChallenge,
      codeChallengeMethod: 'S256',
    });
    const code = (await signInThroughHostedPage(url, 'bob@example.com')).searchParams.get('code')!;
    const wrong = await rejectionOf(workos.userManagement.authenticateWithCode({ code, codeVerifier: 'y'.repeat(43) }));
    expect(wrong).toMatchObject({ status: 400, error: 'invalid_grant' });
    await workos.userManagement.authenticateWithCode({ code, codeVerifier: pkce.codeVerifier });
    const reused = await rejectionOf(workos.userManagement.authenticateWithCode({ code, codeVerifier: pkce.codeVerifier }));
    expect(reused).toBeInstanceOf(OauthException);
    expect(reused).toMatchObject({ error: 'invalid_grant', errorDescription: `The code '${code}' has expired or is invalid.` });
    const unknown = await rejectionOf(workos.userManagement.authenticateWithCode({ code: 'nope' }));
    expect(unknown).toMatchObject({ status: 400, error: 'invalid_grant' });
  });

  it('signs up a new user from the sign-up form', async () => {
    const workos = sdkFor(emulator);
    const url = workos.userManagement.getAuthorizationUrl({ provider: 'authkit', redirectUri: REDIRECT_URI, screenHint: 'sign-up' });
    const back = await signInThroughHostedPage(url, 'erin@example.com', { signUp: { firstName: 'Erin', lastName: 'Evans' } });
    const result = await workos.userManagement.authenticateWithCode({ code: back.searchParams.get('code')! });
    expect(result.user).toMatchObject({ email: 'erin@example.com', firstName: 'Erin', lastName: 'Evans' });
    expect((await workos.userManagement.getUser(result.user.id)).email).toBe('erin@example.com');
    await expect(
      signInThroughHostedPage(url, 'alice@example.com', { signUp: { firstName: 'A', lastName: 'B' } }),
    ).rejects.toThrow(/already exists/);
  });
});
