// A route handler that calls another API with the signed-in user's access token. The proxy has
// already refreshed the token if it was about to expire, so it is fresh here (unless WorkOS is down:
// then `stale` is true and the token has expired; the API it calls may refuse it).
import { withAuth } from 'authkit-rsc';
import { echoApiUrl } from '@/lib/echo-api';

export async function GET() {
  const { user, accessToken, stale } = await withAuth();
  if (!user) return Response.json({ error: 'unauthorized' }, { status: 401 });
  const response = await fetch(echoApiUrl(), { headers: { Authorization: `Bearer ${accessToken}` }, cache: 'no-store' });
  return Response.json({ email: user.email, stale: stale === true, api: { status: response.status, body: await response.json() } });
}
