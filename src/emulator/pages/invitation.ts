/** The hosted page for an authorize request with `invitation_token`: accept as the invited address. */
import { AUTHORIZE_PATH } from './sign-in.js';
import { csrfField, errorBlock, escapeHtml, hiddenFields, page } from './layout.js';

export interface InvitationPage {
  params: Record<string, string | undefined>;
  csrfToken: string;
  email: string;
  /** Whether an account has the address already (else accepting creates one). */
  existingUser: boolean;
  organizationName?: string;
  roleName?: string;
  inviterEmail?: string;
  /** The same sign-in without the invitation. */
  withoutHref: string;
  error?: string;
}

export function invitationPage(view: InvitationPage): string {
  const heading = view.organizationName ? `Join ${view.organizationName}` : 'Accept your invitation';
  const who = view.inviterEmail ? `${view.inviterEmail} invited you` : 'You are invited';
  const where = view.organizationName ? ` to join ${view.organizationName}${view.roleName ? ` as ${view.roleName}` : ''}` : ' to sign up';
  const what = view.existingUser ? 'Signs in to your account.' : 'Creates your account (no password needed: this is the local emulator).';
  return page(heading, `<h1>${escapeHtml(heading)}</h1>
${errorBlock(view.error)}
<p>${escapeHtml(who + where)}.</p>
<form method="post" action="${AUTHORIZE_PATH}">
${csrfField(view.csrfToken)}
${hiddenFields(view.params)}
<ul class="choices">
<li><button type="submit" name="email" value="${escapeHtml(view.email)}" autofocus>${escapeHtml(view.email)}</button>
<span class="hint">${escapeHtml(what)}</span></li>
</ul>
<button type="submit" name="cancel" value="1">Cancel</button>
</form>
<p><a href="${escapeHtml(view.withoutHref)}">Not you? Sign in without the invitation</a></p>`);
}

/** An invitation that cannot be used (unknown, accepted, revoked or expired), with the way on without it. */
export function invitationProblemPage(message: string, withoutHref: string): string {
  return page('Invitation', `<h1>Invitation</h1>
${errorBlock(message)}
<p><a href="${escapeHtml(withoutHref)}">Sign in without the invitation</a></p>`);
}
