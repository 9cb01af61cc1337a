import 'server-only';
/**
 * The auth route's "refresh" mode (`?refresh=1&return_to=…`). A server component render cannot
 * write cookies, so when it finds an expired token (and no proxy refreshed it) it redirects
 * here: the refresh happens where the rotated cookie can be saved, then the user goes back.
 * Rejected by WorkOS ⇒ cookie cleared. WorkOS unreachable ⇒ cookie kept and a retry marker set:
 * within the outage grace period the user goes back and the page serves the session stale; past
 * it, a 503 "try again" page (which reloads itself when the backoff has passed).
 */
import { NextResponse } from 'next/server';
import { AUTH_ROUTE_PARAMS } from '../../shared/constants.js';
import { safeReturnPath } from '../../shared/return-to.js';
import { serviceUnavailable } from '../http/gate-responses.js';
import { isWithinOutageGrace, secondsUntil } from '../session/outage-grace.js';
import { readSessionFromCookies } from '../session/read-session.js';
import { isWithinRefreshBuffer } from '../session/refresh-buffer.js';
import { refreshUnlessBackingOff } from '../session/refresh-expired.js';
import { writeRetryMarker } from '../session/retry-marker.js';
import { writeSessionCookie } from '../session/session-cookie.js';
import type { AuthRouteRequest } from './auth-route-request.js';
import { noStore } from './route-responses.js';

export async function refreshFromRoute({ root, request, origin }: AuthRouteRequest, fallbackPath: string): Promise<NextResponse> {
  const returnTo = safeReturnPath(request.nextUrl.searchParams.get(AUTH_ROUTE_PARAMS.returnTo), fallbackPath);
  const back = (sealed?: string | null) => {
    const response = noStore(NextResponse.redirect(new URL(returnTo, origin), 307));
    if (sealed !== undefined) writeSessionCookie(root.config, response.cookies, request.cookies, sealed, [request.url, origin]);
    return response;
  };
  const state = await readSessionFromCookies(root, request.cookies);
  if (state.status === 'signed-out') return back(state.reason === 'no-cookie' ? undefined : null);
  if (state.status === 'signed-in' && !isWithinRefreshBuffer(state.claims)) return back();

  const step = await refreshUnlessBackingOff(root, state, request.cookies);
  if (step.attempted && step.outcome.ok) return back(step.outcome.state.sealed);
  if (step.attempted && !step.outcome.ok && !step.outcome.error.isTransient) return back(null);
  if (state.status === 'signed-in') return back(); // still valid for now
  const response = isWithinOutageGrace(root.config, state)
    ? back()
    : noStore(serviceUnavailable('document', secondsUntil(step.retryAtMs), new Headers()));
  if (step.attempted) await writeRetryMarker(root, response.cookies, state.claims.sid, step.retryAtMs, [request.url, origin]);
  return response;
}
