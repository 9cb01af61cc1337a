/** `GET|POST /user_management/authorize`: the hosted sign-in page and its form posts. */
import { formBody, type EmuRequest, type Reply } from '../http.js';
import type { Runtime } from '../runtime.js';
import { deviceOf } from '../session-json.js';
import { finishSignIn, signIn, signUp } from './authorize-flow.js';
import { renderHostedPage } from './authorize-pages.js';
import { authorizeProblem, errorRedirect, pickParams } from './authorize-params.js';
import { consumeImpersonation } from './impersonate.js';

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
  return renderHostedPage(runtime, params);
}

export function postAuthorize(request: EmuRequest, runtime: Runtime): Reply {
  const form = formBody(request);
  const params = pickParams(form);
  const problem = authorizeProblem(runtime, params);
  if (problem) return problem;
  if (form.get('cancel')) return errorRedirect(params, 'access_denied', 'The user cancelled the sign-in.');
  const device = deviceOf(request);
  if (form.get('intent') === 'sign-up') return signUp(runtime, params, form, device);
  return signIn(runtime, params, form, device);
}
