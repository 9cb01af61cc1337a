/** The emulator on a developer's machine: DNS rebinding, cross-site posts, non-JSON control calls and forged forms. */
import { request as httpRequest } from 'node:http';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { startTestEmulator } from '../../test/support/emulator.js';
import { parseForms, submitForm } from '../../test/support/hosted-sign-in.js';
import { CsrfTokens } from './csrf.js';
import type { Emulator } from './index.js';
import { allowedHosts } from './request-guard.js';
import { emulatorPerSuite, REDIRECT_URI, rejectionOf, sdkFor, signIn } from '../../test/support/emulator-harness.js';

let emulator: Emulator;
emulatorPerSuite((started) => (emulator = started));
afterEach(() => vi.useRealTimers());

interface RawResponse {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: string;
}

/** A request with exactly these headers (fetch would not let a test choose `Host`). */
function raw(port: number, method: string, path: string, headers: Record<string, string>, body = ''): Promise<RawResponse> {
  return new Promise((resolve, reject) => {
    const length = { 'content-length': String(Buffer.byteLength(body)) };
    const req = httpRequest({ host: '127.0.0.1', port, method, path, headers: { ...length, ...headers }, setHost: false }, (res) => {
      let text = '';
      res.setEncoding('utf8');
      res.on('data', (chunk: string) => (text += chunk));
      res.on('end', () => resolve({ status: res.statusCode!, headers: res.headers, body: text }));
    });
    req.on('error', reject);
    req.end(body);
  });
}

const host = () => `localhost:${emulator.port}`;
const json = { 'content-type': 'application/json' };

describe('the Host header (DNS rebinding)', () => {
  it('answers only loopback names on its own port', async () => {
    for (const name of ['localhost', '127.0.0.1', '[::1]', 'LOCALHOST']) {
      expect((await raw(emulator.port, 'GET', '/health', { host: `${name}:${emulator.port}` })).status, name).toBe(200);
    }
    for (const value of ['evil.example', `evil.example:${emulator.port}`, 'localhost:1', `localhost.evil.example:${emulator.port}`]) {
      const refused = await raw(emulator.port, 'GET', `/sso/jwks/${emulator.clientId}`, { host: value });
      expect(refused.status, value).toBe(403);
      expect(JSON.parse(refused.body)).toMatchObject({ code: 'host_not_allowed', message: expect.stringContaining('--allowed-host') });
    }
    // No Host at all: Node's HTTP server already answers 400 Bad Request.
    expect((await raw(emulator.port, 'GET', '/health', {})).status).toBe(400);
  });

  it('takes extra names from allowedHosts, and the bound address', async () => {
    expect(allowedHosts(4100, '0.0.0.0', ['emulator'])).toEqual(['localhost:4100', '127.0.0.1:4100', '[::1]:4100', 'emulator:4100']);
    expect(allowedHosts(80, '::1')).toEqual(['localhost:80', 'localhost', '127.0.0.1:80', '127.0.0.1', '[::1]:80', '[::1]']);
    const docker = await startTestEmulator({ allowedHosts: ['emulator'] });
    try {
      expect((await raw(docker.port, 'GET', '/health', { host: `emulator:${docker.port}` })).status).toBe(200);
      expect((await raw(docker.port, 'GET', '/health', { host: `other:${docker.port}` })).status).toBe(403);
    } finally {
      await docker.close();
    }
    await expect(startTestEmulator({ allowedHosts: ['emulator:4100'] })).rejects.toThrow(/allowedHosts\[0\]: expected a host name without a port/);
  });
});

describe('cross-site requests', () => {
  it.each([
    ['another origin', { origin: 'https://evil.example' }],
    ['Origin: null', { origin: 'null' }],
    ['Sec-Fetch-Site: cross-site', { 'sec-fetch-site': 'cross-site' }],
    ['Sec-Fetch-Site: same-site (another localhost port)', { 'sec-fetch-site': 'same-site', origin: 'http://localhost:3000' }],
  ])('refuses a control call from %s, and changes nothing', async (_case, headers) => {
    const workos = sdkFor(emulator);
    const { refreshToken } = await signIn(workos, 'bob@example.com');
    const refused = await raw(emulator.port, 'POST', '/_emulator/reset', { host: host(), ...json, ...headers }, '{}');
    expect(refused.status).toBe(403);
    expect(JSON.parse(refused.body)).toMatchObject({ code: 'cross_site_request' });
    await workos.userManagement.authenticateWithRefreshToken({ refreshToken });
  });

  it('lets the emulator\'s own pages, a typed URL and non-browser clients through', async () => {
    const browsers: Record<string, string>[] = [{ origin: `http://${host()}`, 'sec-fetch-site': 'same-origin' }, { 'sec-fetch-site': 'none' }, {}];
    for (const headers of browsers) {
      expect((await raw(emulator.port, 'POST', '/_emulator/counters', { host: host(), ...json, ...headers }, '{}')).status).toBe(405);
      expect((await raw(emulator.port, 'DELETE', '/_emulator/counters', { host: host(), ...json, ...headers }, '{}')).status).toBe(200);
    }
  });

  it('answers a cross-site post of a hosted form with an HTML page, not JSON', async () => {
    const refused = await raw(emulator.port, 'POST', '/_emulator/impersonate', { host: host(), origin: 'https://evil.example' }, 'user_id=user_alice');
    expect(refused.status).toBe(403);
    expect(refused.headers['content-type']).toMatch(/text\/html/);
    expect(refused.headers['set-cookie']).toBeUndefined();
  });
});

