/** The hosted AuthKit pages: sign in (one button per user), sign up, and organisation choice. */
import { csrfField, errorBlock, escapeHtml, hiddenFields, page } from './layout.js';

export const AUTHORIZE_PATH = '/user_management/authorize';

export interface UserChoice {
  email: string;
  description: string;
}

export interface SignInPage {
  params: Record<string, string | undefined>;
  /** The CSRF token of the authorize form. */
  csrfToken: string;
  users: UserChoice[];
  /** `login_hint`: that user is listed first and focused. */
  hint?: string;
  organizationName?: string;
  /** Why this sign-in is asked for (an organisation that requires SSO or MFA). */
  notice?: string;
  signUpHref: string;
  error?: string;
}

export function signInPage(view: SignInPage): string {
  const hinted = view.hint?.toLowerCase();
  const users = [...view.users].sort((a, b) => Number(b.email.toLowerCase() === hinted) - Number(a.email.toLowerCase() === hinted));
  const items = users
    .map((user) => {
      const focus = user.email.toLowerCase() === hinted ? ' autofocus' : '';
      return `<li><button type="submit" name="email" value="${escapeHtml(user.email)}"${focus}>${escapeHtml(user.email)}</button>
<span class="hint">${escapeHtml(user.description)}</span></li>`;
    })
    .join('\n');
  const heading = view.organizationName ? `Sign in to ${view.organizationName}` : 'Sign in';
  const empty = users.length === 0 ? '<p>No user can sign in here.</p>' : '';
  return page(heading, `<h1>${escapeHtml(heading)}</h1>
${errorBlock(view.error)}
${view.notice ? `<p class="notice" role="status">${escapeHtml(view.notice)}</p>` : ''}
<p class="hint">Choose who to sign in as. No password needed: this is the local emulator.</p>
<form method="post" action="${AUTHORIZE_PATH}">
${csrfField(view.csrfToken)}
${hiddenFields(view.params)}
<ul class="choices">
${items}
</ul>
${empty}
<button type="submit" name="cancel" value="1">Cancel</button>
</form>
<p><a href="${escapeHtml(view.signUpHref)}">Create an account</a></p>`);
}

/** Why an organisation asks for a fresh sign-in, in words for the person on the page; undefined when it does not. */
export function stepUpNotice(org: { name: string; require_sso: boolean; require_mfa: boolean }): string | undefined {
  if (org.require_sso) {
    return `${org.name} requires single sign-on (SSO), so you are asked to sign in again through its identity provider. Here, choosing your account stands in for that step.`;
  }
  if (org.require_mfa) {
    return `${org.name} requires multi-factor authentication (MFA), so you are asked to sign in again with a second factor. Here, choosing your account stands in for that step.`;
  }
  return undefined;
}

export interface SignUpPage {
  params: Record<string, string | undefined>;
  /** The CSRF token of the authorize form. */
  csrfToken: string;
  values: { email?: string; first_name?: string; last_name?: string };
  signInHref: string;
  error?: string;
}

export function signUpPage(view: SignUpPage): string {
  const field = (name: keyof SignUpPage['values'], label: string, type = 'text') =>
    `<label>${label}<input type="${type}" name="${name}" value="${escapeHtml(view.values[name] ?? '')}" required></label>`;
  return page('Create an account', `<h1>Create an account</h1>
${errorBlock(view.error)}
<form method="post" action="${AUTHORIZE_PATH}">
${csrfField(view.csrfToken)}
${hiddenFields(view.params)}
${field('email', 'Email', 'email')}
${field('first_name', 'First name')}
${field('last_name', 'Last name')}
<button type="submit" class="primary" name="intent" value="sign-up">Create account</button>
<button type="submit" name="cancel" value="1">Cancel</button>
</form>
<p><a href="${escapeHtml(view.signInHref)}">Sign in instead</a></p>`);
}

export interface OrganizationChoicePage {
  params: Record<string, string | undefined>;
  /** The CSRF token of the authorize form. */
  csrfToken: string;
  email: string;
  organizations: { id: string; name: string; role: string }[];
}

/** Shown when a user with several memberships signs in without `organization_id`. */
export function organizationChoicePage(view: OrganizationChoicePage): string {
  const items = view.organizations
    .map(
      (org) => `<li><button type="submit" name="organization_id" value="${escapeHtml(org.id)}">${escapeHtml(org.name)}</button>
<span class="hint">${escapeHtml(org.role)}</span></li>`,
    )
    .join('\n');
  return page('Choose an organization', `<h1>Choose an organization</h1>
<p class="hint">Signing in as <strong>${escapeHtml(view.email)}</strong>.</p>
<form method="post" action="${AUTHORIZE_PATH}">
${csrfField(view.csrfToken)}
${hiddenFields({ ...view.params, email: view.email })}
<ul class="choices">
${items}
</ul>
<p class="hint">Or let the app choose: the code exchange then answers <code>organization_selection_required</code>.</p>
<button type="submit" name="organization_selection" value="app">Let the app choose</button>
</form>`);
}
