'use client';
// A client component: useAuth() for the session (seeded by the server, so no loading flash),
// useAccessToken() for calling an API from the browser, useTokenClaims() for the token's claims.
import { useState } from 'react';
import { useAccessToken, useAuth, useTokenClaims } from 'authkit-rsc/components';

const time = (seconds: unknown) => (typeof seconds === 'number' ? new Date(seconds * 1000).toLocaleTimeString() : '—');

export function ClientSession() {
  // Client-side page protection: a signed-out visitor is sent to sign in and back here.
  const { user, loading, organizationId, role } = useAuth({ ensureSignedIn: true });
  const { accessToken, loading: tokenLoading, error, refresh, getAccessToken } = useAccessToken();
  const claims = useTokenClaims();
  const [apiResult, setApiResult] = useState<string>();

  if (loading || !user) return <p>Loading…</p>;

  async function callApi() {
    const token = await getAccessToken();
    const response = await fetch('/api/echo', { headers: { Authorization: `Bearer ${token}` } });
    setApiResult(JSON.stringify(await response.json(), null, 2));
  }

  return (
    <>
      <section className="card" aria-labelledby="use-auth">
        <h2 id="use-auth">useAuth()</h2>
        <dl className="facts">
          <dt>Email</dt>
          <dd data-testid="client-email">{user.email}</dd>
          <dt>Organization</dt>
          <dd data-testid="client-organization">{organizationId ?? 'none'}</dd>
          <dt>Role</dt>
          <dd data-testid="client-role">{role ?? '—'}</dd>
        </dl>
      </section>
      <section className="card" aria-labelledby="use-access-token">
        <h2 id="use-access-token">useAccessToken()</h2>
        <dl className="facts">
          <dt>Token</dt>
          <dd data-testid="token-status">{tokenLoading ? 'loading' : accessToken ? 'present' : 'none'}{error ? ` (error: ${error.message})` : ''}</dd>
          <dt>Token ID</dt>
          <dd><code data-testid="token-jti">{String(claims.jti ?? '—')}</code></dd>
          <dt>Issued / expires</dt>
          <dd>{time(claims.iat)} / {time(claims.exp)}</dd>
        </dl>
        <div className="actions">
          <button type="button" onClick={callApi}>Call the API</button>
          <button type="button" onClick={() => void refresh()}>Refresh the token</button>
        </div>
        {apiResult && <pre className="json" data-testid="client-api-result">{apiResult}</pre>}
      </section>
    </>
  );
}
