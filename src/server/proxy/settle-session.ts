import 'server-only';
/**
 * The proxy's session step: read the cookie, refresh when the token has expired or is within the
 * refresh buffer (single-flight), and decide what the response writes. Callbacks are awaited, and
 * an error thrown in one is logged, never allowed to break the request.
 */
import { describeError, warn, type DebugLog } from '../log.js';
import { readSessionFromCookies } from '../session/read-session.js';
import { isWithinRefreshBuffer } from '../session/refresh-buffer.js';
import { refreshTokens } from '../session/refresh.js';
import { signedOut, type SessionState } from '../session/state.js';
import type { NextRequest } from 'next/server';
import type { AuthkitOptions } from './options.js';

export interface SettledSession {
  state: SessionState;
  /** What the response must do with the session cookie: write a new value, clear it, or nothing. */
  cookie: { write: string } | { clear: true } | undefined;
  /** Set when the token has expired and WorkOS could not be reached: the cookie is kept. */
  unavailable?: { retryAfterSeconds: number };
}

const DEFAULT_RETRY_AFTER_SECONDS = 5;

async function runCallback<T>(name: string, callback: ((data: T) => unknown) | undefined, data: T): Promise<void> {
  if (!callback) return;
  try {
    await callback(data);
  } catch (error) {
    warn(`${name} threw (${describeError(error)}); the request continues.`);
  }
}

function retryAfter(error: unknown): number {
  const seconds = (error as { cause?: { retryAfter?: unknown } }).cause?.retryAfter;
  return typeof seconds === 'number' && seconds > 0 ? Math.ceil(seconds) : DEFAULT_RETRY_AFTER_SECONDS;
}

export async function settleSession(request: NextRequest, options: AuthkitOptions, log: DebugLog): Promise<SettledSession> {
  const state = await readSessionFromCookies(request.cookies);
  if (state.status === 'signed-out') {
    log(`signed out (${state.reason})`);
    return { state, cookie: state.reason === 'no-cookie' ? undefined : { clear: true } };
  }
  const due = state.status === 'expired' || isWithinRefreshBuffer(state.claims, options.refreshBufferSeconds);
  if (!due) {
    log('signed in');
    return { state, cookie: undefined };
  }
  log(state.status === 'expired' ? 'access token expired: refreshing' : 'access token expiring soon: refreshing');
  const outcome = await refreshTokens(state);
  if (outcome.ok) {
    const { session, info } = outcome.state;
    log('refreshed');
    await runCallback('onSessionRefreshSuccess', options.onSessionRefreshSuccess, {
      accessToken: session.accessToken,
      user: session.user,
      impersonator: session.impersonator,
      organizationId: info.organizationId,
    });
    return { state: outcome.state, cookie: { write: outcome.state.sealed } };
  }
  const { error } = outcome;
  log(`refresh failed: ${error.message}`);
  await runCallback('onSessionRefreshError', options.onSessionRefreshError, { error, request, isTransient: error.isTransient });
  // A proactive refresh that failed still leaves a valid token: keep serving it.
  if (state.status === 'signed-in') return { state, cookie: undefined };
  if (error.isTransient) return { state, cookie: undefined, unavailable: { retryAfterSeconds: retryAfter(error) } };
  return { state: signedOut('refresh-rejected'), cookie: { clear: true } };
}
