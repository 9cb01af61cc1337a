// Organization settings: the current organization's members (roles, removal, invitations) and a
// form to create another organization. Each part is a server component that reads the session and
// WorkOS on the server and streams into its own boundary; every button is a plain form posting a
// server action that checks the caller's rights again (WORKOS_MANAGE_MEMBERS_PERMISSION). The proxy
// protects this path (middlewareAuth), so only signed-in people get here.
import { CreateOrganization, OrganizationInvitations, OrganizationMembers } from 'authkit-rsc/components';

export default function OrganizationPage() {
  return (
    <>
      <h1>Organization</h1>
      <p className="hint">
        Admins manage members and invitations here; members see who is in the organization and can leave it. With the
        local emulator, an invitation&apos;s link is on its control page (<code>/_emulator/invitations</code>).
      </p>
      <OrganizationMembers />
      <OrganizationInvitations />
      <CreateOrganization />
    </>
  );
}
