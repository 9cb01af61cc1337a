/** Ending sessions: the browser logout redirect and the API-key revoke call. */
import { apiError, html, json, jsonBody, notFound, redirect, type EmuRequest, type Reply } from '../http.js';
import { errorPage } from '../pages/layout.js';
import { isAllowedRedirect } from '../redirects.js';
import type { Runtime } from '../runtime.js';

function endSession(runtime: Runtime, sessionId: string): boolean {
  const session = runtime.store.liveSession(sessionId);
  if (!session) return false;
  // Its refresh tokens all point at the session, so they stop working with it; access tokens
  // already issued stay valid until `exp` (they are stateless JWTs), as with WorkOS.
  session.endedAt = Date.now();
  return true;
}

/** `GET /user_management/sessions/logout?session_id&return_to`: a browser navigation. */
export function getLogout(request: EmuRequest, runtime: Runtime): Reply {
  const sessionId = request.url.searchParams.get('session_id');
  if (!sessionId) {
    throw apiError(422, 'invalid_request_parameters', 'The session_id parameter is required.', {
      errors: [{ field: 'session_id', code: 'required' }],
    });
  }
  const returnTo = request.url.searchParams.get('return_to');
  if (returnTo && !isAllowedRedirect(returnTo, runtime.seed.logoutRedirectPatterns)) {
    return html(400, errorPage('Cannot sign out', `The return_to URL '${returnTo}' is not on the logout allow-list.`));
  }
  // An unknown or already-ended session still redirects: the user wanted out, and is out.
  endSession(runtime, sessionId);
  return redirect(returnTo ?? runtime.app.logoutRedirect(runtime.seed.defaultLogoutRedirect));
}

/** `POST /user_management/sessions/revoke` `{ session_id }`. */
export function postRevoke(request: EmuRequest, runtime: Runtime): Reply {
  const sessionId = jsonBody(request).session_id;
  if (typeof sessionId !== 'string' || sessionId === '') {
    throw apiError(422, 'invalid_request_parameters', 'The session_id field is required.', {
      errors: [{ field: 'session_id', code: 'required' }],
    });
  }
  if (!runtime.store.sessions.has(sessionId)) throw notFound('Session', sessionId);
  endSession(runtime, sessionId);
  return json(200, {});
}
