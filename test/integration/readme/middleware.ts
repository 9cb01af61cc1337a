// The reference README's middleware/proxy examples, as written, with only the import path changed
// (and `.js` on `next/server`, which this repo's NodeNext type-check needs; apps use the bundler's).
import { NextResponse, type NextRequest } from 'next/server';
import { authkit, authkitMiddleware, handleAuth } from 'authkit-rsc';

// "Callback route"
export const callbackDefault = handleAuth();
export const callbackDashboard = handleAuth({ returnPathname: '/dashboard' });
export const saveTokens = async (tokens: unknown) => savedTokens.push(tokens);
export const savedTokens: unknown[] = [];
export const callbackOnSuccess = handleAuth({
  onSuccess: async ({ oauthTokens }) => {
    await saveTokens(oauthTokens);
  },
});

// "Middleware"
export const basic = authkitMiddleware();
export const dynamicRedirect = authkitMiddleware({
  redirectUri: 'https://foo.example.com/callback',
});
export const middlewareAuth = authkitMiddleware({
  middlewareAuth: {
    enabled: true,
    unauthenticatedPaths: ['/', '/about'],
  },
});
export const signUpPaths = authkitMiddleware({
  signUpPaths: ['/account/sign-up', '/dashboard/:path*'],
});
export const debug = authkitMiddleware({ debug: true });

// "Composing middleware"
export default async function middleware(request: NextRequest) {
  // Perform logic before or after AuthKit

  // Auth object contains the session, response headers and an auhorization URL in the case that the session isn't valid
  // This method will automatically handle setting the cookie and refreshing the session
  const { session, headers, authorizationUrl } = await authkit(request, {
    debug: true,
  });

  // Control of what to do when there's no session on a protected route is left to the developer
  if (request.url.includes('/account') && !session.user) {
    // eslint-disable-next-line no-console -- verbatim from the README
    console.log('No session on protected path');
    return NextResponse.redirect(authorizationUrl);

    // Alternatively you could redirect to your own login page, for example if you want to use your own UI instead of hosted AuthKit
    return NextResponse.redirect('/login');
  }

  // Headers from the authkit response need to be included in every non-redirect response to ensure that `withAuth` works as expected
  return NextResponse.next({
    headers: headers,
  });
}
