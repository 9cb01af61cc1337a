/** The shared emulator fixture: env wiring and its restore. */
import { afterEach, describe, expect, it } from 'vitest';
import { pointEnvAtEmulator } from './emulator.js';
import { TEST_COOKIE_PASSWORD, TEST_REDIRECT_URI } from './env.js';

const fakeEmulator = {
  env: {
    WORKOS_API_HOSTNAME: 'localhost',
    WORKOS_API_HTTPS: 'false' as const,
    WORKOS_API_PORT: '12345',
    WORKOS_CLIENT_ID: 'client_emulator',
    WORKOS_API_KEY: 'sk_test_emulator',
  },
};

const NAMES = [...Object.keys(fakeEmulator.env), 'WORKOS_COOKIE_PASSWORD', 'NEXT_PUBLIC_WORKOS_REDIRECT_URI'];
const saved = new Map(NAMES.map((name) => [name, process.env[name]]));

afterEach(() => {
  for (const [name, value] of saved) {
    if (value === undefined) delete process.env[name];
    else process.env[name] = value;
  }
});

describe('pointEnvAtEmulator', () => {
  it('sets the env block plus test defaults, and restores what was there before', () => {
    for (const name of NAMES) delete process.env[name];
    process.env.WORKOS_API_PORT = '4100';
    const restore = pointEnvAtEmulator(fakeEmulator);
    expect(process.env).toMatchObject({
      ...fakeEmulator.env,
      WORKOS_COOKIE_PASSWORD: TEST_COOKIE_PASSWORD,
      NEXT_PUBLIC_WORKOS_REDIRECT_URI: TEST_REDIRECT_URI,
    });
    expect(TEST_COOKIE_PASSWORD.length).toBeGreaterThanOrEqual(32);
    restore();
    expect(process.env.WORKOS_API_PORT).toBe('4100');
    expect(process.env.WORKOS_API_KEY).toBeUndefined();
    expect(process.env.WORKOS_COOKIE_PASSWORD).toBeUndefined();
  });

  it('keeps a cookie password and redirect URI that are already set', () => {
    process.env.WORKOS_COOKIE_PASSWORD = 'an-existing-password-that-is-long-enough';
    process.env.NEXT_PUBLIC_WORKOS_REDIRECT_URI = 'http://localhost:4000/auth';
    const restore = pointEnvAtEmulator(fakeEmulator);
    expect(process.env.WORKOS_COOKIE_PASSWORD).toBe('an-existing-password-that-is-long-enough');
    expect(process.env.NEXT_PUBLIC_WORKOS_REDIRECT_URI).toBe('http://localhost:4000/auth');
    restore();
  });
});
