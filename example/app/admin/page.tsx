// An admin-only page. <RequireAuth role="admin"> renders the panel only for a session whose role
// in the current organization is admin; everyone else sees the fallback. (Signed-out visitors never
// get here: the proxy's middlewareAuth sends them to sign in first.)
import { getWorkOS, listOrganizationMemberships, withAuth } from 'authkit-rsc';
import { RequireAuth } from 'authkit-rsc/components';

async function AdminPanel() {
  const { organizationId } = await withAuth();
  if (!organizationId) return null;
  const workos = getWorkOS();
  const { data: memberships } = await workos.userManagement.listOrganizationMemberships({ organizationId, statuses: ['active', 'pending'] });
  const members = await Promise.all(
    memberships.map(async (membership) => ({ membership, user: await workos.userManagement.getUser(membership.userId) })),
  );
  return (
    <section className="card success" aria-labelledby="members">
      <h2 id="members">Members of {memberships[0]?.organizationName ?? organizationId}</h2>
      <table>
        <thead>
          <tr><th scope="col">Email</th><th scope="col">Role</th><th scope="col">Status</th></tr>
        </thead>
        <tbody>
          {members.map(({ membership, user }) => (
            <tr key={membership.id}>
              <td>{user.email}</td>
              <td><span className="badge">{membership.role.slug}</span></td>
              <td>{membership.status}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}

/** The fallback: what a non-admin can do about it depends on where else they are an admin. */
async function AdminsOnly() {
  // The signed-in user's own memberships (cached 30 s; [] while WorkOS cannot list them).
  const organizations = await listOrganizationMemberships().catch(() => []);
  const adminElsewhere = organizations.filter((organization) => organization.role === 'admin' && !organization.current);
  return (
    <section className="card notice" role="alert">
      <h2>Admins only</h2>
      <p>
        You need the <code>admin</code> role in the current organization to see this page.{' '}
        {adminElsewhere.length > 0
          ? `You are an admin in ${adminElsewhere.map((organization) => organization.name).join(', ')}: switch to it with the organization switcher in the header.`
          : 'Ask an admin of your organization for the role.'}
      </p>
    </section>
  );
}

export default function AdminPage() {
  return (
    <>
      <h1>Admin</h1>
      <RequireAuth role="admin" fallback={<AdminsOnly />}>
        <AdminPanel />
      </RequireAuth>
    </>
  );
}
