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
import { continueUrl } from '../auth/switch-organization.js';
import { signInStartUrl } from '../callback/auth-route-urls.js';
import { getConfig } from '../config.js';
import { refreshErrorCode } from '../session/refresh-errors.js';
import { requestCookies } from '../session/request-data.js';
import { getWorkOS } from '../workos.js';
import { isId } from './ids.js';
import { refused, type Refusal } from './outcome.js';
import { readPendingSelection, type StoredSelection } from './pending-selection.js';
import { isUnavailable, noticeForWorkosError } from './workos-errors.js';

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
  selection: StoredSelection | undefined,
  organizationId: string | undefined,
  redirectUri: string,
): Promise<SelectionResult> {
  if (!selection) return refused('selection-expired');
  let auth: AuthenticationResponse;
  try {
    const offered = await offeredOrganizations(selection);
    if (!isId(organizationId) || !offered.some((org) => org.id === organizationId)) return refused('not-offered');
    auth = await getWorkOS().userManagement.authenticateWithOrganizationSelection({
      clientId: getConfig().clientId,
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
async function offeredOrganizations(selection: StoredSelection): Promise<OfferedOrganization[]> {
  if (selection.organizations.length > 0) return selection.organizations;
  const page = await getWorkOS().userManagement.listOrganizationMemberships({ userId: selection.userId, statuses: ['active'], limit: 100 });
  return (await page.autoPagination())
    .map((membership) => ({ id: membership.organizationId, name: membership.organizationName }))
    .sort((a, b) => a.name.localeCompare(b.name));
}

/** The pending selection as the picker shows it. @throws the SDK's error when a long list cannot be read. */
export async function describeSelection(selection: StoredSelection): Promise<PendingOrganizationSelection> {
  return { organizations: await offeredOrganizations(selection), email: selection.email, returnTo: selection.returnTo };
}

/**
 * The sign-in waiting for its organization in this browser (after WorkOS answered
 * `organization_selection_required`): the organizations offered, the email and the return path;
 * null when there is none (or it expired). For a picker of your own; `<OrganizationPicker>` uses it.
 *
 * @example
 * const pending = await getOrganizationSelection();
 * if (!pending) redirect('/');
 */
export async function getOrganizationSelection(): Promise<PendingOrganizationSelection | null> {
  const selection = await readPendingSelection(await requestCookies());
  return selection ? describeSelection(selection) : null;
}
