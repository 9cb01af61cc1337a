/**
 * Set-up warnings at configuration time: a production app pointed at the local emulator (loopback
 * API host, WORKOS_API_HTTPS=false, the emulator's key or client id), and the emulator's client id
 * sent to real WorkOS (the env block half copied). One warning, naming the variables, never a secret.
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { DEFAULT_API_KEY, DEFAULT_CLIENT_ID } from '../emulator/seed-defaults.js';
import { EMULATOR_API_KEY, EMULATOR_CLIENT_ID } from '../shared/constants.js';
import { readConfig } from './config.js';
import { setTestEnv } from '../../test/support/env.js';

let restore: () => void = () => {};
let warnings: string[] = [];
const nodeEnv = process.env.NODE_ENV;
beforeEach(() => {
  warnings = [];
  vi.spyOn(console, 'warn').mockImplementation((...args: unknown[]) => void warnings.push(args.join(' ')));
});
afterEach(() => {
  restore();
  process.env.NODE_ENV = nodeEnv;
  vi.restoreAllMocks();
});

const EMULATOR_ENV = { WORKOS_CLIENT_ID: EMULATOR_CLIENT_ID, WORKOS_API_KEY: EMULATOR_API_KEY, WORKOS_API_HOSTNAME: 'localhost', WORKOS_API_HTTPS: 'false', WORKOS_API_PORT: '4100' };

describe('set-up warnings', () => {
  it("knows the emulator's own client id and API key", () => {
    expect([EMULATOR_CLIENT_ID, EMULATOR_API_KEY]).toEqual([DEFAULT_CLIENT_ID, DEFAULT_API_KEY]);
  });

  it('NODE_ENV=production against the emulator: one warning naming every variable, without the key', () => {
    restore = setTestEnv(EMULATOR_ENV);
    process.env.NODE_ENV = 'production';
    readConfig();
    readConfig();
    expect(warnings).toHaveLength(1);
    for (const name of ['NODE_ENV', 'WORKOS_API_HOSTNAME', 'WORKOS_API_HTTPS', 'WORKOS_API_KEY', 'WORKOS_CLIENT_ID']) expect(warnings[0]).toContain(name);
    expect(warnings[0]).not.toContain(EMULATOR_API_KEY);
  });

  it('NODE_ENV=production with only a loopback host, or only WORKOS_API_HTTPS=false, still warns about that one', () => {
    process.env.NODE_ENV = 'production';
    restore = setTestEnv({ WORKOS_CLIENT_ID: 'client_real_1', WORKOS_API_KEY: 'sk_live_1', WORKOS_API_HOSTNAME: '127.0.0.2', WORKOS_API_HTTPS: undefined, WORKOS_API_PORT: undefined });
    readConfig();
    restore();
    restore = setTestEnv({ WORKOS_CLIENT_ID: 'client_real_2', WORKOS_API_KEY: 'sk_live_2', WORKOS_API_HOSTNAME: 'api.workos.com', WORKOS_API_HTTPS: 'false', WORKOS_API_PORT: undefined });
    readConfig();
    expect(warnings).toHaveLength(2);
    expect(warnings[0]).toMatch(/WORKOS_API_HOSTNAME=127\.0\.0\.2/);
    expect(warnings[0]).not.toMatch(/WORKOS_API_HTTPS=false/);
    expect(warnings[1]).toMatch(/WORKOS_API_HTTPS=false/);
  });

  it("the emulator's client id with the API host not the emulator: warns in any environment", () => {
    restore = setTestEnv({ ...EMULATOR_ENV, WORKOS_API_HOSTNAME: undefined, WORKOS_API_HTTPS: undefined, WORKOS_API_PORT: undefined });
    readConfig();
    expect(warnings).toHaveLength(1);
    expect(warnings[0]).toMatch(/WORKOS_CLIENT_ID is the local emulator's/);
    expect(warnings[0]).toMatch(/whole/);
  });

  it('says nothing for the emulator in development, or real settings in production', () => {
    restore = setTestEnv({ ...EMULATOR_ENV, WORKOS_API_PORT: '4101' });
    readConfig();
    restore();
    process.env.NODE_ENV = 'production';
    restore = setTestEnv({ WORKOS_CLIENT_ID: 'client_real', WORKOS_API_KEY: 'sk_live_x', WORKOS_API_HOSTNAME: undefined, WORKOS_API_HTTPS: undefined, WORKOS_API_PORT: undefined });
    readConfig();
    expect(warnings).toEqual([]);
  });
});
