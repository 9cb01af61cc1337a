import { authkitMiddleware } from 'authkit-rsc';

export default authkitMiddleware({
  signUpPaths: ['/account/sign-up', '/dashboard/:path*'],
});
