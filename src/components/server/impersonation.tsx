/** `<Impersonation>` as a server component: the banner and its stop form, with no client JavaScript. */
import { withAuth } from '../../server/index.js';
import { ImpersonationBanner } from '../shared/impersonation-banner.js';
import type { ImpersonationProps } from '../shared/types.js';
import { ownBoundary } from './boundary.js';
import { organizationName } from './organization-name.js';

async function ImpersonationContent(props: ImpersonationProps) {
  const { user, impersonator, organizationId } = await withAuth();
  if (!user || !impersonator) return null;
  return <ImpersonationBanner {...props} user={user} impersonator={impersonator} organization={await organizationName(organizationId)} />;
}

/**
 * While an admin impersonates the user: a banner saying who, whom, in which organisation and why,
 * with a "Stop impersonating" form. With Cache Components it streams into its own boundary; fixed
 * to an edge of the viewport, it shifts nothing when it arrives.
 * @example <Impersonation side="top" returnTo="/admin" />
 */
export async function Impersonation(props: ImpersonationProps) {
  return ownBoundary(<ImpersonationContent {...props} />, null);
}
