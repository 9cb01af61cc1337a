'use client';
/**
 * Client twin of `<Impersonation>`: the same banner, once the session is known. It reads the session
 * without suspending (fixed to an edge of the viewport, it shifts nothing when it appears).
 */
import { ImpersonationBanner } from '../shared/impersonation-banner.js';
import type { ImpersonationProps } from '../shared/types.js';
import { useProviderValue } from './use-auth.js';

/**
 * While an admin impersonates the user: a banner saying so, with a "Stop impersonating" form.
 * @example <Impersonation side="top" returnTo="/admin" />
 */
export function Impersonation(props: ImpersonationProps) {
  const { auth, session } = useProviderValue();
  const { user, impersonator } = auth;
  const organization = session?.organizationName ?? auth.organizationId;
  return user && impersonator ? <ImpersonationBanner {...props} user={user} impersonator={impersonator} organization={organization} /> : null;
}
