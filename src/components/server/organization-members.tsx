/** `<OrganizationMembers>` as a server component: the members read on the server, forms to manage them. */
import { listOrganizationMembers, withAuth } from '../../server/index.js';
import { getConfig } from '../../server/config.js';
import { canManageMembers } from '../../server/organizations/caller.js';
import { organizationMessages } from '../../shared/organization-messages.js';
import type { OrganizationMember } from '../../shared/organization-types.js';
import { OrganizationMembersView } from '../shared/organization-members-view.js';
import type { OrganizationMembersProps } from '../shared/types.js';
import { ownBoundary } from './boundary.js';
import { partContext, placeholderLanding, readOrUnavailable } from './organization-part.js';

/** The roles a manager can give: the app's list, else the admin role, `member` and every role in use. */
function assignableRoles(given: string[] | undefined, members: OrganizationMember[]): string[] {
  if (given?.length) return given;
  return [...new Set([getConfig().adminRole, 'member', ...members.map((member) => member.role).filter(Boolean)])];
}

async function OrganizationMembersContent(props: OrganizationMembersProps) {
  const auth = await withAuth();
  if (!auth.user) return null;
  const context = await partContext('members', props);
  const view = { ...context, invite: props.invite, className: props.className };
  if (!auth.organizationId) return <OrganizationMembersView {...view} state="no-organization" />;
  const members = await readOrUnavailable('OrganizationMembers: the members', listOrganizationMembers);
  if (!members) return <OrganizationMembersView {...view} state="error" />;
  return (
    <OrganizationMembersView
      {...view} state={members.length ? 'ready' : 'empty'} members={members}
      canManage={canManageMembers(getConfig(), auth)} roles={assignableRoles(props.roles, members)}
    />
  );
}

/**
 * The members of the signed-in user's current organization, with their roles and statuses. To a
 * manager (the session grants `WORKOS_MANAGE_MEMBERS_PERMISSION`): a role form and a remove form
 * per member, and an invitation form; every member can leave (with a confirmation). Plain forms
 * posting server actions, which authorise again from the session: it works without JavaScript.
 * Nothing signed out; with Cache Components it streams into its own boundary (`loading` meanwhile).
 * @example <OrganizationMembers roles={['admin', 'member', 'billing']} />
 */
export async function OrganizationMembers(props: OrganizationMembersProps) {
  const messages = organizationMessages(props.messages);
  const loading = props.loading ?? <OrganizationMembersView state="loading" messages={messages} landing={placeholderLanding('members', props)} className={props.className} />;
  return ownBoundary(<OrganizationMembersContent {...props} />, loading);
}
