import 'server-only';
/**
 * Access-token verification with jose against WorkOS's JWKS (`/sso/jwks/<clientId>`), one verifier
 * per configuration (the session root holds it).
 *
 * - Only RS256 (what WorkOS signs with) is accepted: the header `alg` is checked before anything
 *   else, so `alg: none` or an HMAC/EC algorithm is refused even when no key can be fetched.
 * - The remote key set is created once per JWKS URL and cached by jose (10 min); a token with an
 *   unknown `kid` makes jose fetch the set again once (at most every 30 s), never a crash.
 * - When the key set cannot be fetched (outage, timeout, non-200) the last keys seen are used; with
 *   none at all the result is `unverifiable` (the caller trusts the seal), for a bounded time only:
 *   see UNVERIFIED_TRUST_MS.
 * - No `iss`/`aud` checks: WorkOS's issuer varies with custom domains and tokens carry no `aud`.
 */
// jose's own modules rather than its index: the index also brings JWE (and its deflate), which
// Next's Edge-runtime check flags in a middleware.ts build.
import { decodeProtectedHeader } from 'jose/decode/protected_header';
import * as errors from 'jose/errors';
import { createLocalJWKSet } from 'jose/jwks/local';
import { createRemoteJWKSet, customFetch } from 'jose/jwks/remote';
import { decodeJwt } from 'jose/jwt/decode';
import { jwtVerify } from 'jose/jwt/verify';
import type { JWTHeaderParameters, FlattenedJWSInput } from 'jose';
import type { AccessToken } from '../../shared/types.js';
import { workosBaseUrl, type AuthKitConfig } from '../config.js';
import { currentTimeMs } from '../../shared/clock.js';

/** The one algorithm WorkOS signs access tokens with. */
const WORKOS_ALGORITHM = 'RS256';

/**
 * How long after this process (or configuration) first needed the JWKS an authentic seal's token
 * may be trusted without any key to check it: 10 minutes. The seal proves the kit (or a sibling
 * instance with the same password) wrote the cookie from tokens WorkOS issued, so signing everyone
 * out during a JWKS blip at start-up would be wrong; but a token checked by nothing must not be
 * trusted for as long as an outage lasts, because a leaked cookie password would then forge any
 * claim. Ten minutes covers a restart during a short blip (WorkOS access tokens live 5 minutes by
 * default, so every token sealed before the restart has expired and been refreshed by then, and
 * refreshed tokens come from WorkOS over TLS); past it, or past the token's own `exp`, the token
 * reads as expired and must be refreshed.
 */
export const UNVERIFIED_TRUST_MS = 10 * 60_000;

export type TokenCheck =
  | { result: 'valid'; claims: AccessToken }
  /**
   * Past `exp` (`signatureChecked`: its signature verified against a WorkOS key), or signed by a key
   * WorkOS no longer publishes, or not checkable for longer than UNVERIFIED_TRUST_MS.
   */
  | { result: 'expired'; claims: AccessToken; signatureChecked: boolean }
  /** The keys could not be fetched; the claims are decoded but not verified (within the bound). */
  | { result: 'unverifiable'; claims: AccessToken }
  | { result: 'malformed' };

/** Checks an access token's algorithm, signature and expiry. Never throws for a bad token. */
export type AccessTokenVerifier = (token: string) => Promise<TokenCheck>;

// Errors that say "the token is bad", as opposed to "the keys could not be fetched".
const TOKEN_ERRORS = [
  errors.JWSSignatureVerificationFailed, errors.JWKSNoMatchingKey, errors.JWKSMultipleMatchingKeys,
  errors.JWTClaimValidationFailed, errors.JWSInvalid, errors.JWTInvalid, errors.JOSEAlgNotAllowed,
  errors.JOSENotSupported,
];
const isTokenError = (error: unknown) => TOKEN_ERRORS.some((type) => error instanceof type);

