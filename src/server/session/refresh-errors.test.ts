/**
 * Which refresh failures end a session, pure: the SDK's error shapes built by hand (the
 * emulator-backed refresh.test.ts sees the same ones come back from WorkOS's wire format).
 */
import { describe, expect, it } from 'vitest';
import { TokenRefreshError } from '../../shared/errors.js';
import { isTerminalRefreshError, refreshErrorCode, toTokenRefreshError } from './refresh-errors.js';

const withFields = (name: string, fields: Record<string, unknown>) => Object.assign(Object.assign(new Error('x'), { name }), fields);

describe('isTerminalRefreshError', () => {
  it.each([
    ['invalid_grant', withFields('OauthException', { status: 400, error: 'invalid_grant' }), true],
    ['sso_required', withFields('AuthenticationException', { status: 403, code: 'sso_required' }), true],
    ['429', withFields('RateLimitExceededException', { status: 429 }), false],
    ['408 timeout', withFields('GenericServerException', { status: 408 }), false],
    ['425 too early', withFields('OauthException', { status: 425, error: 'invalid_request' }), false],
    ['503', withFields('OauthException', { status: 503, error: 'server_error' }), false],
    ['a network TypeError', new TypeError('fetch failed'), false],
    ['a bad API key (401)', withFields('UnauthorizedException', { status: 401 }), false],
    ['anything unexpected', new Error('boom'), false],
    ['not an error at all', { status: 400, error: 'invalid_grant' }, false],
  ])('%s → terminal: %s', (_label, error, terminal) => {
    expect(isTerminalRefreshError(error)).toBe(terminal);
  });
});

describe('refreshErrorCode', () => {
  it("reads the OAuth error or the WorkOS code, through a TokenRefreshError's cause", () => {
    expect(refreshErrorCode(withFields('OauthException', { error: 'invalid_grant' }))).toBe('invalid_grant');
    expect(refreshErrorCode(withFields('AuthenticationException', { code: 'mfa_enrollment' }))).toBe('mfa_enrollment');
    const wrapped = new TokenRefreshError('failed', { cause: withFields('AuthenticationException', { code: 'sso_required' }), isTransient: false });
    expect(refreshErrorCode(wrapped)).toBe('sso_required');
    expect(refreshErrorCode(new Error('plain'))).toBeUndefined();
    expect(refreshErrorCode(null)).toBeUndefined();
  });
});

describe('toTokenRefreshError', () => {
  it('wraps the failure with its verdict and who it was for, never its message', () => {
    const cause = withFields('OauthException', { status: 400, error: 'invalid_grant', message: 'token rt_secret123 is invalid' });
    const error = toTokenRefreshError(cause, { userId: 'user_1', sessionId: 'session_1' });
    expect(error).toBeInstanceOf(TokenRefreshError);
    expect(error).toMatchObject({ code: 'token_refresh_failed', isTransient: false, userId: 'user_1', sessionId: 'session_1', cause });
    expect(error.message).toBe('Session refresh failed (OauthException status 400 invalid_grant): rejected by WorkOS.');
    expect(error.message).not.toContain('rt_secret123');
    expect(toTokenRefreshError(new TypeError('fetch failed'), {}).isTransient).toBe(true);
  });
});
