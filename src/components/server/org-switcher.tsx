/** `<OrgSwitcher>` as a server component: memberships fetched on the server, one plain form per organisation. */
import { listOrganizationMemberships, withAuth } from '../../server/index.js';
import { OrgSwitcherItem, OrgSwitcherTrigger, OrgSwitcherView } from '../shared/org-switcher-view.js';
import type { OrgSwitcherProps } from '../shared/types.js';

/**
 * Lists the signed-in user's active memberships as switch forms (working without JavaScript),
 * marking the current one; nothing for one membership unless `showWhenSingle`, nothing signed out.
 * @example <OrgSwitcher returnTo="/dashboard" />
 */
export async function OrgSwitcher(props: OrgSwitcherProps) {
  const { user, organizationId } = await withAuth();
  if (!user) return null;
  const organizations = props.organizations ?? (await listOrganizationMemberships());
  return <OrgSwitcherView {...props} organizations={organizations} currentId={organizationId} />;
}
OrgSwitcher.Item = OrgSwitcherItem;
OrgSwitcher.Trigger = OrgSwitcherTrigger;
