// The root layout: <AuthKitProvider> around everything (so client components can use useAuth),
// the impersonation banner, and a header whose session controls are server components that read
// the session on the server (no client JavaScript needed for them).
import type { Metadata } from 'next';
import Link from 'next/link';
import type { ReactNode } from 'react';
import { withAuth } from 'authkit-rsc';
import { AuthKitProvider, Impersonation, OrgSwitcher, SignedIn, SignedOut, SignInButton, SignOutButton } from 'authkit-rsc/components';
import './globals.css';

export const metadata: Metadata = {
  title: 'authkit-rsc example',
  description: 'The authkit-rsc kit in a Next.js App Router app',
};

async function SignedInAs() {
  const { user } = await withAuth();
  return <span className="who" data-testid="header-email">{user?.email}</span>;
}

export default function RootLayout({ children }: { children: ReactNode }) {
  return (
    <html lang="en">
      <body>
        <AuthKitProvider>
          <Impersonation />
          <header className="site-header">
            <Link href="/" className="brand">authkit-rsc example</Link>
            <nav aria-label="Main">
              <Link href="/account">Account</Link>
              <Link href="/organization" prefetch={false}>Organization</Link>
              {/* /admin is protected by the proxy: a signed-out visitor's prefetch would get its 401
                  (logged in the browser console), so it is not prefetched. */}
              <Link href="/admin" prefetch={false}>Admin</Link>
              <Link href="/client">Client</Link>
              <Link href="/reference">Reference</Link>
            </nav>
            <div className="session" aria-label="Session" role="group">
              <SignedIn>
                <OrgSwitcher label="Switch organization" />
                <SignedInAs />
                <SignOutButton className="button" />
              </SignedIn>
              <SignedOut>
                <SignInButton className="button primary" />
              </SignedOut>
            </div>
          </header>
          <main>{children}</main>
        </AuthKitProvider>
      </body>
    </html>
  );
}
