import 'server-only';
/**
 * The pending organization choice: when WorkOS answers a code exchange with
 * `organization_selection_required`, the callback seals the pending authentication token, the
 * organizations offered, the person's email and the flow's return path into one short-lived
 * cookie (10 minutes, WorkOS's own limit for the token), and the picker completes the sign-in from
 * it. The token never reaches the page. A `nonce` binds the auth route's own picker links to this
 * cookie, so no other site can complete someone's sign-in by sending them a link.
 */
import { ORGANIZATION_SELECTION_COOKIE, ORGANIZATION_SELECTION_TTL_SECONDS } from '../../shared/constants.js';
import type { OfferedOrganization } from '../../shared/organization-types.js';
import { bytesToBase64Url } from '../../shared/base64url.js';
import type { CookieReader } from '../../shared/cookie-chunks.js';
import type { SessionRoot } from '../root/session-root.js';
import { expiredAttributes, type CookieWriter } from '../session/cookie-jar.js';
import { flowCookieAttributes, type SchemeHints } from '../session/cookie-options.js';
import { sealForPurpose } from '../session/session-seal.js';
import { openSealedCookie } from './sealed-cookies.js';

const PURPOSE = 'organization-selection';
/** Beyond this the cookie would not fit: the list is left out and read from the user's memberships. */
const MAX_COOKIE_BYTES = 3800;

export interface StoredSelection {
  token: string;
  nonce: string;
  userId: string;
  email: string;
  /**
   * The offered organizations; empty when they did not fit in the cookie (then they are the user's
   * active memberships, which is what WorkOS offers, listed when needed).
   */
  organizations: OfferedOrganization[];
  returnTo: string;
  customState?: string;
}

export const newNonce = () => bytesToBase64Url(crypto.getRandomValues(new Uint8Array(18)));

/** Seals and sets the pending selection (a callback response or `cookies()`). */
export async function writePendingSelection(root: SessionRoot, writer: CookieWriter, selection: StoredSelection, url?: SchemeHints): Promise<void> {
  let sealed = await sealForPurpose(root, PURPOSE, selection, ORGANIZATION_SELECTION_TTL_SECONDS);
  if (sealed.length > MAX_COOKIE_BYTES) {
    sealed = await sealForPurpose(root, PURPOSE, { ...selection, organizations: [] }, ORGANIZATION_SELECTION_TTL_SECONDS);
  }
  writer.set(ORGANIZATION_SELECTION_COOKIE, sealed, flowCookieAttributes(root.config, url));
}

const isOffered = (value: unknown): value is OfferedOrganization =>
  typeof (value as OfferedOrganization)?.id === 'string' && typeof (value as OfferedOrganization).name === 'string';

/** The pending selection in `jar`, when there is one and it is ours and unexpired. */
export async function readPendingSelection(root: SessionRoot, jar: CookieReader): Promise<StoredSelection | undefined> {
  const cookie = jar.getAll().find(({ name }) => name === ORGANIZATION_SELECTION_COOKIE);
  const data = await openSealedCookie(root, PURPOSE, cookie?.value);
  if (!data) return undefined;
  const { token, nonce, userId, email, organizations, returnTo, customState } = data;
  const strings = [token, nonce, userId, email, returnTo].every((value) => typeof value === 'string');
  if (!strings || !Array.isArray(organizations) || !organizations.every(isOffered)) return undefined;
  return {
    token: token as string, nonce: nonce as string, userId: userId as string, email: email as string,
    organizations, returnTo: returnTo as string, ...(typeof customState === 'string' ? { customState } : {}),
  };
}

/** Expires the pending selection. */
export function clearPendingSelection(root: SessionRoot, writer: CookieWriter, url?: SchemeHints): void {
  writer.set(ORGANIZATION_SELECTION_COOKIE, '', expiredAttributes(flowCookieAttributes(root.config, url)));
}
