/** A user's sessions: the browser logout redirect, the API-key revoke call and the list. */
import { apiError, html, json, jsonBody, notFound, redirect, type EmuRequest, type Reply } from '../http.js';
import { errorPage } from '../pages/layout.js';
import { paginate, parseListQuery } from '../paginate.js';
import { isAllowedRedirect } from '../redirects.js';
import type { Runtime } from '../runtime.js';
import { sessionJson } from '../session-json.js';
import { endSession } from '../sessions.js';

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

/** `GET /user_management/users/:id/sessions`: the user's active sessions, newest first, paginated. */
export function listUserSessions(request: EmuRequest, runtime: Runtime): Reply {
  const userId = request.params.id!;
  if (!runtime.store.users.has(userId)) throw notFound('User', userId);
  const sessions = [...runtime.store.sessions.values()]
    .filter((session) => session.userId === userId && session.endedAt === undefined)
    .map(sessionJson) as { id: string; created_at: string }[];
  return json(200, paginate(sessions, parseListQuery(request.url), (session) => session));
}
