import { handleAuth } from 'authkit-rsc';

export const GET = handleAuth({ returnPathname: '/dashboard' });
