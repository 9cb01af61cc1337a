/** `<CreateOrganization>` as a server component: a plain form posting `createOrganizationAction`. */
import { withAuth } from '../../server/index.js';
import { organizationMessages } from '../../shared/organization-messages.js';
import { CreateOrganizationView } from '../shared/create-organization-view.js';
import type { OrganizationPartProps } from '../shared/types.js';
import { ownBoundary } from './boundary.js';
import { partContext, placeholderLanding } from './organization-part.js';

async function CreateOrganizationContent(props: OrganizationPartProps) {
  const { user } = await withAuth();
  if (!user) return null;
  return <CreateOrganizationView {...await partContext('create-organization', props)} state="ready" className={props.className} />;
}

/**
 * A form that creates an organization for the signed-in user, makes them its admin
 * (`WORKOS_ADMIN_ROLE`) and switches their session into it. Works without JavaScript; nothing
 * signed out; with Cache Components it streams into its own boundary (`loading` meanwhile).
 * @example <CreateOrganization returnTo="/organization" />
 */
export async function CreateOrganization(props: OrganizationPartProps) {
  const messages = organizationMessages(props.messages);
  const loading = props.loading ?? <CreateOrganizationView state="loading" messages={messages} landing={placeholderLanding('create-organization', props)} className={props.className} />;
  return ownBoundary(<CreateOrganizationContent {...props} />, loading);
}
