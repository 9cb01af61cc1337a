// The app's one live proxy (Next 16's name for middleware). It keeps the session fresh on every
// request (verify, refresh when due, write the rotated cookie) and, with `middlewareAuth`, makes
// every matched path require sign-in except the public ones listed here.
// Other proxy/middleware setups from the reference README live in `snippets/`.
import { authkitProxy } from 'authkit-rsc';

export default authkitProxy({
  middlewareAuth: {
    enabled: true,
    unauthenticatedPaths: [
      '/',
      // These pages protect themselves, to show the page-level tools:
      '/account', // withAuth({ ensureSignedIn: true })
      '/client', // useAuth({ ensureSignedIn: true }) in a client component
      '/reference', // the README's withAuth page, signed-in and signed-out views
      '/signed-out',
      // The organization picker: the person is between WorkOS and a session there.
      '/choose-organization',
      // Verifies its own bearer token (no cookie involved).
      '/api/echo',
    ],
  },
});

// Everything except Next's static assets.
export const config = { matcher: ['/((?!_next/static|_next/image|favicon.ico|icon.svg).*)'] };
