/** The browser-facing authorize page over plain HTTP: validation, redirects, hints and escaping. */
import { describe, expect, it } from 'vitest';
import { startTestEmulator } from '../../test/support/emulator.js';
import { parseForms, signInThroughHostedPage, submitForm } from '../../test/support/hosted-sign-in.js';
import type { Emulator } from './index.js';
import { defaultSeed } from './seed-defaults.js';
import { emulatorPerSuite } from '../../test/support/emulator-harness.js';

let emulator: Emulator;
emulatorPerSuite((started) => (emulator = started));

function authorizeUrl(params: Record<string, string | undefined>, base = emulator.url): string {
  const url = new URL('/user_management/authorize', base);
  const defaults = { client_id: emulator.clientId, redirect_uri: 'http://localhost:3000/callback', response_type: 'code', provider: 'authkit' };
  for (const [name, value] of Object.entries({ ...defaults, ...params })) if (value !== undefined) url.searchParams.set(name, value);
  return url.toString();
}

async function get(url: string): Promise<{ status: number; location: string | null; html: string; requestId: string | null }> {
  const response = await fetch(url, { redirect: 'manual' });
  return {
    status: response.status,
    location: response.headers.get('location'),
    html: await response.text(),
    requestId: response.headers.get('x-request-id'),
  };
}

describe('the authorize page', () => {
  it('lists one button per user, labelled with the email, inside a POST form', async () => {
    const page = await get(authorizeUrl({}));
    expect(page.status).toBe(200);
    expect(page.requestId).toBeTruthy();
    const [form] = parseForms(page.html);
    expect(form!.method).toBe('post');
    const emails = form!.buttons.filter((button) => button.name === 'email').map((button) => button.text);
    expect(emails).toEqual(['alice@example.com', 'bob@example.com', 'carol@example.com', 'dave@example.com']);
  });

  it.each([
    ['an unknown client_id', { client_id: 'client_other' }, /Unknown client_id/],
    ['a missing client_id', { client_id: undefined }, /client_id parameter is missing/],
    ['a missing redirect_uri', { redirect_uri: undefined }, /redirect_uri parameter is missing/],
    ['an unlisted redirect_uri', { redirect_uri: 'https://evil.example/callback' }, /not on the allow-list/],
    ['credentials smuggled into the redirect_uri', { redirect_uri: 'http://localhost:3000@evil.example/' }, /not on the allow-list/],
  ])('shows a 400 page and never redirects for %s', async (_case, params, message) => {
    const page = await get(authorizeUrl(params));
    expect(page.status).toBe(400);
    expect(page.location).toBeNull();
    expect(page.html).toMatch(message);
  });

  it('sends other request errors back to the app with the state', async () => {
    const page = await get(authorizeUrl({ response_type: 'token', state: 'xyz' }));
    const back = new URL(page.location!);
    expect(back.searchParams.get('error')).toBe('unsupported_response_type');
    expect(back.searchParams.get('state')).toBe('xyz');
    const plain = await get(authorizeUrl({ code_challenge: 'abc', code_challenge_method: 'plain' }));
    expect(new URL(plain.location!).searchParams.get('error')).toBe('invalid_request');
  });

  it('reports a cancelled sign-in as access_denied and keeps query parameters of the redirect URI', async () => {
    const url = authorizeUrl({ redirect_uri: 'http://localhost:3000/callback?from=test', state: 'st' });
    const [form] = parseForms((await get(url)).html);
    const response = await submitForm(url, form!, { name: 'cancel', value: '1' });
    const back = new URL(response.headers.get('location')!);
    expect(back.searchParams.get('error')).toBe('access_denied');
    expect(back.searchParams.get('state')).toBe('st');
    expect(back.searchParams.get('from')).toBe('test');
  });

  it('puts the login_hint user first and focuses it', async () => {
    const [form] = parseForms((await get(authorizeUrl({ login_hint: 'carol@example.com' }))).html);
    expect(form!.buttons[0]!.text).toBe('carol@example.com');
    expect((await get(authorizeUrl({ login_hint: 'carol@example.com' }))).html).toMatch(/value="carol@example.com" autofocus/);
  });

  it('pre-fills the sign-up form from login_hint', async () => {
    const page = await get(authorizeUrl({ screen_hint: 'sign-up', login_hint: 'new@example.com' }));
    const [form] = parseForms(page.html);
    expect(form!.fields).toContainEqual(['email', 'new@example.com']);
    expect(form!.buttons.some((button) => button.name === 'intent' && button.value === 'sign-up')).toBe(true);
  });

  it('lists only the members of a requested organisation and rejects others', async () => {
    const url = authorizeUrl({ organization_id: 'org_globex' });
    const [form] = parseForms((await get(url)).html);
    expect(form!.buttons.filter((b) => b.name === 'email').map((b) => b.text)).toEqual(['alice@example.com', 'dave@example.com']);
    const response = await submitForm(url, form!, { name: 'email', value: 'bob@example.com' });
    expect(response.status).toBe(400);
    expect(await response.text()).toMatch(/not a member of this organization/);
    await expect(signInThroughHostedPage(url, 'nobody@example.com')).rejects.toThrow(/no button for nobody@example.com/);
  });
});

