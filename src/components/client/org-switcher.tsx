'use client';
/** Client twin of `<OrgSwitcher>`: the same markup, marking the organisation `useAuth()` reports as current. */
import { OrgSwitcherItem, OrgSwitcherTrigger, OrgSwitcherView } from '../shared/org-switcher-view.js';
import type { OrgSwitcherProps } from '../shared/types.js';
import { useAuth } from './use-auth.js';

/**
 * Lists `organizations` (pass them from a server component) as switch forms; nothing for one
 * membership unless `showWhenSingle`, nothing when signed out.
 * @example <OrgSwitcher organizations={memberships} returnTo="/dashboard" />
 */
export function OrgSwitcher(props: OrgSwitcherProps) {
  const { user, organizationId } = useAuth();
  return user ? <OrgSwitcherView {...props} currentId={organizationId} /> : null;
}
OrgSwitcher.Item = OrgSwitcherItem;
OrgSwitcher.Trigger = OrgSwitcherTrigger;
