import 'server-only';
/** `signOut`: ends the session here and at WorkOS. */
import { redirect } from 'next/navigation';
import { getSession } from '../session/get-session.js';
import { getWorkOS } from '../workos.js';
import { forgetMemberships } from './memberships.js';
import { clearAllAuthCookies } from './session-store.js';

/**
 * Clears the session cookie (and its chunks and any pending sign-in cookie), then redirects to
 * WorkOS's logout URL, which ends the session and returns to `returnTo` (or the Logout URI set in
 * the dashboard). Without a session it redirects to `returnTo ?? '/'`. Use it in a server action
 * or route handler, outside try/catch (it throws Next's redirect).
 *
 * @example
 * // in a server action (see the README's sign-out form)
 * await signOut();
 * @example
 * await signOut({ returnTo: 'https://your-app.com/signed-out' });
 */
export async function signOut(options: { returnTo?: string } = {}): Promise<never> {
  const state = await getSession();
  const sessionId = state.status === 'signed-out' ? undefined : state.claims.sid;
  await clearAllAuthCookies();
  if (state.status !== 'signed-out') forgetMemberships(state.session.user.id);
  if (sessionId) redirect(getWorkOS().userManagement.getLogoutUrl({ sessionId, returnTo: options.returnTo }));
  redirect(options.returnTo ?? '/');
}
