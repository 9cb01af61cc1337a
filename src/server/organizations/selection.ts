import 'server-only';
/**
 * The sign-in waiting for its organization in this request's browser (the pending choice's
 * cookie, written by the auth route: callback/pending-selection.ts), for `<OrganizationPicker>`
 * and an app's own picker.
 */
import type { PendingOrganizationSelection } from '../../shared/organization-types.js';
import { describeSelection } from '../callback/complete-selection.js';
import { readPendingSelection } from '../callback/pending-selection.js';
import { requestCookies } from '../request/request-data.js';
import { sessionRoot } from '../root/current-root.js';

/**
 * The sign-in waiting for its organization in this browser (after WorkOS answered
 * `organization_selection_required`): the organizations offered, the email and the return path;
 * null when there is none (or it expired). For a picker of your own; `<OrganizationPicker>` uses it.
 * @throws the SDK's error when the offered organizations did not fit in the cookie and WorkOS cannot list them.
 *
 * @example
 * const pending = await getOrganizationSelection();
 * if (!pending) redirect('/');
 */
export async function getOrganizationSelection(): Promise<PendingOrganizationSelection | null> {
  const jar = await requestCookies(); // first: while prerendering, this postpones the render
  const root = sessionRoot();
  const selection = await readPendingSelection(root, jar);
  return selection ? describeSelection(root, selection) : null;
}
