// Two of the reference README's short server-component examples, as written, with only the import
// path changed (`@workos-inc/authkit-nextjs` → `authkit-rsc`). Its home-page example is the example
// app's /reference page.
import { withAuth } from 'authkit-rsc';

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
