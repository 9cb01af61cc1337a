import 'server-only';
/**
 * Completing a sign-in that waits for its organization: the organization must be one WorkOS
 * offered (checked against the sealed pending selection, not the form), then the SDK's
 * organization-selection grant trades the pending token for the session. An organization that
 * demands SSO or MFA sends the person through sign-in for it (or to WorkOS's page for the step);
 * an expired or spent token means signing in again; while WorkOS is down the choice stays pending.
 */
import type { AuthenticationResponse } from '@workos-inc/node';
import { decodeJwtClaims } from '../../shared/claims.js';
import type { OfferedOrganization, PendingOrganizationSelection } from '../../shared/organization-types.js';
import type { AccessToken } from '../../shared/types.js';
import { signInStartUrl } from '../../shared/auth-route-urls.js';
import { isId } from '../../shared/organization-input.js';
import { refused, type Refusal } from '../../shared/organization-outcome.js';
import type { SessionRoot } from '../root/session-root.js';
import { continueUrl, refreshErrorCode } from '../session/refresh-errors.js';
import { workosClient } from '../workos.js';
import { isUnavailable, noticeForWorkosError } from '../workos-errors.js';
import type { StoredSelection } from './pending-selection.js';

export type SelectionResult =
  | { ok: true; auth: AuthenticationResponse; selection: StoredSelection }
  | { ok: false; redirect: string }
  | Refusal;

const STEP_UP = new Set(['sso_required', 'mfa_enrollment']);

/** What a refused selection grant means for the person. */
function failed(error: unknown, selection: StoredSelection, organizationId: string, redirectUri: string): SelectionResult {
  const code = refreshErrorCode(error) ?? (error as { code?: unknown }).code;
  if (typeof code === 'string' && STEP_UP.has(code)) {
    return { ok: false, redirect: continueUrl(error) ?? signInStartUrl(redirectUri, { organizationId, returnTo: selection.returnTo }) };
  }
  if (isUnavailable(error)) return refused(noticeForWorkosError(error, 'Completing the organization choice'));
  noticeForWorkosError(error, 'Completing the organization choice'); // logged; the token is spent or expired
  return refused('selection-expired');
}

/** Trades the pending token for a session in `organizationId` (one of those offered). */
export async function authenticateSelection(
  root: SessionRoot,
  selection: StoredSelection | undefined,
  organizationId: string | undefined,
  redirectUri: string,
): Promise<SelectionResult> {
  if (!selection) return refused('selection-expired');
  let auth: AuthenticationResponse;
  try {
    const offered = await offeredOrganizations(root, selection);
    if (!isId(organizationId) || !offered.some((org) => org.id === organizationId)) return refused('not-offered');
    auth = await workosClient(root).userManagement.authenticateWithOrganizationSelection({
      clientId: root.config.clientId,
      pendingAuthenticationToken: selection.token,
      organizationId,
    });
  } catch (error) {
    return failed(error, selection, organizationId ?? '', redirectUri);
  }
  const usable = auth?.accessToken && auth.refreshToken && decodeJwtClaims<AccessToken>(auth.accessToken);
  return usable ? { ok: true, auth, selection } : refused('refused');
}

/** The organizations offered: from the cookie, or (a list too long for it) the user's active memberships. */
async function offeredOrganizations(root: SessionRoot, selection: StoredSelection): Promise<OfferedOrganization[]> {
  if (selection.organizations.length > 0) return selection.organizations;
  const page = await workosClient(root).userManagement.listOrganizationMemberships({ userId: selection.userId, statuses: ['active'], limit: 100 });
  return (await page.autoPagination())
    .map((membership) => ({ id: membership.organizationId, name: membership.organizationName }))
    .sort((a, b) => a.name.localeCompare(b.name));
}

/** The pending selection as the picker shows it. @throws the SDK's error when a long list cannot be read. */
export async function describeSelection(root: SessionRoot, selection: StoredSelection): Promise<PendingOrganizationSelection> {
  return { organizations: await offeredOrganizations(root, selection), email: selection.email, returnTo: selection.returnTo };
}
