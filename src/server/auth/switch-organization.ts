import 'server-only';
/**
 * `switchToOrganization`: moves the session to another organisation. When the organisation
 * demands SSO or MFA enrolment (or WorkOS names a URL to continue at), the user is sent through
 * sign-in for that organisation; the current session stays untouched meanwhile.
 */
import { revalidatePath, revalidateTag } from 'next/cache';
import { redirect } from 'next/navigation';
import { safeReturnPath } from '../../shared/return-to.js';
import type { SwitchToOrganizationOptions, UserInfo } from '../../shared/types.js';
import { signInStartUrl } from '../../shared/auth-route-urls.js';
import { rethrowNextControlFlow } from '../next-control-flow.js';
import { continueUrl, refreshErrorCode } from '../session/refresh-errors.js';
import { refreshSession } from './refresh-session.js';
import { getRequestContext } from '../request/request-context.js';

export type { SwitchToOrganizationOptions };

/**
 * Switches the session to `organizationId`, revalidates, and (unless `revalidationStrategy` is
 * 'none') redirects to `returnTo`. Use it in a server action or route handler.
 *
 * @example
 * await switchToOrganization('org_123', { returnTo: '/dashboard' });
 */
export async function switchToOrganization(organizationId: string, options: SwitchToOrganizationOptions = {}): Promise<UserInfo> {
  const context = await getRequestContext();
  const target = safeReturnPath(options.returnTo, context.path);
  let info: UserInfo;
  try {
    info = await refreshSession({ organizationId, ensureSignedIn: true });
  } catch (error) {
    rethrowNextControlFlow(error);
    const url = continueUrl(error);
    if (url) redirect(url);
    const code = refreshErrorCode(error);
    if (code === 'sso_required' || code === 'mfa_enrollment') {
      redirect(signInStartUrl(context.redirectUri, { organizationId, returnTo: target }));
    }
    throw error;
  }
  const strategy = options.revalidationStrategy ?? 'path';
  if (strategy === 'path') revalidatePath(target);
  if (strategy === 'tag') for (const tag of options.revalidationTags ?? []) revalidateTag(tag, 'max');
  if (strategy !== 'none') redirect(target);
  return info;
}
