/** `<OrgSwitcher>` as a server component: memberships fetched on the server, one plain form per organisation. */
import { unstable_rethrow } from 'next/navigation';
import { listOrganizationMemberships, withAuth } from '../../server/index.js';
import { describeError, warn } from '../../server/log.js';
import { OrgSwitcherItem, OrgSwitcherPlaceholder, OrgSwitcherTrigger, OrgSwitcherView } from '../shared/org-switcher-view.js';
import type { OrganizationChoice, OrgSwitcherProps } from '../shared/types.js';
import { ownBoundary } from './boundary.js';

/** The memberships, or none when WorkOS cannot list them: a page must not fail over its switcher. */
async function membershipsOrNone(): Promise<OrganizationChoice[]> {
  try {
    return await listOrganizationMemberships();
  } catch (error) {
    unstable_rethrow(error);
    warn(`OrgSwitcher: the organizations could not be listed (${describeError(error)}); the switcher is hidden for this request.`);
    return [];
  }
}

async function OrgSwitcherContent(props: OrgSwitcherProps) {
  const { user, organizationId } = await withAuth();
  if (!user) return null;
  const organizations = props.organizations ?? (await membershipsOrNone());
  return <OrgSwitcherView {...props} organizations={organizations} currentId={organizationId} />;
}

/**
 * Lists the signed-in user's active memberships as switch forms (working without JavaScript),
 * marking the current one; nothing for one membership unless `showWhenSingle`, nothing signed out.
 * With Cache Components it streams into its own boundary; until then the page shows `loading`
 * (default: the closed switcher labelled `label`).
 * @example <OrgSwitcher returnTo="/dashboard" />
 */
export async function OrgSwitcher(props: OrgSwitcherProps) {
  const loading = props.loading === undefined ? <OrgSwitcherPlaceholder {...props} /> : props.loading;
  return ownBoundary(<OrgSwitcherContent {...props} />, loading);
}
OrgSwitcher.Item = OrgSwitcherItem;
OrgSwitcher.Trigger = OrgSwitcherTrigger;
