/**
 * validateApiKey against the emulator, through the real SDK (`POST /api_keys/validations`): the
 * bearer token is read from the request, a request without one never reaches WorkOS, seeded and
 * issued keys validate, revoked and unknown ones do not, and an outage is an error, not "no key".
 */
import { describe, expect, it, vi } from 'vitest';
vi.mock('next/headers', async () => (await import('../../testing/next-headers.js')).nextHeadersMock);
import { mockRequest } from '../../testing/next-headers.js';
import { emulatorSuite } from '../../../test/support/emulator-suite.js';
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

const bearer = (value: string) => mockRequest.reset({ headers: { authorization: `Bearer ${value}` } });

describe('validateApiKey', () => {
  it('returns the API key object for a live key (the seeded one), never its secret', async () => {
    bearer('sk_acme_emulator');
    const { apiKey } = await validateApiKey();
    expect(apiKey).toMatchObject({ id: 'api_key_acme', owner: { type: 'organization', id: 'org_acme' }, permissions: ['posts:read'] });
    expect(JSON.stringify(apiKey)).not.toContain('sk_acme_emulator');
  });

  it('validates a key issued at run time until it is revoked, and never an unknown one', async () => {
    const issued = suite.emulator.control.createApiKey({ organization_id: 'org_globex', name: 'Globex CI' }) as { id: string; value: string };
    bearer(issued.value);
    expect((await validateApiKey()).apiKey).toMatchObject({ id: issued.id, owner: { id: 'org_globex' } });
    suite.emulator.control.revokeApiKey(issued.id);
    expect(await validateApiKey()).toEqual({ apiKey: null });
    bearer('sk_not_a_key');
    expect(await validateApiKey()).toEqual({ apiKey: null });
  });

  it('throws when WorkOS cannot answer, rather than reading a live key as no key', async () => {
    suite.emulator.control.injectFault({ endpoint: 'POST /api_keys/validations', status: 503, times: 10 });
    bearer('sk_acme_emulator');
    const error = await validateApiKey().catch((thrown: unknown) => thrown);
    expect(error).toBeInstanceOf(Error);
    expect(String((error as Error).message)).not.toContain('sk_acme_emulator');
  });

  it('answers { apiKey: null } without calling WorkOS when the request has no usable bearer token', async () => {
    suite.emulator.control.resetCounters();
    for (const authorization of [undefined, 'Basic dXNlcjpwYXNz', 'Bearer ']) {
      mockRequest.reset({ headers: authorization ? { authorization } : {} });
      expect(await validateApiKey()).toEqual({ apiKey: null });
    }
    expect(suite.emulator.control.counters()).toEqual({});
  });
});
