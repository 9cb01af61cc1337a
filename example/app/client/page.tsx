// A page built from client components. The page itself is a server component: it finds one of
// the user's other organizations for the README's SwitchOrganizationButton.
import { unstable_rethrow } from 'next/navigation';
import { listOrganizationMemberships, type OrganizationChoice } from 'authkit-rsc';
import { ClientSession } from '@/components/client-session';
import MyComponent from '@/components/my-component';
import { SwitchOrganizationButton } from '@/components/switch-organization-button';

// Like the kit's <OrgSwitcher>: while WorkOS cannot list memberships, the page still renders,
// just without the switch example (undefined = the list could not be read).
async function organizationsOrNone(): Promise<OrganizationChoice[] | undefined> {
  try {
    return await listOrganizationMemberships();
  } catch (error) {
    unstable_rethrow(error);
    return undefined;
  }
}

export default async function ClientPage() {
  const organizations = await organizationsOrNone();
  const other = organizations?.find((organization) => !organization.current);
  return (
    <>
      <h1>Client components</h1>
      <ClientSession />
      <section className="card" aria-labelledby="reference-hooks">
        <h2 id="reference-hooks">The README&apos;s client examples</h2>
        <p className="hint">First name from <code>useAuth()</code>:</p>
        <MyComponent />
        {other && (
          <>
            <p className="hint">
              <code>refreshAuth(&#123; organizationId &#125;)</code> switches to {other.name}:
            </p>
            <SwitchOrganizationButton targetOrganizationId={other.id} />
          </>
        )}
        {!organizations && <p className="hint">Your organizations could not be listed just now; the switch example is hidden.</p>}
      </section>
    </>
  );
}
