/**
 * JWT decoding without verification, safe everywhere (server, edge, browser) and dependency-free,
 * so client bundles that only need to read claims do not pull in a JOSE library. Never use a
 * decoded claim for an authorisation decision unless the token was verified elsewhere.
 */
import type { AccessToken } from './types.js';
import { base64UrlToBytes } from './base64url.js';

/**
 * The payload of a compact JWT, or `null` when the value is not a decodable JWT.
 *
 * @example
 * const claims = decodeJwtClaims(accessToken); // { sub, sid, org_id, … } | null
 */
export function decodeJwtClaims<T extends object = AccessToken>(token: unknown): (T & Record<string, unknown>) | null {
  if (typeof token !== 'string') return null;
  const parts = token.split('.');
  if (parts.length !== 3 || !parts[1]) return null;
  try {
    const payload: unknown = JSON.parse(new TextDecoder().decode(base64UrlToBytes(parts[1])));
    if (payload === null || typeof payload !== 'object' || Array.isArray(payload)) return null;
    return payload as T & Record<string, unknown>;
  } catch {
    return null;
  }
}
