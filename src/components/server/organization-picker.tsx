/** `<OrganizationPicker>` as a server component: the pending sign-in's organizations, one form each. */
import { getOrganizationSelection, getSignInUrl } from '../../server/index.js';
import { organizationMessages } from '../../shared/organization-messages.js';
import { OrganizationPickerView } from '../shared/organization-picker-view.js';
import type { OrganizationPartProps } from '../shared/types.js';
import { ownBoundary } from './boundary.js';
import { partContext, placeholderLanding, readOrUnavailable } from './organization-part.js';

async function OrganizationPickerContent(props: OrganizationPartProps) {
  const context = await partContext('picker', props);
  // null: nothing pending; undefined: pending, but WorkOS could not list its organizations.
  const selection = await readOrUnavailable('OrganizationPicker: the organizations', getOrganizationSelection);
  const view = { ...context, className: props.className };
  if (selection === undefined) return <OrganizationPickerView {...view} state="error" />;
  if (!selection) return <OrganizationPickerView {...view} state="expired" signInUrl={await getSignInUrl()} />;
  return <OrganizationPickerView {...view} state="ready" selection={selection} />;
}

/**
 * The page where a sign-in that WorkOS asks the app to finish (`organization_selection_required`)
 * picks its organization: render it at `handleAuth({ organizationSelectionPath })` (a public path).
 * One form per organization WorkOS offered, posting `selectOrganizationAction`, which signs in and
 * goes on to where the sign-in was going; with nothing pending, a link to sign in again. Works
 * without JavaScript; with Cache Components it streams into its own boundary (`loading` meanwhile).
 * @example <OrganizationPicker />
 */
export async function OrganizationPicker(props: OrganizationPartProps) {
  const messages = organizationMessages(props.messages);
  const loading = props.loading ?? <OrganizationPickerView state="loading" messages={messages} landing={placeholderLanding('picker', props)} className={props.className} />;
  return ownBoundary(<OrganizationPickerContent {...props} />, loading);
}
