/** The page an `authkit_redirect_url` opens: sign in again to enter an organisation that requires SSO or MFA. */
import { csrfField, escapeHtml, page } from './layout.js';

export const STEP_UP_PATH = '/_emulator/step-up';

export interface StepUpPage {
  token: string;
  email: string;
  organizationName: string;
  /** Why the person is asked to sign in again (`stepUpNotice`). */
  notice: string;
  csrfToken: string;
}

export function stepUpPage(view: StepUpPage): string {
  const heading = `Sign in to ${view.organizationName}`;
  return page(heading, `<h1>${escapeHtml(heading)}</h1>
<p class="notice" role="status">${escapeHtml(view.notice)}</p>
<form method="post" action="${STEP_UP_PATH}/${encodeURIComponent(view.token)}">
${csrfField(view.csrfToken)}
<ul class="choices">
<li><button type="submit" name="email" value="${escapeHtml(view.email)}" autofocus>${escapeHtml(view.email)}</button>
<span class="hint">Then you are back in the app: switch to ${escapeHtml(view.organizationName)} again.</span></li>
</ul>
<button type="submit" name="cancel" value="1">Cancel</button>
</form>`);
}
