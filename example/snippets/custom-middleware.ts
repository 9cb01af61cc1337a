import { NextResponse, type NextRequest } from 'next/server';
import { authkit } from 'authkit-rsc';

export default async function middleware(request: NextRequest) {
  // Perform logic before or after AuthKit

  // Auth object contains the session, response headers and an auhorization URL in the case that the session isn't valid
  // This method will automatically handle setting the cookie and refreshing the session
  const { session, headers, authorizationUrl } = await authkit(request, {
    debug: true,
  });

  // Control of what to do when there's no session on a protected route is left to the developer
  if (request.url.includes('/account') && !session.user) {
    // eslint-disable-next-line no-console -- the README's example logs
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

// Match against the pages
export const config = { matcher: ['/', '/account/:path*'] };
