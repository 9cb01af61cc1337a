// A page built from client components. The page itself is a server component: it finds one of
// the user's other organizations for the README's SwitchOrganizationButton.
import { listOrganizationMemberships } from 'authkit-rsc';
import { ClientSession } from '@/components/client-session';
import MyComponent from '@/components/my-component';
import { SwitchOrganizationButton } from '@/components/switch-organization-button';

export default async function ClientPage() {
  const other = (await listOrganizationMemberships()).find((organization) => !organization.current);
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
      </section>
    </>
  );
}
