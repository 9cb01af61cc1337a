// A page that requires a signed-in user on its own: withAuth({ ensureSignedIn: true }) sends a
// signed-out visitor to sign in and back here (the proxy lists /account as public to show this).
import { signOut, withAuth } from 'authkit-rsc';
import { UserSessions } from 'authkit-rsc/components';
import { ServiceData } from '@/components/service-data';

const list = (values: string[] | undefined) => (values?.length ? values.join(', ') : '—');

export default async function AccountPage() {
  const { user, sessionId, organizationId, role, roles, permissions, entitlements, featureFlags, impersonator } =
    await withAuth({ ensureSignedIn: true });

  return (
    <>
      <h1>Your account</h1>
      <section className="card" aria-labelledby="profile">
        <h2 id="profile">Profile and session</h2>
        <dl className="facts">
          <dt>Email</dt>
          <dd data-testid="account-email">{user.email}</dd>
          <dt>Name</dt>
          <dd>{[user.firstName, user.lastName].filter(Boolean).join(' ') || '—'}</dd>
          <dt>User ID</dt>
          <dd><code>{user.id}</code></dd>
          <dt>Session ID</dt>
          <dd><code>{sessionId}</code></dd>
          <dt>Organization</dt>
          <dd><code>{organizationId ?? 'none'}</code></dd>
          <dt>Role</dt>
          <dd data-testid="account-role">{role ?? '—'} {roles && roles.length > 1 ? `(${roles.join(', ')})` : ''}</dd>
          <dt>Permissions</dt>
          <dd>{list(permissions)}</dd>
          <dt>Entitlements</dt>
          <dd>{list(entitlements)}</dd>
          <dt>Feature flags</dt>
          <dd>{list(featureFlags)}</dd>
          <dt>Impersonated by</dt>
          <dd>{impersonator ? impersonator.email : '—'}</dd>
        </dl>
      </section>

      <section className="card" aria-labelledby="api">
        <h2 id="api">Calling an API with the access token</h2>
        <p className="hint">This server component sends the access token to <code>/api/echo</code>, which verifies it against the WorkOS JWKS.</p>
        <ServiceData />
      </section>

      {/* Every device signed in as you, and a way to sign any of them out (this one signs you out). */}
      <UserSessions />

      <section className="card" aria-labelledby="leave">
        <h2 id="leave">Sign out somewhere else</h2>
        <p className="hint"><code>signOut(&#123; returnTo &#125;)</code> in a server action: WorkOS ends the session and sends you to the given URL.</p>
        <form
          action={async () => {
            'use server';
            await signOut({ returnTo: new URL('/signed-out', process.env.NEXT_PUBLIC_WORKOS_REDIRECT_URI).href });
          }}
        >
          <button type="submit">Sign out and see the goodbye page</button>
        </form>
      </section>
    </>
  );
}
