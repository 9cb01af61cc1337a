import 'server-only';
/**
 * The proxy's session step: read the cookie, refresh when the token has expired or is within the
 * refresh buffer (single-flight, with backoff after transient failures), and decide what the
 * response writes. Callbacks are awaited, and an error thrown in one is logged, never allowed to
 * break the request.
 */
import { describeError, warn, type DebugLog } from '../log.js';
import type { SessionRoot } from '../root/session-root.js';
import { isWithinOutageGrace } from '../session/outage-grace.js';
import { readSessionFromCookies } from '../session/read-session.js';
import { isWithinRefreshBuffer } from '../session/refresh-buffer.js';
import { refreshUnlessBackingOff } from '../session/refresh-expired.js';
import { signedOut, type SessionState } from '../session/session-state.js';
import type { NextRequest } from 'next/server';
import type { AuthkitOptions } from './options.js';

export interface SettledSession {
  state: SessionState;
  /** What the response must do with the session cookie: write a new value, clear it, or nothing. */
  cookie: { write: string } | { clear: true } | undefined;
  /**
   * The token has expired and WorkOS could not refresh it (transient); the cookie is kept.
   * `stale`: served signed in (within the outage grace period). `writeMarker`: a refresh was just
   * tried, so the response carries a new retry marker.
   */
  outage?: { stale: boolean; retryAtMs: number; writeMarker: boolean };
}

async function runCallback<T>(name: string, callback: ((data: T) => unknown) | undefined, data: T): Promise<void> {
  if (!callback) return;
  try {
    await callback(data);
  } catch (error) {
    warn(`${name} threw (${describeError(error)}); the request continues.`);
  }
}

export async function settleSession(root: SessionRoot, request: NextRequest, options: AuthkitOptions, log: DebugLog): Promise<SettledSession> {
  const state = await readSessionFromCookies(root, request.cookies);
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
  const step = await refreshUnlessBackingOff(root, state, request.cookies);
  if (step.attempted && step.outcome.ok) {
    const { session, info } = step.outcome.state;
    log('refreshed');
    await runCallback('onSessionRefreshSuccess', options.onSessionRefreshSuccess, {
      accessToken: session.accessToken,
      user: session.user,
      impersonator: session.impersonator,
      organizationId: info.organizationId,
    });
    return { state: step.outcome.state, cookie: { write: step.outcome.state.sealed } };
  }
  if (step.attempted && !step.outcome.ok) {
    const { error } = step.outcome;
    log(`refresh failed: ${error.message}`);
    await runCallback('onSessionRefreshError', options.onSessionRefreshError, { error, request, isTransient: error.isTransient });
    if (!error.isTransient) return { state: signedOut('refresh-rejected'), cookie: { clear: true } };
  } else if (!step.attempted) {
    log('a refresh failed moments ago: not retrying yet');
  }
  // A proactive refresh that failed still leaves a valid token: keep serving it.
  if (state.status === 'signed-in') return { state, cookie: undefined };
  const stale = isWithinOutageGrace(root.config, state);
  log(stale ? 'WorkOS unavailable: serving the session stale' : 'WorkOS unavailable: past the outage grace period');
  return { state, cookie: undefined, outage: { stale, retryAtMs: step.retryAtMs, writeMarker: step.attempted } };
}
