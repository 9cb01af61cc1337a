/** Step-up answers as the SDK sees them: organisation selection, SSO and MFA requirements. */
import { AuthenticationException } from '@workos-inc/node';
import { afterEach, describe, expect, it } from 'vitest';
import { TEST_COOKIE_PASSWORD } from '../../test/support/env.js';
import { parseForms, signInThroughHostedPage, submitForm } from '../../test/support/hosted-sign-in.js';
import type { Emulator } from './index.js';
import { claimsOf, REDIRECT_URI, rejectionOf, sdkFor, signIn, emulatorPerSuite } from '../../test/support/emulator-harness.js';

let emulator: Emulator;
emulatorPerSuite((started) => (emulator = started));
afterEach(() => emulator.control.reset());

/** The browser step a step-up answer names (the SDK keeps the whole body in `rawData`). */
const redirectUrlOf = (error: unknown) =>
  ((error as AuthenticationException).rawData as unknown as { authkit_redirect_url: string }).authkit_redirect_url;

describe('organisation selection', () => {
  it('answers organization_selection_required when the user lets the app choose, then takes the selection grant', async () => {
    const workos = sdkFor(emulator);
    const url = workos.userManagement.getAuthorizationUrl({ provider: 'authkit', redirectUri: REDIRECT_URI, state: 's' });
    const signInPage = parseForms(await (await fetch(url)).text());
    const first = await submitForm(url, signInPage[0]!, { name: 'email', value: 'alice@example.com' });
    const choicePage = parseForms(await first.text());
    const deferred = await submitForm(url, choicePage[0]!, { name: 'organization_selection', value: 'app' });
    const code = new URL(deferred.headers.get('location')!).searchParams.get('code')!;

    const error = await rejectionOf(workos.userManagement.authenticateWithCode({ code }));
    expect(error).toBeInstanceOf(AuthenticationException);
    const step = error as unknown as AuthenticationException;
    expect(step.code).toBe('organization_selection_required');
    expect(step.status).toBe(403);
    expect(step.rawData).toMatchObject({
      organizations: [{ id: 'org_acme', name: 'Acme' }, { id: 'org_globex', name: 'Globex' }],
      user: { id: 'user_alice' },
    });
    const pendingAuthenticationToken = step.pendingAuthenticationToken!;
    const refused = await rejectionOf(
      workos.userManagement.authenticateWithOrganizationSelection({ pendingAuthenticationToken, organizationId: 'org_initech' }),
    );
    expect(refused).toMatchObject({ status: 400, error: 'invalid_grant' });
    const selected = await workos.userManagement.authenticateWithOrganizationSelection({
      pendingAuthenticationToken,
      organizationId: 'org_globex',
    });
    expect(selected.organizationId).toBe('org_globex');
    const again = await rejectionOf(
      workos.userManagement.authenticateWithOrganizationSelection({ pendingAuthenticationToken, organizationId: 'org_globex' }),
    );
    expect(again).toMatchObject({ status: 400, code: 'invalid_pending_authentication_token' });
  });

  it("offers only active memberships, and the selected session records the device the app names", async () => {
    const workos = sdkFor(emulator);
    emulator.control.updateMembership('om_dave_umbrella', { status: 'inactive' });
    const url = workos.userManagement.getAuthorizationUrl({ provider: 'authkit', redirectUri: REDIRECT_URI });
    const first = await submitForm(url, parseForms(await (await fetch(url)).text())[0]!, { name: 'email', value: 'dave@example.com' });
    const deferred = await submitForm(url, parseForms(await first.text())[0]!, { name: 'organization_selection', value: 'app' });
    const code = new URL(deferred.headers.get('location')!).searchParams.get('code')!;
    const step = (await rejectionOf(workos.userManagement.authenticateWithCode({ code }))) as unknown as AuthenticationException;
    expect(step.rawData).toMatchObject({
      code: 'organization_selection_required',
      message: expect.any(String),
      pending_authentication_token: step.pendingAuthenticationToken,
      organizations: [{ id: 'org_globex', name: 'Globex' }, { id: 'org_initech', name: 'Initech' }],
    });
    const selected = await workos.userManagement.authenticateWithOrganizationSelection({
      pendingAuthenticationToken: step.pendingAuthenticationToken!,
      organizationId: 'org_globex',
      ipAddress: '198.51.100.4',
      userAgent: 'Picker test',
    });
    expect(claimsOf(selected.accessToken)).toMatchObject({ org_id: 'org_globex', role: 'admin' });
    const [session] = (await workos.userManagement.listSessions('user_dave')).data;
    expect(session).toMatchObject({ id: claimsOf(selected.accessToken).sid, organizationId: 'org_globex', ipAddress: '198.51.100.4', userAgent: 'Picker test' });
  });
});

