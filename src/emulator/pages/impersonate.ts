/** The admin page that starts an impersonated sign-in into an app (WorkOS does this from its dashboard). */
import { csrfField, errorBlock, escapeHtml, page } from './layout.js';

export const IMPERSONATE_PATH = '/_emulator/impersonate';

export interface ImpersonatePage {
  users: { id: string; email: string }[];
  organizations: { id: string; name: string }[];
  values: Record<string, string>;
  /** The app's auth route as far as the emulator knows it (`app-url.ts`). */
  initiateLoginUrl: string;
  csrfToken: string;
  error?: string;
}

function options(items: { value: string; label: string }[], selected: string | undefined): string {
  return items
    .map((item) => {
      const mark = item.value === selected ? ' selected' : '';
      return `<option value="${escapeHtml(item.value)}"${mark}>${escapeHtml(item.label)}</option>`;
    })
    .join('\n');
}

export function impersonatePage(view: ImpersonatePage): string {
  const value = (name: string, fallback = '') => escapeHtml(view.values[name] ?? fallback);
  const users = options(
    view.users.map((user) => ({ value: user.id, label: user.email })),
    view.values.user_id,
  );
  const orgs = options(
    [{ value: '', label: "The user's only organization (none if several)" }].concat(
      view.organizations.map((org) => ({ value: org.id, label: org.name })),
    ),
    view.values.organization_id,
  );
  return page('Impersonate a user', `<h1>Impersonate a user</h1>
${errorBlock(view.error)}
<p class="hint">Starts a sign-in through the app's initiate-login URL (its auth route), so the app's own
state check holds. The session carries <code>impersonator</code> and an <code>act</code> claim.</p>
<form method="post" action="${IMPERSONATE_PATH}">
${csrfField(view.csrfToken)}
<label>Your email (the impersonator)<input type="email" name="impersonator_email" value="${value('impersonator_email', 'admin@example.com')}" required></label>
<label>User to impersonate<select name="user_id">${users}</select></label>
<label>Organization<select name="organization_id">${orgs}</select></label>
<label>Reason<input type="text" name="reason" value="${value('reason')}"></label>
<label>App's initiate-login URL<input type="url" name="initiate_login_url" value="${value('initiate_login_url', view.initiateLoginUrl)}" required></label>
<button type="submit" class="primary">Start impersonation</button>
</form>`);
}
