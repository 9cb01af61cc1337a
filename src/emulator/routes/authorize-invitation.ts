/**
 * Accepting an invitation through sign-in. An authorize request with `invitation_token` (sent by
 * the SDK's `getAuthorizationUrl({ invitationToken })`, or carried in from the invitation link,
 * `routes/invite.ts`) shows the invitation: one button, the invited address. It signs that user in,
 * or signs them up when no account has the address; the invitation becomes accepted, the user a
 * member of its organisation with its role, and the session starts in that organisation.
 */
import { html, type Reply } from '../http.js';
import { invitationByToken, invitationProblem, acceptInvitation } from '../invitations.js';
import { invitationPage, invitationProblemPage } from '../pages/invitation.js';
import type { Device, InvitationRecord } from '../records.js';
import type { Runtime } from '../runtime.js';
import { addUser } from '../users.js';
import { authenticationFor, finishSignIn } from './authorize-flow.js';
import { type AuthorizeParams, authorizeHref } from './authorize-params.js';

const withoutInvitation = (params: AuthorizeParams) => authorizeHref(params, { invitation_token: undefined });

/** The usable invitation behind the token, or the page that says why there is none. */
function invitationFor(runtime: Runtime, params: AuthorizeParams): InvitationRecord | Reply {
  const invitation = invitationByToken(runtime, params.invitation_token ?? '');
  const problem = invitationProblem(invitation);
  return problem ? html(400, invitationProblemPage(problem, withoutInvitation(params))) : invitation!;
}

export function renderInvitation(runtime: Runtime, params: AuthorizeParams, error?: string): Reply {
  const found = invitationFor(runtime, params);
  if ('status' in found) return found;
  const { store } = runtime;
  const organization = found.organization_id ? store.organizations.get(found.organization_id) : undefined;
  const role = found.role_slug ?? (organization ? runtime.seed.defaultRole : undefined);
  const inviter = found.inviter_user_id ? store.users.get(found.inviter_user_id) : undefined;
  return html(
    error ? 400 : 200,
    invitationPage({
      params,
      csrfToken: runtime.csrf.issue('authorize'),
      email: found.email,
      existingUser: store.userByEmail(found.email) !== undefined,
      ...(organization ? { organizationName: organization.name } : {}),
      ...(role ? { roleName: store.roles.get(role)?.name ?? role } : {}),
      ...(inviter ? { inviterEmail: inviter.email } : {}),
      withoutHref: withoutInvitation(params),
      ...(error ? { error } : {}),
    }),
  );
}

export function acceptThroughSignIn(runtime: Runtime, params: AuthorizeParams, form: URLSearchParams, device: Device): Reply {
  const found = invitationFor(runtime, params);
  if ('status' in found) return found;
  const email = (form.get('email') ?? '').trim();
  if (email.toLowerCase() !== found.email.toLowerCase()) {
    return renderInvitation(runtime, params, `This invitation is for ${found.email}.`);
  }
  const user = runtime.store.userByEmail(found.email) ?? addUser(runtime, { email: found.email, emailVerified: true });
  acceptInvitation(runtime, found, user);
  const memberships = runtime.store.membershipsOf(user.id);
  const organizationId = found.organization_id ?? (memberships.length === 1 ? memberships[0]!.organization_id : undefined);
  return finishSignIn(runtime, params, authenticationFor(runtime, user, device, organizationId));
}
