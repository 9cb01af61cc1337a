/**
 * `GET /invite?invitation_token=…`: the `accept_invitation_url` of every invitation, the stand-in
 * for AuthKit's invitation link. Sign-ins must start at the app (its PKCE state), so, as AuthKit
 * does for a sign-in that did not start there, it sends the browser to the app's sign-in endpoint
 * (its auth route) and keeps the token in a cookie on the emulator's origin; the authorize request
 * that follows picks it up (`getAuthorize`) and shows the invitation.
 */
import { setBrowserCookie } from '../browser-cookie.js';
import { html, redirect, type EmuRequest, type Reply } from '../http.js';
import { invitationByToken, invitationProblem } from '../invitations.js';
import { invitationProblemPage } from '../pages/invitation.js';
import type { Runtime } from '../runtime.js';

export const INVITATION_COOKIE = 'wos_emulator_invitation';
const COOKIE_SECONDS = 10 * 60;

export function getInvite(request: EmuRequest, runtime: Runtime): Reply {
  const token = request.url.searchParams.get('invitation_token') ?? '';
  const problem = invitationProblem(invitationByToken(runtime, token));
  if (problem) return html(400, invitationProblemPage(problem, runtime.app.initiateLoginUrl));
  return redirect(runtime.app.initiateLoginUrl, setBrowserCookie(INVITATION_COOKIE, token, COOKIE_SECONDS));
}
