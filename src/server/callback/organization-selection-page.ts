import 'server-only';
/**
 * The auth route's own organization picker: a minimal HTML page, no JavaScript, no styles an app
 * would have to undo. One GET form back to the route, whose buttons each name an organization; the
 * form carries the pending choice's nonce. Strings come from the organization messages
 * (`handleAuth({ messages })`). Apps that want their own page set `organizationSelectionPath` and
 * render `<OrganizationPicker>` there.
 */
import { AUTH_ROUTE_PARAMS } from '../../shared/constants.js';
import { noticeText, organizationMessages, type OrganizationMessagesInput } from '../../shared/organization-messages.js';
import type { NoticeCode, PendingOrganizationSelection } from '../../shared/organization-types.js';
import { noStore } from './route-responses.js';

const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };
const escape = (text: string) => text.replace(/[&<>"']/g, (character) => ESCAPES[character]!);

interface PageOptions {
  routePath: string;
  messages?: OrganizationMessagesInput;
}

function htmlPage(title: string, body: string, status: number, english: boolean): Response {
  const html = `<!doctype html>
<html${english ? ' lang="en"' : ''}><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="robots" content="noindex"><title>${escape(title)}</title></head>
<body><main id="authkit-picker" data-authkit-organization-picker="">
${body}
</main></body></html>`;
  return noStore(new Response(html, { status, headers: { 'content-type': 'text/html; charset=utf-8', 'x-frame-options': 'DENY' } }));
}

/** The choice: one button per organization offered, and the notice of a failed attempt. */
export function pickerPage(options: PageOptions & { selection: PendingOrganizationSelection; nonce: string; notice?: NoticeCode; status?: number }): Response {
  const messages = organizationMessages(options.messages);
  const { picker } = messages;
  const buttons = options.selection.organizations
    .map((org) => `<li><button type="submit" name="organization_id" value="${escape(org.id)}">${escape(org.name)}</button></li>`)
    .join('\n');
  const notice = options.notice ? `<p role="alert" data-state="error">${escape(noticeText(messages, options.notice))}</p>\n` : '';
  const body = `<h1>${escape(picker.title)}</h1>
${notice}<p>${escape(picker.signedInAs(options.selection.email))}</p>
<form method="get" action="${escape(options.routePath)}">
<input type="hidden" name="${AUTH_ROUTE_PARAMS.organizationSelection}" value="${escape(options.nonce)}">
<ul aria-label="${escape(picker.listLabel)}">
${buttons}
</ul>
</form>`;
  return htmlPage(picker.title, body, options.status ?? 200, !options.messages);
}

/** Nothing to choose (expired, spent, or never started): a link to sign in again. */
export function expiredPickerPage(options: PageOptions): Response {
  const { picker } = organizationMessages(options.messages);
  const body = `<h1>${escape(picker.title)}</h1>
<p role="alert" data-state="expired">${escape(picker.expired)}</p>
<p><a href="${escape(options.routePath)}">${escape(picker.signInAgain)}</a></p>`;
  return htmlPage(picker.title, body, 400, !options.messages);
}
