// The reference README's "Get the current user in a server component" example, as written, with
// only the import path changed (`@workos-inc/authkit-nextjs` → `authkit-rsc`).
import { getSignInUrl, getSignUpUrl, withAuth, signOut } from 'authkit-rsc';
// `import Link from 'next/link'` in an app. This repo type-checks with NodeNext, where the default
// import of that CommonJS module is the module object, so the component is taken from it.
import LinkModule from 'next/link.js';
const Link = LinkModule.default;

export default async function HomePage() {
  // Retrieves the user from the session or returns `null` if no user is signed in
  const { user } = await withAuth();

  if (!user) {
    // Get the URL to redirect the user to AuthKit to sign in
    const signInUrl = await getSignInUrl();

    // Get the URL to redirect the user to AuthKit to sign up
    const signUpUrl = await getSignUpUrl();

    return (
      <>
        <Link href={signInUrl}>Log in</Link>
        <Link href={signUpUrl}>Sign Up</Link>
      </>
    );
  }

  return (
    <form
      action={async () => {
        'use server';
        await signOut();
      }}
    >
      <p>Welcome back {user?.firstName && `, ${user?.firstName}`}</p>
      <button type="submit">Sign out</button>
    </form>
  );
}

// "For pages where a signed-in user is mandatory"
export async function AccountPage() {
  const { user } = await withAuth({ ensureSignedIn: true });
  return <p>{user.email}</p>;
}

// "Sometimes it is useful to obtain the access token directly"
export async function TokenPage() {
  const { accessToken } = await withAuth();

  if (!accessToken) {
    return <div>Not signed in</div>;
  }

  return <div>{accessToken.length}</div>;
}
