/**
 * validateApiKey: the bearer token is read from the request as the reference reads it, and a
 * request without one never reaches WorkOS. (Validating issued keys against the emulator is in
 * the API-key suite that needs the emulator's keys.)
 */
import { describe, expect, it, vi } from 'vitest';
vi.mock('next/headers', () => import('../../../test/support/next-headers.js'));
import { nextRequest } from '../../../test/support/next-headers.js';
import { emulatorSuite } from '../test-support/emulator-suite.js';
import { bearerToken, validateApiKey } from './validate-api-key.js';

const suite = emulatorSuite();

describe('bearerToken', () => {
  it('takes the token of a Bearer header, the scheme in any case, surrounding spaces ignored', () => {
    expect(bearerToken('Bearer sk_live_123')).toBe('sk_live_123');
    expect(bearerToken('bearer   sk_live_123  ')).toBe('sk_live_123');
    expect(bearerToken('BEARER sk_live_123')).toBe('sk_live_123');
  });

  it('has none for another scheme, an empty token, or a token with spaces in it', () => {
    for (const header of [null, '', 'Bearer', 'Bearer ', 'Basic dXNlcjpwYXNz', 'Bearer a b', 'Token sk_live_123', 'xBearer sk']) {
      expect(bearerToken(header), String(header)).toBeUndefined();
    }
  });
});

describe('validateApiKey', () => {
  it('answers { apiKey: null } without calling WorkOS when the request has no usable bearer token', async () => {
    suite.emulator.control.resetCounters();
    for (const authorization of [undefined, 'Basic dXNlcjpwYXNz', 'Bearer ']) {
      nextRequest.reset({ headers: authorization ? { authorization } : {} });
      expect(await validateApiKey()).toEqual({ apiKey: null });
    }
    expect(suite.emulator.control.counters()).toEqual({});
  });
});
