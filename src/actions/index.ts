'use server';
/**
 * `authkit-rsc/actions`: the only `'use server'` module. Thin, authorised wrappers over the server
 * API that return redacted data (never tokens except `getAccessTokenAction`, never another user's data).
 *
 * Every export here is callable by anyone who can reach the app, with any arguments: each action
 * checks its arguments against the caller's own session before acting, and only async functions
 * are exported (Next allows nothing else in a 'use server' file).
 */
import { unstable_rethrow } from 'next/navigation';
import { getSignInUrl, listOrganizationMemberships, refreshSession, signOut, switchToOrganization, withFreshAuth } from '../server/index.js';
import * as organizations from '../server/form-actions.js';
import { toClientAuth } from '../shared/redact.js';
import type { ClientAuth, NoUserInfo, OrganizationChoice, RedactedUserInfo, SwitchToOrganizationOptions, UserInfo } from '../shared/types.js';

type Failure = { error: string };

/** A non-empty string from a form field or an argument; anything else is treated as absent. */
function text(value: unknown): string | undefined {
  return typeof value === 'string' && value !== '' ? value : undefined;
}

/** The caller's session (an expired token refreshed first), or signed out when that refresh was refused. */
async function callerAuthOrSignedOut(): Promise<UserInfo | NoUserInfo> {
  try {
    return await withFreshAuth();
  } catch (error) {
    unstable_rethrow(error);
    return { user: null };
  }
}

/** Refuses a missing organisation id and any organisation the caller has no active membership in (the reference's IDOR, #443). */
async function refuseNonMember(organizationId: string | undefined): Promise<Failure | undefined> {
  if (!organizationId) return { error: 'An organization id is required' };
  if (!(await callerAuthOrSignedOut()).user) return { error: 'Not signed in' };
  let memberships: OrganizationChoice[];
  try {
    // Authorisation never trusts the display cache: WorkOS is asked now.
    memberships = await listOrganizationMemberships({ fresh: true });
  } catch (error) {
    // WorkOS could not confirm the membership: refuse, as an answer rather than a 500.
    return failure(error, 'Could not check your organizations; please try again');
  }
  return memberships.some((membership) => membership.id === organizationId)
    ? undefined
    : { error: 'Not a member of this organization' };
}

/** Turns a thrown error into `{ error }`, letting Next's redirects and other control flow through. */
function failure(error: unknown, message: string): Failure {
  unstable_rethrow(error);
  return { error: message };
}

/**
 * Signs the caller out and redirects (to WorkOS's logout, then `returnTo`, a path on this app; any
 * other value is ignored). Usable as a form action.
 * @example <form action={signOutAction}><button>Sign out</button></form>
 */
export async function signOutAction(formDataOrOptions?: FormData | { returnTo?: string }): Promise<never> {
  const returnTo = formDataOrOptions instanceof FormData ? formDataOrOptions.get('returnTo') : formDataOrOptions?.returnTo;
  // Anyone can call an action with any argument: only a return path on this app is honoured
  // (signOut itself also takes allow-listed absolute URLs, from the app's own code).
  return signOut({ returnTo: text(returnTo), sameOriginOnly: true });
}

/**
 * Switches the caller's session to one of their organisations. As a form action (fields
 * `organizationId`, `returnTo`) it redirects back; called with an id it returns the redacted session
 * (and with `returnTo`, or a `revalidationStrategy` other than 'none', revalidates and redirects
 * there, as `switchToOrganization` does). Step-up (SSO, MFA) redirects through sign-in for that organisation.
 * @example const next = await switchOrganizationAction('org_123');
 */
