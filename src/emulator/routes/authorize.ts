/** `GET|POST /user_management/authorize`: the hosted sign-in page and its form posts. */
import { browserCookie, clearBrowserCookie } from '../browser-cookie.js';
import { formBody, type EmuRequest, type Reply } from '../http.js';
import type { Runtime } from '../runtime.js';
import { deviceOf } from '../session-json.js';
import { finishSignIn, signIn, signUp } from './authorize-flow.js';
import { acceptThroughSignIn, renderInvitation } from './authorize-invitation.js';
import { renderHostedPage } from './authorize-pages.js';
import { authorizeProblem, errorRedirect, pickParams } from './authorize-params.js';
import { consumeImpersonation } from './impersonate.js';
import { INVITATION_COOKIE } from './invite.js';

export function getAuthorize(request: EmuRequest, runtime: Runtime): Reply {
  const params = pickParams(request.url.searchParams);
  const problem = authorizeProblem(runtime, params);
  if (problem) return problem;
  runtime.app.learn(params.redirect_uri!);
  // A pending impersonation (started on /_emulator/impersonate) skips the page entirely.
  const impersonation = consumeImpersonation(runtime, request);
  if (impersonation) {
    return finishSignIn(runtime, params, { ...impersonation.auth, device: deviceOf(request) }, impersonation.headers);
  }
  // An invitation link followed just before (`/invite`) carries its token in here, once.
  const carried = params.invitation_token ? undefined : browserCookie(request, INVITATION_COOKIE);
  if (carried) params.invitation_token = carried;
  if (!params.invitation_token) return renderHostedPage(runtime, params);
  const reply = renderInvitation(runtime, params);
  if (carried) Object.assign(reply.headers, clearBrowserCookie(INVITATION_COOKIE));
  return reply;
}

export function postAuthorize(request: EmuRequest, runtime: Runtime): Reply {
  const form = formBody(request);
  const params = pickParams(form);
  const problem = authorizeProblem(runtime, params);
  if (problem) return problem;
  if (form.get('cancel')) return errorRedirect(params, 'access_denied', 'The user cancelled the sign-in.');
  const device = deviceOf(request);
  if (params.invitation_token) return acceptThroughSignIn(runtime, params, form, device);
  if (form.get('intent') === 'sign-up') return signUp(runtime, params, form, device);
  return signIn(runtime, params, form, device);
}
