import { authkitMiddleware } from 'authkit-rsc';

export default authkitMiddleware({ debug: true });
