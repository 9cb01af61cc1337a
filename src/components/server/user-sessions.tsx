/** `<UserSessions>` as a server component: the signed-in user's active sessions and sign-out forms. */
import { listUserSessions, withAuth } from '../../server/index.js';
import { organizationMessages } from '../../shared/organization-messages.js';
import { UserSessionsView } from '../shared/user-sessions-view.js';
import type { OrganizationPartProps } from '../shared/types.js';
import { ownBoundary } from './boundary.js';
import { partContext, placeholderLanding, readOrUnavailable } from './organization-part.js';

async function UserSessionsContent(props: OrganizationPartProps) {
  const { user } = await withAuth();
  if (!user) return null;
  const context = await partContext('sessions', props);
  const sessions = await readOrUnavailable('UserSessions: the sessions', listUserSessions);
  if (!sessions) return <UserSessionsView {...context} state="error" className={props.className} />;
  return <UserSessionsView {...context} state="ready" sessions={sessions} className={props.className} />;
}

/**
 * The signed-in user's active sessions: device, IP address, last seen, which one is this one; a
 * form to sign out any of them (this one signs the user out) and one to sign out all the others.
 * Works without JavaScript; with Cache Components it streams into its own boundary (`loading` meanwhile).
 * @example <UserSessions />
 */
export async function UserSessions(props: OrganizationPartProps) {
  const messages = organizationMessages(props.messages);
  const loading = props.loading ?? <UserSessionsView state="loading" messages={messages} landing={placeholderLanding('sessions', props)} className={props.className} />;
  return ownBoundary(<UserSessionsContent {...props} />, loading);
}
