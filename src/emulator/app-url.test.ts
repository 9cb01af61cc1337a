/** The app's URL: from --app-url, else learned from authorize requests; used by logout and the impersonation page. */
import { afterAll, describe, expect, it } from 'vitest';
import { startTestEmulator } from '../../test/support/emulator.js';
import { parseForms, submitForm } from '../../test/support/hosted-sign-in.js';
import { parseCliArgs } from './cli-main.js';
import type { Emulator, EmulatorOptions } from './index.js';
import { defaultSeed } from './seed-defaults.js';
import { claimsOf, sdkFor } from '../../test/support/emulator-harness.js';

const closers: (() => Promise<void>)[] = [];
afterAll(() => Promise.all(closers.map((close) => close())));

async function start(options: EmulatorOptions = {}): Promise<Emulator> {
  const emulator = await startTestEmulator(options);
  closers.push(() => emulator.close());
  return emulator;
}

/** Where logout without return_to sends the browser. */
async function logoutTarget(emulator: Emulator): Promise<string | null> {
  const minted = await emulator.control.createSession({ email: 'bob@example.com' });
  const sessionId = claimsOf(minted.access_token).sid as string;
  const response = await fetch(sdkFor(emulator).userManagement.getLogoutUrl({ sessionId }), { redirect: 'manual' });
  return response.headers.get('location');
}

/** The impersonation page's pre-filled initiate-login URL, and where submitting it as is goes. */
async function impersonationTarget(emulator: Emulator): Promise<{ prefilled: string | undefined; location: string | null }> {
  const pageUrl = `${emulator.url}/_emulator/impersonate`;
  const [form] = parseForms(await (await fetch(pageUrl)).text());
  const prefilled = form!.fields.find(([name]) => name === 'initiate_login_url')?.[1];
  const response = await submitForm(pageUrl, form!, { name: '', value: '' }, { initiate_login_url: '' });
  return { prefilled, location: response.headers.get('location') };
}

async function visitAuthorize(emulator: Emulator, redirectUri: string): Promise<void> {
  const url = sdkFor(emulator).userManagement.getAuthorizationUrl({ provider: 'authkit', redirectUri, state: 's' });
  expect((await fetch(url)).status).toBe(200);
}

describe('the app URL', () => {
  it('comes from appUrl: logout returns to its root, impersonation starts at its /callback', async () => {
    const emulator = await start({ appUrl: 'http://localhost:3005/' });
    expect(await logoutTarget(emulator)).toBe('http://localhost:3005/');
    expect(await impersonationTarget(emulator)).toEqual({
      prefilled: 'http://localhost:3005/callback',
      location: 'http://localhost:3005/callback',
    });
    // A sign-in on the same origin teaches the real auth route; one elsewhere changes nothing.
    await visitAuthorize(emulator, 'http://localhost:3005/auth/callback?from=x');
    expect((await impersonationTarget(emulator)).prefilled).toBe('http://localhost:3005/auth/callback');
    await visitAuthorize(emulator, 'http://localhost:4999/callback');
    expect(await logoutTarget(emulator)).toBe('http://localhost:3005/');
    expect((await impersonationTarget(emulator)).prefilled).toBe('http://localhost:3005/callback');
  });

  it('is learned from the redirect_uri of authorize requests without a flag', async () => {
    const emulator = await start();
    expect(await logoutTarget(emulator)).toBe('http://localhost:3000/');
    await visitAuthorize(emulator, 'http://127.0.0.1:3007/auth/callback');
    expect(await logoutTarget(emulator)).toBe('http://127.0.0.1:3007/');
    expect((await impersonationTarget(emulator)).location).toBe('http://127.0.0.1:3007/auth/callback');
  });

  it('is not learned from a refused authorize request', async () => {
    const emulator = await start();
    const url = new URL(`${emulator.url}/user_management/authorize`);
    url.search = new URLSearchParams({ client_id: emulator.clientId, redirect_uri: 'https://evil.example/cb', response_type: 'code' }).toString();
    expect((await fetch(url)).status).toBe(400);
    expect(await logoutTarget(emulator)).toBe('http://localhost:3000/');
  });

  it('yields to default_logout_redirect_uri in the data', async () => {
    const emulator = await start({ appUrl: 'http://localhost:3005', data: { ...defaultSeed(), default_logout_redirect_uri: 'http://localhost:3005/bye' } });
    expect(await logoutTarget(emulator)).toBe('http://localhost:3005/bye');
  });

  it('must be an http(s) URL, and has a CLI flag', async () => {
    for (const appUrl of ['localhost:3000', 'ftp://localhost/', 'http://user:pw@localhost:3000', 'http://localhost:3000/?x=1']) {
      await expect(start({ appUrl }), appUrl).rejects.toThrow(/appUrl: expected an http\(s\) URL/);
    }
    expect(parseCliArgs(['--app-url', 'http://localhost:3005'])).toEqual({ port: 4100, appUrl: 'http://localhost:3005' });
  });
});
