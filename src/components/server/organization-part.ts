/**
 * What every organization server component works out before rendering: its strings, where its
 * forms land (this page, known from the proxy's hand-over or `returnTo`; the section's id), the
 * notice the last action left for it, and the WorkOS read that must not take the page down.
 */
import { unstable_rethrow } from 'next/navigation';
import { organizationMessages, type OrganizationMessages } from '../../shared/organization-messages.js';
import type { Notice, NoticeScope } from '../../shared/organization-types.js';
import { describeError, warn } from '../../server/log.js';
import { anchorOf, currentPagePath } from '../../server/organizations/landing.js';
import { readNotice } from '../../server/organizations/notices.js';
import type { Landing } from '../shared/organization-parts.js';
import type { OrganizationPartProps } from '../shared/types.js';

export interface PartContext {
  messages: OrganizationMessages;
  landing: Landing;
  notice: Notice | undefined;
}

/** The strings, landing and notice of the part `scope`. */
export async function partContext(scope: NoticeScope, props: OrganizationPartProps): Promise<PartContext> {
  const id = anchorOf(scope, props.id);
  // Without the proxy the page's path is unknown here; the action then goes back to the `Referer`.
  const returnTo = props.returnTo ?? (await currentPagePath());
  return {
    messages: organizationMessages(props.messages),
    landing: { id, custom: id !== anchorOf(scope), ...(returnTo ? { returnTo } : {}) },
    notice: await readNotice(scope),
  };
}

/** `read()`, or undefined when WorkOS cannot answer (logged): the part shows a message, the page still renders. */
export async function readOrUnavailable<T>(what: string, read: () => Promise<T>): Promise<T | undefined> {
  try {
    return await read();
  } catch (error) {
    unstable_rethrow(error);
    warn(`${what} could not be listed (${describeError(error)}); the page says so instead.`);
    return undefined;
  }
}

/** The landing of a part before the session is known (its loading placeholder). */
export const placeholderLanding = (scope: NoticeScope, props: OrganizationPartProps): Landing => ({ id: anchorOf(scope, props.id), custom: false });