describe('control routes take JSON only', () => {
  it.each(['text/plain', 'application/x-www-form-urlencoded', 'multipart/form-data; boundary=x', undefined])(
    'refuse %s with 415 and change nothing',
    async (type) => {
      const workos = sdkFor(emulator);
      const { refreshToken } = await signIn(workos, 'bob@example.com');
      const headers: Record<string, string> = { host: host(), ...(type ? { 'content-type': type } : {}) };
      const refused = await raw(emulator.port, 'POST', '/_emulator/reset', headers, '');
      expect(refused.status).toBe(415);
      expect(JSON.parse(refused.body)).toMatchObject({ code: 'unsupported_media_type', message: expect.stringContaining('application/json') });
      await workos.userManagement.authenticateWithRefreshToken({ refreshToken });
    },
  );

  it('accept application/json with a charset', async () => {
    const response = await raw(emulator.port, 'POST', '/_emulator/sessions', { host: host(), 'content-type': 'application/json; charset=utf-8' }, '{"email":"bob@example.com"}');
    expect(response.status).toBe(200);
  });
});

describe('CSRF tokens on the hosted forms', () => {
  function authorizeUrl(): string {
    return sdkFor(emulator).userManagement.getAuthorizationUrl({ provider: 'authkit', redirectUri: REDIRECT_URI, state: 's' });
  }

  it('are on every form: sign-in, sign-up, organisation choice and impersonation', async () => {
    const url = authorizeUrl();
    const pages = [
      await (await fetch(url)).text(),
      await (await fetch(`${url}&screen_hint=sign-up`)).text(),
      await (await fetch(`${emulator.url}/_emulator/impersonate`)).text(),
    ];
    const [signInForm] = parseForms(pages[0]!);
    const choice = await submitForm(url, signInForm!, { name: 'email', value: 'alice@example.com' });
    pages.push(await choice.text());
    for (const html of pages) {
      const forms = parseForms(html);
      expect(forms.length).toBeGreaterThan(0);
      for (const form of forms) expect(form.fields.find(([name]) => name === 'csrf_token')?.[1]).toMatch(/^[0-9a-z]+\.[\w-]{43}$/);
    }
  });

  it('refuse a post without one, with a forged one or with one from another form, and accept the page\'s own', async () => {
    const url = authorizeUrl();
    const [form] = parseForms(await (await fetch(url)).text());
    const impersonateToken = parseForms(await (await fetch(`${emulator.url}/_emulator/impersonate`)).text())[0]!.fields.find(([name]) => name === 'csrf_token')![1];
    const button = { name: 'email', value: 'bob@example.com' };
    for (const token of ['', 'abc.def', `${Date.now().toString(36)}.${'A'.repeat(43)}`, impersonateToken]) {
      const refused = await submitForm(url, form!, button, { csrf_token: token });
      expect(refused.status, token).toBe(403);
      expect(await refused.text()).toMatch(/reload the page/);
    }
    const accepted = await submitForm(url, form!, button);
    expect(accepted.status).toBe(302);
    expect(new URL(accepted.headers.get('location')!).searchParams.get('code')).toBeTruthy();
  });

  it('expire after two hours', async () => {
    vi.useFakeTimers({ toFake: ['Date'] });
    const url = authorizeUrl();
    const [form] = parseForms(await (await fetch(url)).text());
    vi.setSystemTime(Date.now() + 2 * 60 * 60 * 1000 + 1000);
    expect((await submitForm(url, form!, { name: 'email', value: 'bob@example.com' })).status).toBe(403);
  });

  it('stop another site from auto-submitting the impersonation form (login CSRF)', async () => {
    const body = new URLSearchParams({ impersonator_email: 'evil@example.com', user_id: 'user_alice', initiate_login_url: 'http://localhost:3000/callback' });
    // An old browser that sends neither Origin nor Sec-Fetch-Site: only the token stops it.
    const forged = await raw(emulator.port, 'POST', '/_emulator/impersonate', { host: host(), 'content-type': 'application/x-www-form-urlencoded' }, body.toString());
    expect(forged.status).toBe(403);
    expect(forged.headers['set-cookie']).toBeUndefined();
  });

  it('sit on pages that refuse to be framed (clickjacking)', async () => {
    const page = await fetch(`${emulator.url}/_emulator/impersonate`);
    expect(page.headers.get('x-frame-options')).toBe('DENY');
    expect(page.headers.get('content-security-policy')).toBe("frame-ancestors 'none'");
  });

  it('are bound to this process and to their form', () => {
    const tokens = new CsrfTokens();
    const token = tokens.issue('authorize', 1_000_000);
    expect(tokens.verify(token, 'authorize', 1_000_000)).toBe(true);
    expect(tokens.verify(token, 'impersonate', 1_000_000)).toBe(false);
    expect(new CsrfTokens().verify(token, 'authorize', 1_000_000)).toBe(false);
    expect(tokens.verify(`${token}.x`, 'authorize', 1_000_000)).toBe(false);
    expect(tokens.verify(token, 'authorize', 1_000_000 + 2 * 60 * 60 * 1000 + 1)).toBe(false);
  });
});

describe('what the SDK sends is untouched', () => {
  it('signs in, refreshes and reads with no Origin or Sec-Fetch headers', async () => {
    const workos = sdkFor(emulator);
    const { refreshToken } = await signIn(workos, 'alice@example.com', { choose: 'org_acme' });
    expect((await workos.userManagement.authenticateWithRefreshToken({ refreshToken })).organizationId).toBe('org_acme');
    expect(await rejectionOf(workos.userManagement.getUser('user_missing'))).toMatchObject({ status: 404 });
  });
});