export async function switchOrganizationAction(
  organizationIdOrForm: string | FormData,
  options?: SwitchToOrganizationOptions,
): Promise<RedactedUserInfo | Failure> {
  const form = organizationIdOrForm instanceof FormData ? organizationIdOrForm : undefined;
  const organizationId = text(form ? form.get('organizationId') : organizationIdOrForm);
  const returnTo = text(form ? form.get('returnTo') : options?.returnTo);
  // A form wants a page back; a programmatic call wants data (its cookie write refreshes the page),
  // unless it asks for a return path or a revalidation strategy.
  const revalidation = revalidationOf(form ? undefined : options, form || returnTo ? 'path' : 'none');
  if ('error' in revalidation) return revalidation;
  const refused = await refuseNonMember(organizationId);
  if (refused) return refused;
  try {
    return toClientAuth(await switchToOrganization(organizationId!, { returnTo, ...revalidation }));
  } catch (error) {
    return failure(error, 'Could not switch organization');
  }
}

const STRATEGIES: readonly unknown[] = ['none', 'path', 'tag'];

/**
 * The revalidation a caller asked for, checked: a known strategy, and at most 64 cache tags of
 * 1–256 characters (Next's own tag limit), so no caller can make the app revalidate without bound.
 */
function revalidationOf(
  options: SwitchToOrganizationOptions | undefined,
  fallback: 'none' | 'path',
): Pick<SwitchToOrganizationOptions, 'revalidationStrategy' | 'revalidationTags'> | Failure {
  const strategy = options?.revalidationStrategy ?? fallback;
  if (!STRATEGIES.includes(strategy)) return { error: "revalidationStrategy must be 'none', 'path' or 'tag'" };
  const tags: unknown = options?.revalidationTags ?? [];
  const valid = Array.isArray(tags) && tags.length <= 64 && tags.every((tag) => typeof tag === 'string' && tag.length > 0 && tag.length <= 256);
  if (!valid) return { error: 'revalidationTags must be at most 64 strings of 1 to 256 characters' };
  return { revalidationStrategy: strategy, revalidationTags: tags as string[] };
}

/**
 * Refreshes the caller's session (claims, roles), optionally into another of their organisations.
 * `ensureSignedIn` is the client's business: a signed-out result comes back as `{ user: null }`.
 * @example const next = await refreshAuthAction({ organizationId: 'org_123' });
 */
export async function refreshAuthAction(
  options?: { organizationId?: string; ensureSignedIn?: boolean },
): Promise<ClientAuth | Failure> {
  const organizationId = options?.organizationId;
  if (organizationId !== undefined) {
    const refused = await refuseNonMember(text(organizationId));
    if (refused) return refused;
  }
  try {
    return toClientAuth(await refreshSession({ organizationId }));
  } catch (error) {
    return failure(error, 'Could not refresh the session');
  }
}

/**
 * The caller's redacted session; with `ensureSignedIn` and no user, also the URL to sign in at.
 * @example const { user } = await getAuthAction();
 */
export async function getAuthAction(options?: { ensureSignedIn?: boolean }): Promise<ClientAuth & { signInUrl?: string }> {
  const auth = toClientAuth(await callerAuthOrSignedOut());
  return options?.ensureSignedIn && !auth.user ? { ...auth, signInUrl: await getSignInUrl() } : auth;
}

/**
 * The caller's own access token, refreshed first when it is about to expire or when forced.
 * Never throws: a failed refresh comes back as `{ accessToken: undefined, error }`.
 * @example const { accessToken } = await getAccessTokenAction();
 */
export async function getAccessTokenAction(
  options?: { forceRefresh?: boolean },
): Promise<{ accessToken: string | undefined; error?: string }> {
  try {
    return { accessToken: (await withFreshAuth({ refresh: options?.forceRefresh ? 'always' : 'due' })).accessToken };
  } catch (error) {
    return { accessToken: undefined, ...failure(error, 'Failed to refresh access token') };
  }
}

/**
 * The caller's own active organisation memberships (`{ id, name, role, current }`, sorted by
 * name); `[]` when signed out, when the session has ended, or while WorkOS cannot list them. It takes no arguments (any sent are
 * ignored), so it can only ever list the caller's own. The client `<OrgSwitcher>` uses it when it
 * is given no `organizations`.
 * @example const organizations = await getOrganizationsAction();
 */
