/** Impersonation: the admin page → the app's initiate-login URL → a normal PKCE sign-in that is impersonated. */
import { describe, expect, it } from 'vitest';
import { parseForms, submitForm } from '../../test/support/hosted-sign-in.js';
import type { Emulator } from './index.js';
import { claimsOf, REDIRECT_URI, sdkFor, emulatorPerSuite } from '../../test/support/emulator-harness.js';

let emulator: Emulator;
emulatorPerSuite((started) => (emulator = started));

async function startImpersonation(values: Record<string, string>): Promise<Response> {
  const pageUrl = `${emulator.url}/_emulator/impersonate`;
  const page = await fetch(pageUrl);
  expect(page.status).toBe(200);
  const [form] = parseForms(await page.text());
  return submitForm(pageUrl, form!, { name: '', value: '' }, values);
}

/** What the app's auth route does on the initiate-login URL: a PKCE authorize redirect. */
async function appStartsSignIn(cookie: string | undefined) {
  const workos = sdkFor(emulator);
  const { url, state, codeVerifier } = await workos.userManagement.getAuthorizationUrlWithPKCE({
    provider: 'authkit',
    redirectUri: REDIRECT_URI,
  });
  const response = await fetch(url, { redirect: 'manual', headers: cookie ? { cookie } : {} });
  return { workos, response, state, codeVerifier };
}

describe('impersonation', () => {
  it('issues a code whose session carries impersonator, the Impersonation method and an act claim', async () => {
    const started = await startImpersonation({
      impersonator_email: 'support@example.com',
      user_id: 'user_alice',
      organization_id: 'org_globex',
      reason: 'Checking a bug report',
    });
    expect(started.status).toBe(302);
    expect(started.headers.get('location')).toBe('http://localhost:3000/callback');
    const cookie = started.headers.get('set-cookie')!.split(';')[0]!;

    const { workos, response, state, codeVerifier } = await appStartsSignIn(cookie);
    expect(response.status).toBe(302);
    expect(response.headers.get('set-cookie')).toMatch(/Max-Age=0/);
    const back = new URL(response.headers.get('location')!);
    expect(back.searchParams.get('state')).toBe(state);
    const result = await workos.userManagement.authenticateWithCode({ code: back.searchParams.get('code')!, codeVerifier });
    expect(result.user.id).toBe('user_alice');
    expect(result.organizationId).toBe('org_globex');
    expect(result.authenticationMethod).toBe('Impersonation');
    expect(result.impersonator).toEqual({ email: 'support@example.com', reason: 'Checking a bug report' });
    expect(claimsOf(result.accessToken).act).toEqual({ sub: 'support@example.com' });

    const refreshed = await workos.userManagement.authenticateWithRefreshToken({ refreshToken: result.refreshToken });
    expect(refreshed.impersonator).toEqual(result.impersonator);

    // The pending impersonation was single use: the same cookie now gets the ordinary page.
    const again = await appStartsSignIn(cookie);
    expect(again.response.status).toBe(200);
  });

  it('refuses an initiate-login URL outside the redirect allow-list', async () => {
    const response = await startImpersonation({
      impersonator_email: 'support@example.com',
      user_id: 'user_bob',
      initiate_login_url: 'https://evil.example/start',
    });
    expect(response.status).toBe(400);
    expect(await response.text()).toMatch(/not on the redirect allow-list/);
  });
});
