import 'server-only';
/**
 * Access-token verification with jose against WorkOS's JWKS (`/sso/jwks/<clientId>`).
 *
 * - The remote key set is created once per JWKS URL and cached by jose (10 min); a token with an
 *   unknown `kid` makes jose fetch the set again once (at most every 30 s), never a crash.
 * - When the key set cannot be fetched (outage, timeout, non-200) the last keys seen are used; with
 *   none at all the result is `unverifiable`, and the caller decides (the seal is authentic).
 * - No `iss`/`aud` checks: WorkOS's issuer varies with custom domains and tokens carry no `aud`.
 */
import { createLocalJWKSet, createRemoteJWKSet, decodeJwt, errors, jwtVerify } from 'jose';
import type { JWTHeaderParameters, FlattenedJWSInput } from 'jose';
import type { AccessToken } from '../../shared/types.js';
import { perConfig } from '../config.js';
import { getWorkOS } from '../workos.js';

export type TokenCheck =
  | { result: 'valid'; claims: AccessToken }
  /** Signed by WorkOS but past `exp`, or signed by a key WorkOS no longer publishes. */
  | { result: 'expired'; claims: AccessToken }
  /** The keys could not be fetched; the claims are decoded but not verified. */
  | { result: 'unverifiable'; claims: AccessToken }
  | { result: 'malformed' };

type RemoteKeySet = ReturnType<typeof createRemoteJWKSet>;

const remoteKeySet = perConfig(
  (config): RemoteKeySet => createRemoteJWKSet(new URL(getWorkOS().userManagement.getJwksUrl(config.clientId))),
);

// Errors that say "the token is bad", as opposed to "the keys could not be fetched".
const TOKEN_ERRORS = [
  errors.JWSSignatureVerificationFailed, errors.JWKSNoMatchingKey, errors.JWKSMultipleMatchingKeys,
  errors.JWTClaimValidationFailed, errors.JWSInvalid, errors.JWTInvalid, errors.JOSEAlgNotAllowed,
  errors.JOSENotSupported,
];
const isTokenError = (error: unknown) => TOKEN_ERRORS.some((type) => error instanceof type);

/** The remote key set, falling back to the last keys it fetched when a re-fetch fails. */
async function resolveKey(header: JWTHeaderParameters, token: FlattenedJWSInput) {
  const keys = remoteKeySet();
  try {
    return await keys(header, token);
  } catch (error) {
    const lastKnown = isTokenError(error) ? undefined : keys.jwks();
    if (lastKnown) return createLocalJWKSet(lastKnown)(header, token);
    throw error;
  }
}

function decodeClaims(token: string): AccessToken | null {
  try {
    const claims = decodeJwt(token) as Partial<AccessToken>;
    return typeof claims.sub === 'string' && typeof claims.sid === 'string' ? (claims as AccessToken) : null;
  } catch {
    return null;
  }
}

/** Checks an access token's signature and expiry. Never throws for a bad token. */
export async function verifyAccessToken(token: string): Promise<TokenCheck> {
  const claims = decodeClaims(token);
  if (!claims) return { result: 'malformed' };
  try {
    await jwtVerify(token, resolveKey);
    return { result: 'valid', claims };
  } catch (error) {
    if (error instanceof errors.JWSInvalid || error instanceof errors.JWTInvalid) return { result: 'malformed' };
    if (error instanceof errors.JOSEAlgNotAllowed || error instanceof errors.JOSENotSupported) return { result: 'malformed' };
    if (isTokenError(error) || error instanceof errors.JWTExpired) return { result: 'expired', claims };
    return { result: 'unverifiable', claims };
  }
}
