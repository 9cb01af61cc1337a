'use client';
/**
 * Client twin of `<OrgSwitcher>`: the same markup, marking the organisation `useAuth()` reports as
 * current. Without an `organizations` prop it asks `getOrganizationsAction` (the caller's own
 * memberships) once per mount, showing the placeholder until the answer; twins that mount together
 * share that one request.
 */
import { Suspense, useEffect, useState } from 'react';
import { getOrganizationsAction } from '../../actions/index.js';
import { OrgSwitcherItem, OrgSwitcherPlaceholder, OrgSwitcherTrigger, OrgSwitcherView } from '../shared/org-switcher-view.js';
import type { OrganizationChoice, OrgSwitcherProps } from '../shared/types.js';
import { useSession } from './use-auth.js';

// The request in flight, shared by the twins that mount while it runs; the next mount asks again.
let inFlight: { userId: string; request: Promise<OrganizationChoice[]> } | undefined;

function requestOrganizations(userId: string): Promise<OrganizationChoice[]> {
  if (inFlight?.userId !== userId) {
    // A failed request lists nothing (the switcher stays hidden) rather than breaking the page.
    const request = getOrganizationsAction().catch(() => []);
    inFlight = { userId, request };
    void request.then(() => {
      if (inFlight?.request === request) inFlight = undefined;
    });
  }
  return inFlight.request;
}

/** `given`, else the signed-in user's memberships from the server (`undefined` while they load). */
function useOrganizations(userId: string | undefined, given: OrganizationChoice[] | undefined) {
  const [fetched, setFetched] = useState<{ userId: string; organizations: OrganizationChoice[] }>();
  const wanted = given || !userId ? undefined : userId;
  useEffect(() => {
    if (!wanted) return;
    let mounted = true;
    void requestOrganizations(wanted).then((organizations) => mounted && setFetched({ userId: wanted, organizations }));
    return () => {
      mounted = false;
    };
  }, [wanted]);
  return given ?? (fetched && fetched.userId === userId ? fetched.organizations : undefined);
}

function OrgSwitcherContent(props: OrgSwitcherProps) {
  const { user, organizationId } = useSession().auth;
  const organizations = useOrganizations(user?.id, props.organizations);
  if (!user) return null;
  return organizations ? <OrgSwitcherView {...props} organizations={organizations} currentId={organizationId} /> : loadingView(props);
}

const loadingView = (props: OrgSwitcherProps) => (props.loading === undefined ? <OrgSwitcherPlaceholder {...props} /> : props.loading);

/**
 * Lists the signed-in user's memberships as switch forms: `organizations` when given (say, from
 * `listOrganizationMemberships()` in a server component), else fetched once through
 * `getOrganizationsAction`, showing `loading` until then. Nothing for one membership unless
 * `showWhenSingle`, nothing when signed out.
 * @example <OrgSwitcher returnTo="/dashboard" />
 */
export function OrgSwitcher(props: OrgSwitcherProps) {
  return <Suspense fallback={loadingView(props)}><OrgSwitcherContent {...props} /></Suspense>;
}
OrgSwitcher.Item = OrgSwitcherItem;
OrgSwitcher.Trigger = OrgSwitcherTrigger;
