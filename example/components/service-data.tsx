// The reference README's "access token" example in working form: a server component reads the
// access token with withAuth() and calls an API with it.
import { withAuth } from 'authkit-rsc';
import { echoApiUrl } from '@/lib/echo-api';

export async function ServiceData() {
  const { accessToken } = await withAuth();

  if (!accessToken) {
    return <div>Not signed in</div>;
  }

  const serviceData = await fetch(echoApiUrl(), {
    headers: {
      Authorization: `Bearer ${accessToken}`,
    },
  });

  return <pre className="json" data-testid="service-data">{JSON.stringify(await serviceData.json(), null, 2)}</pre>;
}