describe('SSO and MFA organisations', () => {
  it('demands SSO or MFA for flagged organisations the session has not authenticated into', async () => {
    const workos = sdkFor(emulator);
    const dave = await signIn(workos, 'dave@example.com', { choose: 'org_globex' });
    const sso = await rejectionOf(
      workos.userManagement.authenticateWithRefreshToken({ refreshToken: dave.refreshToken, organizationId: 'org_initech' }),
    );
    expect(sso).toBeInstanceOf(AuthenticationException);
    expect(sso).toMatchObject({ status: 403, code: 'sso_required' });
    expect((sso as unknown as AuthenticationException).pendingAuthenticationToken).toBeTruthy();
    expect((sso as unknown as AuthenticationException).rawData).toMatchObject({
      email: 'dave@example.com',
      connection_ids: ['conn_initech'],
    });
    const mfa = await rejectionOf(
      workos.userManagement.authenticateWithRefreshToken({ refreshToken: dave.refreshToken, organizationId: 'org_umbrella' }),
    );
    expect(mfa).toMatchObject({ status: 403, code: 'mfa_enrollment' });
    expect((mfa as unknown as AuthenticationException).rawData).toMatchObject({ user: { id: 'user_dave' } });
    // Neither step-up spent the token.
    await workos.userManagement.authenticateWithRefreshToken({ refreshToken: dave.refreshToken });
  });

  it('lets a session that signed in through SSO come back into that organisation', async () => {
    const workos = sdkFor(emulator);
    const viaSso = await signIn(workos, 'dave@example.com', { organizationId: 'org_initech' });
    const away = await workos.userManagement.authenticateWithRefreshToken({
      refreshToken: viaSso.refreshToken,
      organizationId: 'org_globex',
    });
    const back = await workos.userManagement.authenticateWithRefreshToken({
      refreshToken: away.refreshToken,
      organizationId: 'org_initech',
    });
    expect(back.organizationId).toBe('org_initech');
  });

  it('carries authkit_redirect_url: a page where the browser signs in for that organisation, after which the same switch succeeds', async () => {
    const workos = sdkFor(emulator);
    const dave = await signIn(workos, 'dave@example.com', { choose: 'org_globex' });
    for (const [organizationId, code, notice] of [
      ['org_initech', 'sso_required', /Initech requires single sign-on \(SSO\)/],
      ['org_umbrella', 'mfa_enrollment', /Umbrella requires multi-factor authentication \(MFA\)/],
    ] as const) {
      const refused = (await rejectionOf(
        workos.userManagement.authenticateWithRefreshToken({ refreshToken: dave.refreshToken, organizationId }),
      )) as unknown as AuthenticationException;
      expect(refused).toMatchObject({ status: 403, code });
      const url = redirectUrlOf(refused);
      expect(url).toMatch(new RegExp(`^${emulator.url}/_emulator/step-up/[\\w-]{43}$`));
      const page = await (await fetch(url)).text();
      expect(page).toMatch(notice);
      expect(parseForms(page)[0]!.fields.map(([name]) => name)).toContain('csrf_token');
      // The browser signs in as the session's user and is sent back to the app.
      expect((await signInThroughHostedPage(url, 'dave@example.com')).toString()).toBe('http://localhost:3000/');
      expect((await fetch(url)).status).toBe(404);
    }
    // The refusals spent nothing: the same token now switches into both organisations.
    const sso = await workos.userManagement.authenticateWithRefreshToken({ refreshToken: dave.refreshToken, organizationId: 'org_initech' });
    expect(sso.organizationId).toBe('org_initech');
    const mfa = await workos.userManagement.authenticateWithRefreshToken({ refreshToken: sso.refreshToken, organizationId: 'org_umbrella' });
    expect(mfa.organizationId).toBe('org_umbrella');
  });

  it('leaves authkit_redirect_url out when step_up_redirect is off (WorkOS does not promise it)', async () => {
    const workos = sdkFor(emulator);
    const dave = await signIn(workos, 'dave@example.com', { choose: 'org_globex' });
    emulator.control.setConfig({ step_up_redirect: false });
    try {
      const refused = await rejectionOf(workos.userManagement.authenticateWithRefreshToken({ refreshToken: dave.refreshToken, organizationId: 'org_initech' }));
      expect(refused).toMatchObject({ status: 403, code: 'sso_required' });
      expect((refused as unknown as AuthenticationException).rawData).not.toHaveProperty('authkit_redirect_url');
    } finally {
      emulator.control.setConfig({ step_up_redirect: true });
    }
  });

  it('changes nothing when the step-up is cancelled, and the link dies with the session', async () => {
    const workos = sdkFor(emulator);
    const dave = await signIn(workos, 'dave@example.com', { choose: 'org_globex' });
    const switchToInitech = () =>
      rejectionOf(workos.userManagement.authenticateWithRefreshToken({ refreshToken: dave.refreshToken, organizationId: 'org_initech' }));
    const first = redirectUrlOf(await switchToInitech());
    const [form] = parseForms(await (await fetch(first)).text());
    const cancelled = await submitForm(first, form!, { name: 'cancel', value: '1' });
    expect(cancelled.status).toBe(302);
    expect(await switchToInitech()).toMatchObject({ code: 'sso_required' });

    const second = redirectUrlOf(await switchToInitech());
    await workos.userManagement.revokeSession({ sessionId: claimsOf(dave.accessToken).sid as string });
    const gone = await fetch(second);
    expect(gone.status).toBe(404);
    expect(await gone.text()).toMatch(/switch organization again/);
  });

  it('is classified by the SDK session helpers (sealed cookie, JWKS verification, refresh)', async () => {
    const workos = sdkFor(emulator);
    const session = { sealSession: true, cookiePassword: TEST_COOKIE_PASSWORD };
    const pkce = await workos.pkce.generate();
    const url = workos.userManagement.getAuthorizationUrl({
      provider: 'authkit',
      redirectUri: REDIRECT_URI,
      organizationId: 'org_globex',
      codeChallenge: pkce.codeChallenge,
      codeChallengeMethod: 'S256',
    });
    const code = (await signInThroughHostedPage(url, 'dave@example.com')).searchParams.get('code')!;
    const sealed = await workos.userManagement.authenticateWithCode({ code, codeVerifier: pkce.codeVerifier, session });
    const cookie = workos.userManagement.loadSealedSession({ sessionData: sealed.sealedSession!, cookiePassword: TEST_COOKIE_PASSWORD });
    expect(await cookie.authenticate()).toMatchObject({ authenticated: true, organizationId: 'org_globex', role: 'admin' });
    expect(await cookie.refresh({ organizationId: 'org_initech' })).toMatchObject({ authenticated: false, reason: 'sso_required' });
  });
});
