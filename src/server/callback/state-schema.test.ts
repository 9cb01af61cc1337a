import { describe, expect, it } from 'vitest';
import { StateSchema } from './state-schema.js';

const validate = (value: unknown) => StateSchema['~standard'].validate(value);

describe('StateSchema (Standard Schema v1)', () => {
  it('declares itself as a Standard Schema', () => {
    expect(StateSchema['~standard']).toMatchObject({ version: 1, vendor: 'authkit-rsc' });
  });

  it("accepts the reference's state and drops unknown keys", () => {
    expect(validate({ nonce: 'n', codeVerifier: 'v', returnPathname: '/x', extra: 1 })).toEqual({ value: { nonce: 'n', codeVerifier: 'v', returnPathname: '/x' } });
    expect(validate({ nonce: 'n', codeVerifier: 'v', customState: '{"a":1}' })).toEqual({ value: { nonce: 'n', codeVerifier: 'v', customState: '{"a":1}' } });
  });

  it('names every field at fault', () => {
    expect(validate({ nonce: 1, returnPathname: 2 })).toEqual({
      issues: [
        { message: 'nonce: expected a string', path: ['nonce'] },
        { message: 'codeVerifier: expected a string', path: ['codeVerifier'] },
        { message: 'returnPathname: expected a string or nothing', path: ['returnPathname'] },
      ],
    });
    expect(validate(null)).toEqual({ issues: [{ message: 'Expected an object' }] });
    expect(validate('state')).toEqual({ issues: [{ message: 'Expected an object' }] });
  });
});
