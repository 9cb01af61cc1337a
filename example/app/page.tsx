// Home: the signed-out and signed-in views side by side, chosen on the server by the gates.
import { withAuth } from 'authkit-rsc';
import { SignedIn, SignedOut, SignInButton, SignOutButton, SignUpButton } from 'authkit-rsc/components';

async function Welcome() {
  const { user, organizationId, role, stale } = await withAuth();
  if (!user) return null;
  const name = [user.firstName, user.lastName].filter(Boolean).join(' ');
  return (
    <section className="card success" aria-labelledby="welcome">
      <h1 id="welcome">Welcome back{user.firstName ? `, ${user.firstName}` : ''}</h1>
      {stale && (
        <p className="hint" data-testid="session-stale">
          The sign-in service is not answering just now. You are still signed in; your session is renewed as soon as it is back.
        </p>
      )}
      <dl className="facts">
        <dt>Name</dt>
        <dd data-testid="user-name">{name || '—'}</dd>
        <dt>Email</dt>
        <dd data-testid="user-email">{user.email}</dd>
        <dt>Organization</dt>
        <dd data-testid="organization-id">{organizationId ?? 'none'}</dd>
        <dt>Role</dt>
        <dd data-testid="role">{role ?? 'none'}</dd>
      </dl>
      <div className="actions">
        <SignOutButton className="button" />
      </div>
    </section>
  );
}

export default function HomePage() {
  return (
    <>
      <SignedOut>
        <section aria-labelledby="signed-out" data-testid="signed-out">
          <h1 id="signed-out">You are signed out</h1>
          <p className="lead">
            This app shows authkit-rsc in a Next.js App Router app: server-component gates, an organization
            switcher, the impersonation banner, client hooks and a protected API route.
          </p>
          <div className="actions">
            <SignInButton className="button primary" />
            <SignUpButton className="button" />
          </div>
          <p className="hint">
            With the local emulator, pick a seeded user on its sign-in page: <code>alice@example.com</code> is an
            admin in Acme and a member in Globex; <code>bob@example.com</code> is a member in Acme.
          </p>
        </section>
      </SignedOut>
      <SignedIn>
        <Welcome />
      </SignedIn>
    </>
  );
}
