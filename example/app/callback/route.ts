// The redirect URI (NEXT_PUBLIC_WORKOS_REDIRECT_URI = http://localhost:3000/callback).
// One route does three jobs: it starts sign-in (the URLs from getSignInUrl point here), completes
// it (WorkOS redirects back here with ?code=…) and refreshes sessions for renders that cannot write cookies.
// When WorkOS asks the app to choose the organization, it sends the person to the picker page.
import { handleAuth } from 'authkit-rsc';

export const GET = handleAuth({ organizationSelectionPath: '/choose-organization' });
