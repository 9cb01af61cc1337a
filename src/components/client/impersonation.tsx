'use client';
/** Client twin of `<Impersonation>`: the same banner, from `useAuth()`. */
import { ImpersonationBanner } from '../shared/impersonation-banner.js';
import type { ImpersonationProps } from '../shared/types.js';
import { useKit } from './use-auth.js';

/**
 * While an admin impersonates the user: a banner saying so, with a "Stop impersonating" form.
 * @example <Impersonation side="top" returnTo="/admin" />
 */
export function Impersonation(props: ImpersonationProps) {
  const { auth, organizationName } = useKit();
  const { user, impersonator } = auth;
  return user && impersonator ? <ImpersonationBanner {...props} user={user} impersonator={impersonator} organization={organizationName ?? auth.organizationId} /> : null;
}
