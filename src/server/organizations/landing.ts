import 'server-only';
/**
 * Where an organization form lands after its action: back on the page it was posted from (the
 * form's `returnTo`, else the `Referer` when it is this app's, else '/'), at the component's own
 * fragment (`#authkit-members`…), so the browser scrolls to it and moves the focus start there,
 * with the outcome left as a notice for that component. Post/redirect/get: a reload never posts twice.
 */
import { redirect } from 'next/navigation';
import type { NoticeScope } from '../../shared/organization-types.js';
import { field } from '../../shared/organization-input.js';
import type { Outcome } from '../../shared/organization-outcome.js';
import { safeReturnPath } from '../../shared/return-to.js';
import { sameOriginReturnPath } from '../../shared/same-origin-path.js';
import { getForwardedContext } from '../request/get-session.js';
import { appOrigin, getRequestContext } from '../request/request-context.js';
import { requestHeaders } from '../request/request-data.js';
import type { SessionRoot } from '../root/session-root.js';
import { writeNotice } from './notices.js';

const ANCHOR = /^[A-Za-z][\w-]{0,63}$/;

/** The fragment a component's forms land on: its `id` (default `authkit-<scope>`). */
export const anchorOf = (scope: NoticeScope, id?: string) => (id && ANCHOR.test(id) ? id : `authkit-${scope}`);

/**
 * The page to come back to: the form's `returnTo`, else the posting page (`Referer`), else the
 * path the proxy handed over (an action posts to its page's URL); all same-origin only.
 */
async function pageOf(form: FormData): Promise<string> {
  const origin = await appOrigin();
  const fromForm = sameOriginReturnPath(field(form, 'returnTo'), origin);
  const fromReferer = sameOriginReturnPath((await requestHeaders()).get('referer') ?? undefined, origin);
  const page = fromForm ?? fromReferer ?? (await getRequestContext()).path;
  return safeReturnPath(page, '/').split('#')[0]!;
}

/** Leaves the outcome for the component and redirects to it. */
export async function land(root: SessionRoot, form: FormData, scope: NoticeScope, outcome: Pick<Outcome, 'code' | 'subject'>): Promise<never> {
  await writeNotice(root, { scope, code: outcome.code, ...(outcome.subject ? { subject: outcome.subject } : {}) });
  redirect(`${await pageOf(form)}#${anchorOf(scope, field(form, 'anchor'))}`);
}

/** This page's path, as the proxy handed it over; undefined without the proxy (an action then goes back to the `Referer`). */
export async function currentPagePath(): Promise<string | undefined> {
  return (await getForwardedContext())?.path;
}
