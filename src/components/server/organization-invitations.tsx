/** `<OrganizationInvitations>` as a server component: the pending invitations, for managers. */
import { listOrganizationInvitations, withAuth } from '../../server/index.js';
import { getConfig } from '../../server/config.js';
import { canManageMembers } from '../../server/organizations/caller.js';
import { organizationMessages } from '../../shared/organization-messages.js';
import { OrganizationInvitationsView } from '../shared/organization-invitations-view.js';
import type { OrganizationPartProps } from '../shared/types.js';
import { ownBoundary } from './boundary.js';
import { partContext, placeholderLanding, readOrUnavailable } from './organization-part.js';

async function OrganizationInvitationsContent(props: OrganizationPartProps) {
  const auth = await withAuth();
  if (!auth.user || !auth.organizationId || !canManageMembers(getConfig(), auth)) return null;
  const context = await partContext('invitations', props);
  const invitations = await readOrUnavailable('OrganizationInvitations: the invitations', listOrganizationInvitations);
  if (!invitations) return <OrganizationInvitationsView {...context} state="error" className={props.className} />;
  return <OrganizationInvitationsView {...context} state={invitations.length ? 'ready' : 'empty'} invitations={invitations} className={props.className} />;
}

/**
 * The current organization's pending invitations (email, role, expiry) with resend and revoke
 * forms, for a manager (`WORKOS_MANAGE_MEMBERS_PERMISSION`); nothing for anyone else. Works
 * without JavaScript; with Cache Components it streams into its own boundary (`loading` meanwhile).
 * @example <OrganizationInvitations />
 */
export async function OrganizationInvitations(props: OrganizationPartProps) {
  const messages = organizationMessages(props.messages);
  const loading = props.loading === undefined
    ? <OrganizationInvitationsView state="loading" messages={messages} landing={placeholderLanding('invitations', props)} className={props.className} />
    : props.loading;
  return ownBoundary(<OrganizationInvitationsContent {...props} />, loading);
}
