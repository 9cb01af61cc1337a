import { afterEach, describe, expect, it, vi } from 'vitest';
import { AuthKitConfigError } from '../shared/errors.js';
import { getConfig, resolveRedirectUri, workosBaseUrl } from './config.js';
import { sessionRoot } from './root/current-root.js';
import { workosClient } from './workos.js';
import { setTestEnv, TEST_COOKIE_PASSWORD } from '../../test/support/env.js';

let restore: () => void = () => {};
afterEach(() => restore());

function configError(overrides: Record<string, string | undefined>): AuthKitConfigError {
  restore = setTestEnv(overrides);
  try {
    getConfig();
  } catch (error) {
    if (error instanceof AuthKitConfigError) return error;
    throw error;
  }
  throw new Error('expected an AuthKitConfigError');
}

describe('getConfig', () => {
  it('applies the reference defaults', () => {
    restore = setTestEnv({ NEXT_PUBLIC_WORKOS_REDIRECT_URI: undefined, WORKOS_API_HOSTNAME: undefined, WORKOS_API_HTTPS: undefined, WORKOS_API_PORT: undefined });
    expect(getConfig()).toMatchObject({
      cookieName: 'wos-session',
      cookieMaxAge: 34_560_000,
      cookieSameSite: 'lax',
      cookieDomain: undefined,
      apiHostname: undefined,
      apiHttps: true,
      apiPort: undefined,
      redirectUri: undefined,
      previousCookiePasswords: [],
    });
  });

  it('serves stale for 15 minutes by default; WORKOS_OUTAGE_GRACE_SECONDS changes it (0 turns it off) and refuses junk', () => {
    restore = setTestEnv();
    expect(getConfig().outageGraceSeconds).toBe(900);
    restore();
    restore = setTestEnv({ WORKOS_OUTAGE_GRACE_SECONDS: '0' });
    expect(getConfig().outageGraceSeconds).toBe(0);
    restore();
    expect(configError({ WORKOS_OUTAGE_GRACE_SECONDS: '15m' }).message).toMatch(/^WORKOS_OUTAGE_GRACE_SECONDS: "15m" is not a whole number between 0 and 86400/);
  });

  it("authorises member management by WorkOS's widget permission and the admin role by default; both can be set and junk is refused", () => {
    restore = setTestEnv();
    expect(getConfig()).toMatchObject({ manageMembersPermission: 'widgets:users-table:manage', adminRole: 'admin' });
    restore();
    restore = setTestEnv({ WORKOS_MANAGE_MEMBERS_PERMISSION: ' members:manage ', WORKOS_ADMIN_ROLE: 'owner' });
    expect(getConfig()).toMatchObject({ manageMembersPermission: 'members:manage', adminRole: 'owner' });
    restore();
    expect(configError({ WORKOS_MANAGE_MEMBERS_PERMISSION: 'members manage' }).message).toMatch(/^WORKOS_MANAGE_MEMBERS_PERMISSION: "members manage" is not a slug/);
    restore();
    expect(configError({ WORKOS_ADMIN_ROLE: 'a/b' }).variable).toBe('WORKOS_ADMIN_ROLE');
  });

  it('takes AUTHKIT_REDIS_URL as redis:// or rediss:// (TLS), and names it, without echoing it, when it is not one', () => {
    restore = setTestEnv();
    expect(getConfig().redisUrl).toBeUndefined();
    restore();
    restore = setTestEnv({ AUTHKIT_REDIS_URL: 'rediss://:p%40ss@cache.example.com:6380/2' });
    expect(getConfig().redisUrl).toBe('rediss://:p%40ss@cache.example.com:6380/2');
    restore();
    restore = setTestEnv({ AUTHKIT_REDIS_URL: 'redis://127.0.0.1:6379' });
    expect(getConfig().redisUrl).toBe('redis://127.0.0.1:6379');
    restore();
    for (const bad of ['http://:secret-pass@cache.example.com', 'cache.example.com:6379', 'redis://']) {
      const error = configError({ AUTHKIT_REDIS_URL: bad });
      expect(error.message).toMatch(/^AUTHKIT_REDIS_URL: is not a Redis URL.*rediss:\/\//);
      expect(error.message).not.toContain('secret-pass');
      restore();
    }
  });

  it('parses every optional variable', () => {
    restore = setTestEnv({
      WORKOS_COOKIE_NAME: 'my-session',
      WORKOS_COOKIE_MAX_AGE: '600',
      WORKOS_COOKIE_DOMAIN: 'example.com',
      WORKOS_COOKIE_SAMESITE: 'Strict',
      WORKOS_API_HOSTNAME: 'api.example.com',
      WORKOS_API_HTTPS: 'true',
      WORKOS_API_PORT: '8443',
      WORKOS_COOKIE_PASSWORD_PREVIOUS: ` ${'a'.repeat(32)} ,${'b'.repeat(40)}`,
    });
    expect(getConfig()).toMatchObject({
      cookieName: 'my-session',
      cookieMaxAge: 600,
      cookieDomain: 'example.com',
      cookieSameSite: 'strict',
      apiHostname: 'api.example.com',
      apiHttps: true,
      apiPort: 8443,
      previousCookiePasswords: ['a'.repeat(32), 'b'.repeat(40)],
    });
  });

  it('outside production, is kept while the environment is unchanged and read again when it changes (with a new session root)', () => {
    restore = setTestEnv();
    const first = getConfig();
    expect(getConfig()).toBe(first);
    const root = sessionRoot();
    expect(sessionRoot()).toBe(root);
    expect(workosClient(sessionRoot())).toBe(workosClient(root));
    process.env.WORKOS_COOKIE_NAME = 'renamed';
    expect(getConfig()).not.toBe(first);
    expect(getConfig().cookieName).toBe('renamed');
    expect(sessionRoot()).not.toBe(root);
    expect(sessionRoot().store).not.toBe(root.store);
    expect(workosClient(sessionRoot())).not.toBe(workosClient(root));
  });

  it('in production, is read once: a running server keeps its first configuration', async () => {
    restore = setTestEnv();
    const nodeEnv = process.env.NODE_ENV;
    vi.resetModules(); // a fresh module: production's configuration is never read again
    const fresh = await import('./config.js');
    try {
      process.env.NODE_ENV = 'production';
      const first = fresh.getConfig();
      process.env.WORKOS_COOKIE_NAME = 'renamed';
      expect(fresh.getConfig()).toBe(first);
      expect(fresh.getConfig().cookieName).toBe('wos-session');
    } finally {
      process.env.NODE_ENV = nodeEnv;
    }
  });

  it('names a short password by its length only, with the fix', () => {
    const secret = 'short-secret-value';
    const error = configError({ WORKOS_COOKIE_PASSWORD: secret });
    expect(error.variable).toBe('WORKOS_COOKIE_PASSWORD');
    expect(error.code).toBe('config_invalid');
    expect(error.message).toContain(`is ${secret.length} characters; it must be at least 32`);
    expect(error.message).toContain('openssl rand -base64 32');
    expect(error.message).not.toContain(secret);
  });

  it('never echoes an old password either', () => {
    const error = configError({ WORKOS_COOKIE_PASSWORD_PREVIOUS: `${'x'.repeat(32)},tooshort` });
    expect(error.variable).toBe('WORKOS_COOKIE_PASSWORD_PREVIOUS');
    expect(error.message).toContain('entry 2 is 8 characters');
    expect(error.message).not.toContain('tooshort');
  });

  it.each([
    ['WORKOS_CLIENT_ID', undefined, 'is not set'],
    ['WORKOS_API_KEY', '  ', 'is not set'],
    ['WORKOS_COOKIE_PASSWORD', undefined, 'is not set'],
    ['NEXT_PUBLIC_WORKOS_REDIRECT_URI', 'localhost:3000/callback', 'absolute http(s) URL'],
    ['WORKOS_COOKIE_MAX_AGE', 'ten', 'whole number'],
    ['WORKOS_COOKIE_MAX_AGE', '-1', 'whole number'],
    ['WORKOS_COOKIE_SAMESITE', 'sometimes', 'lax (the default), strict or none'],
    ['WORKOS_COOKIE_NAME', 'bad name;', 'valid cookie name'],
    ['WORKOS_COOKIE_DOMAIN', 'https://example.com', 'bare domain'],
    ['WORKOS_API_HOSTNAME', 'https://api.workos.com', 'bare host name'],
    ['WORKOS_API_HTTPS', 'yes', 'true or false'],
    ['WORKOS_API_PORT', '70000', 'whole number between 1 and 65535'],
  ])('rejects %s=%j, naming the variable', (variable, value, expected) => {
    const error = configError({ [variable]: value });
    expect(error.variable).toBe(variable);
    expect(error.message).toContain(variable);
    expect(error.message).toContain(expected);
  });

  it('never puts the API key in a message', () => {
    restore = setTestEnv({ WORKOS_API_KEY: 'sk_live_secret', WORKOS_COOKIE_SAMESITE: 'bogus' });
    expect(() => getConfig()).toThrow(/WORKOS_COOKIE_SAMESITE/);
    expect(() => getConfig()).not.toThrow(/sk_live_secret/);
    expect(TEST_COOKIE_PASSWORD.length).toBeGreaterThanOrEqual(32);
  });
});

describe('resolveRedirectUri', () => {
  it('prefers the option, then the environment', () => {
    restore = setTestEnv();
    expect(resolveRedirectUri(getConfig(), 'https://preview.example/auth')).toBe('https://preview.example/auth');
    expect(resolveRedirectUri(getConfig())).toBe('http://localhost:3000/callback');
  });

  it('explains how to set it when neither is given', () => {
    restore = setTestEnv({ NEXT_PUBLIC_WORKOS_REDIRECT_URI: undefined });
    expect(() => resolveRedirectUri(getConfig())).toThrow(/NEXT_PUBLIC_WORKOS_REDIRECT_URI: is not set.*handleAuth\(\)/);
    expect(() => resolveRedirectUri(getConfig(), '/relative')).toThrow(/redirectUri/);
  });
});

describe('workosBaseUrl', () => {
  it("builds WorkOS's origin exactly as the SDK does (the JWKS URL the Edge runtime uses without it)", () => {
    for (const env of [{}, { WORKOS_API_HOSTNAME: 'localhost', WORKOS_API_HTTPS: 'false', WORKOS_API_PORT: '4100' }, { WORKOS_API_HOSTNAME: 'auth.example.com' }]) {
      restore?.();
      restore = setTestEnv(env);
      const config = getConfig();
      expect(`${workosBaseUrl(config)}/sso/jwks/${config.clientId}`).toBe(workosClient(sessionRoot()).userManagement.getJwksUrl(config.clientId));
    }
  });
});
