import { afterEach, describe, expect, it } from 'vitest';
import { setTestEnv } from '../../../test/support/env.js';
import { flowCookieAttributes, sessionCookieAttributes } from './cookie-options.js';
import { sessionRoot } from '../root/current-root.js';

let restore: () => void = () => {};
afterEach(() => restore());

describe('cookie attributes', () => {
  it('defaults to HttpOnly, Lax, Path=/, 400 days, Secure only on https', () => {
    restore = setTestEnv();
    expect(sessionCookieAttributes(sessionRoot().config, 'https://app.example.com/x')).toEqual({
      httpOnly: true, sameSite: 'lax', path: '/', secure: true, maxAge: 34_560_000,
    });
    expect(sessionCookieAttributes(sessionRoot().config, 'http://localhost:3000/').secure).toBe(false);
    expect(sessionCookieAttributes(sessionRoot().config).secure).toBe(false); // the redirect URI is http://localhost
  });

  it('stays Secure when the request looks like http but a configured URL is https (a TLS terminator)', () => {
    restore = setTestEnv({ NEXT_PUBLIC_WORKOS_REDIRECT_URI: 'https://app.example.com/callback' });
    expect(sessionCookieAttributes(sessionRoot().config, 'http://app.example.com/x').secure).toBe(true);
    restore();
    restore = setTestEnv();
    expect(sessionCookieAttributes(sessionRoot().config, ['http://app.example.com/x', 'https://app.example.com']).secure).toBe(true); // baseURL
    expect(flowCookieAttributes(sessionRoot().config, ['http://localhost:3000/x', undefined]).secure).toBe(false);
  });

  it('applies WORKOS_COOKIE_DOMAIN, _MAX_AGE and _SAMESITE; None is always Secure', () => {
    restore = setTestEnv({ WORKOS_COOKIE_DOMAIN: 'example.com', WORKOS_COOKIE_MAX_AGE: '600', WORKOS_COOKIE_SAMESITE: 'none' });
    expect(sessionCookieAttributes(sessionRoot().config, 'http://localhost:3000/')).toMatchObject({ domain: 'example.com', maxAge: 600, sameSite: 'none', secure: true });
  });

  it('keeps the sign-in flow cookie short-lived and never Strict (it must survive the return from AuthKit)', () => {
    restore = setTestEnv({ WORKOS_COOKIE_SAMESITE: 'strict' });
    expect(flowCookieAttributes(sessionRoot().config, 'https://app.example.com/')).toMatchObject({ sameSite: 'lax', maxAge: 600, httpOnly: true });
  });
});