// jose's own defaults for a remote key set: keys kept 10 minutes, a refetch for an unknown key at
// most every 30 seconds.
const KEYS_MAX_AGE_MS = 10 * 60_000;
const KEYS_COOLDOWN_MS = 30_000;

/**
 * The remote key set, its freshness judged on the kit's clock (shared/clock.ts: jose's own check
 * reads `Date.now()` on every verification, which Next reports in a render); jose still fetches
 * (`reload`). The last keys fetched stay in use when a refetch fails.
 */
function keyResolver(keys: ReturnType<typeof createRemoteJWKSet>) {
  let local: ReturnType<typeof createLocalJWKSet> | undefined;
  let loadedAtMs = Number.NEGATIVE_INFINITY;
  const load = async () => {
    await keys.reload();
    local = createLocalJWKSet(keys.jwks()!);
    loadedAtMs = currentTimeMs();
  };
  const age = () => currentTimeMs() - loadedAtMs;
  return async (header: JWTHeaderParameters, token: FlattenedJWSInput) => {
    if (!local || age() >= KEYS_MAX_AGE_MS) {
      try {
        await load();
      } catch (error) {
        if (!local) throw error; // never fetched: nothing to fall back on
      }
    }
    try {
      return await local!(header, token);
    } catch (error) {
      if (!(error instanceof errors.JWKSNoMatchingKey) || age() < KEYS_COOLDOWN_MS) throw error;
      // A key WorkOS may have just added. If it cannot be fetched, the key is still unknown.
      try {
        await load();
      } catch {
        throw error;
      }
      return local!(header, token);
    }
  };
}

function decodeClaims(token: string): AccessToken | null {
  try {
    if (decodeProtectedHeader(token).alg !== WORKOS_ALGORITHM) return null;
    const claims = decodeJwt(token) as Partial<AccessToken>;
    return typeof claims.sub === 'string' && typeof claims.sid === 'string' ? (claims as AccessToken) : null;
  } catch {
    return null;
  }
}

/**
 * The verifier for `config`'s JWKS, fetched with `fetchKeys`. The key set is created now, and its
 * first use starts the unverified-trust bound (UNVERIFIED_TRUST_MS).
 */
export function createAccessTokenVerifier(config: AuthKitConfig, fetchKeys: typeof fetch): AccessTokenVerifier {
  // The SDK's getJwksUrl(), without the SDK (this module is on the Edge runtime's path).
  const keys = createRemoteJWKSet(new URL(`${workosBaseUrl(config)}/sso/jwks/${config.clientId}`), {
    [customFetch]: (url, options) => fetchKeys(url, options),
  });
  const resolveKey = keyResolver(keys);
  let firstNeededMs: number | undefined;
  return async function verifyAccessToken(token) {
    firstNeededMs ??= currentTimeMs();
    const claims = decodeClaims(token);
    if (!claims) return { result: 'malformed' };
    try {
      // `currentDate`: jose would read `new Date()` for the expiry check (see shared/clock.ts).
      await jwtVerify(token, resolveKey, { algorithms: [WORKOS_ALGORITHM], currentDate: new Date(currentTimeMs()) });
      return { result: 'valid', claims };
    } catch (error) {
      if (error instanceof errors.JWSInvalid || error instanceof errors.JWTInvalid) return { result: 'malformed' };
      if (error instanceof errors.JOSEAlgNotAllowed || error instanceof errors.JOSENotSupported) return { result: 'malformed' };
      // jose checks the signature before the claims: JWTExpired means a WorkOS key verified it.
      if (error instanceof errors.JWTExpired) return { result: 'expired', claims, signatureChecked: true };
      if (isTokenError(error)) return { result: 'expired', claims, signatureChecked: false };
      const withinBound = currentTimeMs() - firstNeededMs <= UNVERIFIED_TRUST_MS;
      return withinBound ? { result: 'unverifiable', claims } : { result: 'expired', claims, signatureChecked: false };
    }
  };
}
