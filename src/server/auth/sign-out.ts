import 'server-only';
/** `signOut`: ends the session here and at WorkOS. */
import { redirect } from 'next/navigation';
import { sameOriginReturnPath, safePathOf } from '../../shared/same-origin-path.js';
import { getSession } from '../request/get-session.js';
import { appOrigin } from '../request/request-context.js';
import { clearRequestAuthCookies } from '../request/write-session.js';
import { sessionRoot } from '../root/current-root.js';
import { workosClient } from '../workos.js';
import { forgetMemberships } from './memberships.js';
import { revokeWorkosSession } from './revoke-session.js';

/** Options of `signOut`. */
export interface SignOutOptions {
  /** Where to go afterwards: a path on this app, or an absolute URL on WorkOS's sign-out allow-list. @default the dashboard's logout redirect */
  returnTo?: string;
  /**
   * Honour `returnTo` only as a page of this app (a path, or a URL on its origin); anything else
   * is ignored. For a `returnTo` that anyone can send (a form field, an action's argument), as
   * `signOutAction` does. @default false
   */
  sameOriginOnly?: boolean;
}

/**
 * Where WorkOS's logout sends the browser back to. A same-origin path (or URL) becomes an absolute
 * URL on the app's origin (WorkOS's logout only accepts absolute URLs from its allow-list); an
 * absolute http(s) URL on another origin is passed on for WorkOS to check against that
 * allow-list, but only when its own path is a plain path too. Anything else: WorkOS's default.
 */
function logoutReturnUrl(returnTo: string | undefined, appOrigin: string): string | undefined {
  const path = sameOriginReturnPath(returnTo, appOrigin);
  if (path !== undefined) return new URL(path, appOrigin).href;
  try {
    const url = new URL(returnTo ?? '');
    const ownPath = url.protocol === 'http:' || url.protocol === 'https:' ? safePathOf(url) : undefined;
    return ownPath === undefined ? undefined : new URL(ownPath, url.origin).href;
  } catch {
    return undefined;
  }
}

/**
 * Clears the session cookie (and its chunks and any pending sign-in cookie), revokes the session
 * at WorkOS (waiting at most 3 s; a failure is logged and never blocks the sign-out), then
 * redirects to WorkOS's logout URL, which ends the AuthKit browser session and returns to `returnTo` (or the Logout URI set in
 * the dashboard). `returnTo` may be a path on this app (made absolute for WorkOS) or an absolute
 * URL on WorkOS's sign-out allow-list. Without a session it redirects to `returnTo` when that is on
 * this app's origin, else to '/'. With `sameOriginOnly`, a `returnTo` off this app's origin is
 * ignored. Use it in a server action or route handler, outside try/catch (it throws Next's redirect).
 *
 * @example
 * // in a server action (see the README's sign-out form)
 * await signOut();
 * @example
 * await signOut({ returnTo: 'https://your-app.com/signed-out' });
 */
export async function signOut(options: SignOutOptions = {}): Promise<never> {
  const root = sessionRoot();
  const state = await getSession();
  const origin = await appOrigin();
  const returnTo = options.sameOriginOnly ? sameOriginReturnPath(options.returnTo, origin) : options.returnTo;
  await clearRequestAuthCookies(root);
  if (state.status !== 'signed-out') {
    forgetMemberships(root, state.session.user.id);
    const sessionId = state.claims.sid;
    // Ended here, server-side, before the browser is sent anywhere: a copied cookie cannot refresh.
    if (sessionId) await revokeWorkosSession(root, sessionId);
    if (sessionId) redirect(workosClient(root).userManagement.getLogoutUrl({ sessionId, returnTo: logoutReturnUrl(returnTo, origin) }));
  }
  redirect(sameOriginReturnPath(returnTo, origin) ?? '/');
}
