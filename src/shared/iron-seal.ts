/**
 * The session cookie's seal, pure: iron-session with passwords passed in (no configuration, no
 * `server-only`, no Next), so the server's session code and the test kit produce and open exactly
 * the same format. The server passes its configured passwords (`src/server/session/seal.ts`).
 *
 * - New seals use iron's password id `1`, what `@workos-inc/authkit-nextjs` produces with its
 *   plain-string password, so cookies stay readable in both directions during a migration.
 * - Unsealing tries each password in turn, whatever id the seal carries.
 * - Anything that does not unseal (tampered, foreign, truncated, garbage, oversized) is `null`;
 *   these functions never throw for bad input.
 */
import { sealData, unsealData } from 'iron-session';
import { COOKIE_CHUNK_SIZE, MAX_COOKIE_CHUNKS } from './constants.js';
import type { Session } from './types.js';

/** Longer than the most chunks we would ever write: not ours. */
const MAX_SEALED_LENGTH = COOKIE_CHUNK_SIZE * MAX_COOKIE_CHUNKS;
const SEAL_PASSWORD_ID = '1';

/** Seals any JSON value with `password`; `ttlSeconds: 0` never expires. */
export async function sealWithPassword(value: object, password: string, ttlSeconds: number): Promise<string> {
  return sealData(value as Record<string, unknown>, { password: { [SEAL_PASSWORD_ID]: password }, ttl: ttlSeconds });
}

/**
 * The exact format iron-session 8 writes: `Fe26.2*id*encryptionSalt*iv*ciphertext*expiration*
 * macSalt*mac~2` (hex salts, a 16-byte IV and a SHA-256 MAC in base64url, the expiration in
 * milliseconds or empty). iron-session itself splits on `~` and ignores anything after the version,
 * so `…~2~junk` would open like the original and cost a full unseal each time: refused here first.
 */
const IRON_SEAL = /^Fe26\.2\*\w*\*[0-9a-f]+\*[\w-]{22}\*[\w-]+\*\d*\*[0-9a-f]+\*[\w-]{43}~2$/;

/**
 * False for anything that cannot be a seal the kit wrote: not a string, empty, longer than every
 * chunk together, or not exactly iron's format. Costs one regular-expression test, no crypto.
 */
export function isSealCandidate(sealed: unknown): sealed is string {
  return typeof sealed === 'string' && sealed.length > 0 && sealed.length <= MAX_SEALED_LENGTH && IRON_SEAL.test(sealed);
}

/** The sealed object, or null when none of `passwords` opens it. */
export async function unsealWithPasswords(sealed: unknown, passwords: readonly string[]): Promise<Record<string, unknown> | null> {
  if (!isSealCandidate(sealed)) return null;
  const passwordId = sealed.split('*')[1] || 'default';
  for (const secret of passwords) {
    let data: unknown;
    try {
      // ttl only matters when sealing; an expired seal carries its own expiry and reads as {}.
      data = await unsealData(sealed, { password: { [passwordId]: secret }, ttl: 0 });
    } catch {
      return null; // structurally broken: no other password will do better
    }
    if (data && typeof data === 'object' && Object.keys(data).length > 0) return data as Record<string, unknown>;
  }
  return null;
}

/** The reference package's payload, and nothing else (a stable, minimal cookie). */
export function sessionPayload(session: Session): Session {
  const payload: Session = {
    accessToken: session.accessToken,
    refreshToken: session.refreshToken,
    user: session.user,
  };
  if (session.impersonator) payload.impersonator = session.impersonator;
  if (session.authenticationMethod) payload.authenticationMethod = session.authenticationMethod;
  return payload;
}

/** True when an unsealed value has the session's shape (both tokens and a user id). */
export function isSession(value: Record<string, unknown>): value is Record<string, unknown> & Session {
  const user = value.user as { id?: unknown } | null | undefined;
  return (
    typeof value.accessToken === 'string' &&
    typeof value.refreshToken === 'string' &&
    value.accessToken.length > 0 &&
    value.refreshToken.length > 0 &&
    typeof user === 'object' &&
    user !== null &&
    typeof user.id === 'string'
  );
}

/** Seals a session as the kit writes it (`ttl: 0`, minimal payload) with `password`. */
export async function sealSessionWithPassword(session: Session, password: string): Promise<string> {
  return sealWithPassword(sessionPayload(session), password, 0);
}
