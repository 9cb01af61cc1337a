// A stand-in for another service that accepts WorkOS access tokens: it verifies the bearer token
// with jose against the WorkOS JWKS and echoes who the caller is. It knows nothing about cookies.
import { createRemoteJWKSet, errors, jwtVerify } from 'jose';
import { getWorkOS } from 'authkit-rsc';

let keys: ReturnType<typeof createRemoteJWKSet> | undefined;

function jwks() {
  keys ??= createRemoteJWKSet(new URL(getWorkOS().userManagement.getJwksUrl(process.env.WORKOS_CLIENT_ID!)));
  return keys;
}

export async function GET(request: Request) {
  const token = /^Bearer (.+)$/.exec(request.headers.get('authorization') ?? '')?.[1];
  if (!token) return Response.json({ error: 'missing_token' }, { status: 401 });
  try {
    const { payload } = await jwtVerify(token, jwks());
    return Response.json({
      verified: true,
      sub: payload.sub,
      sid: payload.sid,
      org_id: payload.org_id ?? null,
      role: payload.role ?? null,
      permissions: payload.permissions ?? [],
      expiresAt: payload.exp ? new Date(payload.exp * 1000).toISOString() : null,
    });
  } catch (error) {
    const expired = error instanceof errors.JWTExpired;
    return Response.json({ error: expired ? 'token_expired' : 'invalid_token' }, { status: 401 });
  }
}