describe('what a person sees', () => {
  it('is told why an SSO or MFA organisation asks them to sign in again, and nothing for others', async () => {
    const sso = await get(authorizeUrl({ organization_id: 'org_initech' }));
    expect(sso.html).toMatch(/role="status">Initech requires single sign-on \(SSO\), so you are asked to sign in again/);
    const mfa = await get(authorizeUrl({ organization_id: 'org_umbrella' }));
    expect(mfa.html).toMatch(/role="status">Umbrella requires multi-factor authentication \(MFA\)/);
    expect((await get(authorizeUrl({ organization_id: 'org_globex' }))).html).not.toMatch(/class="notice"/);
    expect((await get(authorizeUrl({}))).html).not.toMatch(/class="notice"/);
  });

  it('gets an icon instead of a 404, and user buttons styled as buttons', async () => {
    const icon = await fetch(`${emulator.url}/favicon.ico`);
    expect(icon.status).toBe(200);
    expect(icon.headers.get('content-type')).toBe('image/svg+xml');
    expect(await icon.text()).toMatch(/^<svg xmlns="http:\/\/www.w3.org\/2000\/svg"/);
    const page = await get(authorizeUrl({}));
    expect(page.html).toContain('<link rel="icon" href="/favicon.ico" type="image/svg+xml">');
    // The choice buttons are filled, with a chevron drawn by CSS (not the white box of a text input).
    expect(page.html).toMatch(/ul\.choices button \{[^}]*color: #fff;[^}]*background: #6363f1 url\("data:image\/svg\+xml[^}]*box-shadow/);
    // The icon is the emulator's own: neither counted nor faultable.
    expect(emulator.control.endpoints()).not.toContain('GET /favicon.ico');
  });
});

describe('seed-driven page behaviour', () => {
  it('escapes seeded values and honours a custom redirect allow-list', async () => {
    const seed = defaultSeed();
    seed.users[0]!.first_name = '<img src=x onerror=alert(1)>';
    seed.redirect_uris = ['https://app.example/callback'];
    const custom = await startTestEmulator({ data: seed });
    try {
      const base = { client_id: custom.clientId, response_type: 'code' };
      const refused = await get(authorizeUrl({ ...base, redirect_uri: 'http://localhost:3000/callback' }, custom.url));
      expect(refused.status).toBe(400);
      const page = await get(authorizeUrl({ ...base, redirect_uri: 'https://app.example/callback' }, custom.url));
      expect(page.status).toBe(200);
      expect(page.html).not.toContain('<img src=x');
      expect(page.html).toContain('&lt;img src=x onerror=alert(1)&gt;');
    } finally {
      await custom.close();
    }
  });
});
