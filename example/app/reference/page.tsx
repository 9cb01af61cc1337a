// The reference README's withAuth page, as written (import path changed): signed out, links to
// sign in and sign up; signed in, a greeting and a sign-out form with an inline server action.
// One change: the reference writes `Welcome back {…}`, which renders "Welcome back , Alice"; the
// space belongs inside the expression.
import Link from 'next/link';
import { getSignInUrl, getSignUpUrl, withAuth, signOut } from 'authkit-rsc';

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
      <p>Welcome back{user?.firstName && `, ${user?.firstName}`}</p>
      <button type="submit">Sign out</button>
    </form>
  );
}
