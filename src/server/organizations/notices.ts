import 'server-only';
/**
 * The notice an organization action leaves for the page it redirects to ("Invitation sent",
 * "An organization needs at least one admin"): a short-lived cookie, sealed so that nothing but
 * the kit can make a page show one. The page reads it while rendering (a render cannot delete
 * cookies), so it lives only long enough for the redirect: 30 seconds; the next action replaces it.
 */
import type { Notice, NoticeCode, NoticeScope } from '../../shared/organization-types.js';
import { openSealedCookie } from '../callback/sealed-cookies.js';
import { requestCookies } from '../request/request-data.js';
import { sessionRoot } from '../root/current-root.js';
import type { SessionRoot } from '../root/session-root.js';
import { sessionCookieAttributes } from '../session/cookie-options.js';
import { sealForPurpose } from '../session/session-seal.js';

const PURPOSE = 'organization-notice';
export const NOTICE_TTL_SECONDS = 30;
const MAX_SUBJECT_LENGTH = 320;

/** `<session cookie name>-notice`. */
export const noticeCookieName = (root: SessionRoot) => `${root.config.cookieName}-notice`;

/** Leaves `notice` for the next render (server actions and route handlers only). */
export async function writeNotice(root: SessionRoot, notice: Notice): Promise<void> {
  const jar = await requestCookies();
  const subject = notice.subject?.slice(0, MAX_SUBJECT_LENGTH);
  const sealed = await sealForPurpose(root, PURPOSE, { scope: notice.scope, code: notice.code, ...(subject ? { subject } : {}) }, NOTICE_TTL_SECONDS);
  jar.set(noticeCookieName(root), sealed, { ...sessionCookieAttributes(root.config), maxAge: NOTICE_TTL_SECONDS });
}

/** The notice left for `scope`, if one is there and ours. */
export async function readNotice(scope: NoticeScope): Promise<Notice | undefined> {
  const jar = await requestCookies(); // first: while prerendering, this postpones the render
  const root = sessionRoot();
  const data = await openSealedCookie(root, PURPOSE, jar.get(noticeCookieName(root))?.value);
  if (!data || data.scope !== scope || typeof data.code !== 'string') return undefined;
  const subject = typeof data.subject === 'string' ? data.subject : undefined;
  return { scope, code: data.code as NoticeCode, ...(subject ? { subject } : {}) };
}
