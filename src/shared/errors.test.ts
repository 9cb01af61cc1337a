/**
 * The error classes take both call forms: the kit's coded one and the reference package's
 * (`new AuthKitError(message, cause?, data?)`, `new CallbackError(message, code, context?)`,
 * `new TokenRefreshError(message, cause?, context?)`), as tests and mocks written for the
 * reference construct them.
 */
import { describe, expect, it } from 'vitest';
import { AuthKitConfigError, AuthKitError, CallbackError, TokenRefreshError, isAuthKitError } from './errors.js';

describe('AuthKitError', () => {
  it('coded form: code, message, cause and data', () => {
    const cause = new Error('socket hang up');
    const error = new AuthKitError('invalid_argument', 'maxAge must be a number', { cause, data: { maxAge: 'x' } });
    expect([error.code, error.message, error.cause, error.data]).toEqual(['invalid_argument', 'maxAge must be a number', cause, { maxAge: 'x' }]);
    expect(error.name).toBe('AuthKitError');
    expect(error).toBeInstanceOf(Error);
  });

  it("reference form: message, cause, data, and the code 'unknown'", () => {
    const cause = new Error('boom');
    const error = new AuthKitError('Something went wrong', cause, { step: 'refresh' });
    expect([error.code, error.message, error.cause, error.data]).toEqual(['unknown', 'Something went wrong', cause, { step: 'refresh' }]);
    expect(isAuthKitError(error)).toBe(true);
  });

  it('reference form with a message only, or a single-word message and a string cause', () => {
    expect(new AuthKitError('Unauthorized')).toMatchObject({ code: 'unknown', message: 'Unauthorized', data: undefined });
    expect('cause' in new AuthKitError('Unauthorized')).toBe(false);
    const error = new AuthKitError('Refused', 'upstream said no');
    expect([error.code, error.message, error.cause]).toEqual(['unknown', 'Refused', 'upstream said no']);
  });

  it('config errors keep their code and name the variable', () => {
    const error = new AuthKitConfigError('WORKOS_COOKIE_PASSWORD', 'must be at least 32 characters');
    expect([error.code, error.variable, error.message]).toEqual(['config_invalid', 'WORKOS_COOKIE_PASSWORD', 'WORKOS_COOKIE_PASSWORD: must be at least 32 characters']);
  });
});

describe('CallbackError', () => {
  it('coded form: code first, context fields readable, cause kept', () => {
    const cause = new Error('invalid_grant');
    const error = new CallbackError('authentication_failed', 'WorkOS did not accept the code.', { path: '/callback', hasCode: true }, cause);
    expect([error.code, error.message, error.path, error.hasCode, error.cause]).toEqual(['authentication_failed', 'WorkOS did not accept the code.', '/callback', true, cause]);
    expect(error.data).toEqual({ path: '/callback', hasCode: true });
  });

  it('reference form: message, then code, then context', () => {
    const error = new CallbackError('Sign-in session could not be verified', 'missing_pkce_cookie', { path: '/callback', userAgent: 'UA', hasState: true });
    expect([error.code, error.message, error.path, error.userAgent, error.hasState, error.hasCode]).toEqual([
      'missing_pkce_cookie', 'Sign-in session could not be verified', '/callback', 'UA', true, undefined,
    ]);
    expect(error).toBeInstanceOf(AuthKitError);
    expect(error.name).toBe('CallbackError');
  });

  it('reference form without a context', () => {
    expect(new CallbackError('OAuth state mismatch', 'oauth_state_mismatch')).toMatchObject({ code: 'oauth_state_mismatch', message: 'OAuth state mismatch', context: {} });
  });
});

describe('TokenRefreshError', () => {
  it('coded form: one options object with isTransient', () => {
    const cause = new Error('503');
    const error = new TokenRefreshError('Session refresh failed', { cause, userId: 'user_1', sessionId: 'session_1', isTransient: true });
    expect([error.code, error.cause, error.userId, error.sessionId, error.isTransient]).toEqual(['token_refresh_failed', cause, 'user_1', 'session_1', true]);
  });

  it('reference form: message, cause, context', () => {
    const cause = new Error('invalid_grant');
    const error = new TokenRefreshError('Failed to refresh session', cause, { userId: 'user_1', sessionId: 'session_1' });
    expect([error.code, error.cause, error.userId, error.sessionId, error.isTransient]).toEqual(['token_refresh_failed', cause, 'user_1', 'session_1', false]);
  });

  it('reference form with a cause only, a plain-object cause, or nothing', () => {
    const cause = { status: 503 };
    expect(new TokenRefreshError('Failed', cause)).toMatchObject({ cause, isTransient: false, userId: undefined });
    expect(new TokenRefreshError('Failed', cause, { isTransient: true })).toMatchObject({ cause, isTransient: true });
    expect(new TokenRefreshError('Failed')).toMatchObject({ isTransient: false, message: 'Failed' });
  });
});