export async function getOrganizationsAction(): Promise<OrganizationChoice[]> {
  if (!(await callerAuthOrSignedOut()).user) return [];
  try {
    return await listOrganizationMemberships();
  } catch (error) {
    unstable_rethrow(error);
    return [];
  }
}

// Organization actions: form actions (they redirect back to the posting page with a notice). Each
// decides who the caller is, their organization and their rights from the session alone; the
// form only names what to act on, and that is checked against WorkOS (src/server/organizations).

/**
 * Completes a sign-in that waits for its organization (`<OrganizationPicker>`): field
 * `organizationId`, which must be one WorkOS offered. Signs in and redirects to the flow's return path.
 * @example <form action={selectOrganizationAction}><button name="organizationId" value="org_123">Acme</button></form>
 */
export async function selectOrganizationAction(form: FormData): Promise<never> {
  return organizations.selectOrganizationFromForm(form);
}

/**
 * Creates an organization (field `name`) with the signed-in user as its admin (`WORKOS_ADMIN_ROLE`)
 * and switches the session into it.
 * @example <form action={createOrganizationAction}><input name="name" /><button>Create</button></form>
 */
export async function createOrganizationAction(form: FormData): Promise<never> {
  return organizations.createOrganizationFromForm(form);
}

/**
 * Changes a member's role (fields `membershipId`, `role`) in the caller's current organization.
 * Needs `WORKOS_MANAGE_MEMBERS_PERMISSION`; refuses the caller's own role and the last admin.
 * @example <form action={changeMemberRoleAction}><input type="hidden" name="membershipId" value={id} />…</form>
 */
export async function changeMemberRoleAction(form: FormData): Promise<never> {
  return organizations.changeMemberRoleFromForm(form);
}

/**
 * Removes a member (field `membershipId`) from the caller's current organization. Needs the manage
 * permission; never the last admin; the caller's own membership only with `confirm=leave`.
 * @example <form action={removeMemberAction}><input type="hidden" name="membershipId" value={id} /><button>Remove</button></form>
 */
export async function removeMemberAction(form: FormData): Promise<never> {
  return organizations.removeMemberFromForm(form);
}

/**
 * Invites `email` (with `role`, optional) to the caller's current organization. Needs the manage permission.
 * @example <form action={inviteMemberAction}><input name="email" type="email" /><button>Invite</button></form>
 */
export async function inviteMemberAction(form: FormData): Promise<never> {
  return organizations.inviteMemberFromForm(form);
}

/**
 * Revokes a pending invitation (field `invitationId`) of the caller's current organization. Needs the manage permission.
 * @example <form action={revokeInvitationAction}><input type="hidden" name="invitationId" value={id} /><button>Revoke</button></form>
 */
export async function revokeInvitationAction(form: FormData): Promise<never> {
  return organizations.changeInvitationFromForm(form, 'revoke');
}

/**
 * Sends a pending invitation (field `invitationId`) of the caller's current organization again. Needs the manage permission.
 * @example <form action={resendInvitationAction}><input type="hidden" name="invitationId" value={id} /><button>Resend</button></form>
 */
export async function resendInvitationAction(form: FormData): Promise<never> {
  return organizations.changeInvitationFromForm(form, 'resend');
}

/**
 * Signs out one of the caller's own sessions (field `sessionId`); their current one signs them out.
 * @example <form action={revokeSessionAction}><input type="hidden" name="sessionId" value={id} /><button>Sign out</button></form>
 */
export async function revokeSessionAction(form: FormData): Promise<never> {
  return organizations.revokeSessionFromForm(form);
}

/**
 * Signs out every session of the caller but this one.
 * @example <form action={revokeOtherSessionsAction}><button>Sign out everywhere else</button></form>
 */
export async function revokeOtherSessionsAction(form: FormData): Promise<never> {
  return organizations.revokeOtherSessionsFromForm(form);
}
