import 'server-only';
/**
 * iron-session sealing with password rotation.
 *
 * - New seals use `WORKOS_COOKIE_PASSWORD` under iron's password id `1`, exactly what
 *   `@workos-inc/authkit-nextjs` produces with its plain-string password, so cookies stay readable
 *   in both directions during a migration.
 * - Unsealing tries the current password, then each of `WORKOS_COOKIE_PASSWORD_PREVIOUS`, whatever
 *   id the seal carries: the order and number of old passwords can change freely.
 * - Anything that does not unseal (tampered, foreign, truncated, garbage, oversized) is `null`;
 *   these functions never throw for bad input.
 */
import { sealData, unsealData } from 'iron-session';
import { COOKIE_CHUNK_SIZE, MAX_COOKIE_CHUNKS } from '../../shared/constants.js';
import type { Session } from '../../shared/types.js';
import { getConfig } from '../config.js';
import { warnIfLarge } from './size-warning.js';

/** Longer than the most chunks we would ever write: not ours. */
const MAX_SEALED_LENGTH = COOKIE_CHUNK_SIZE * MAX_COOKIE_CHUNKS;
const SEAL_PASSWORD_ID = '1';

function passwords(): string[] {
  const { cookiePassword, previousCookiePasswords } = getConfig();
  return [cookiePassword, ...previousCookiePasswords];
}

/** Seals any JSON value with the current password; `ttlSeconds: 0` never expires. */
export async function sealValue(value: object, ttlSeconds: number): Promise<string> {
  const password = { [SEAL_PASSWORD_ID]: getConfig().cookiePassword };
  return sealData(value as Record<string, unknown>, { password, ttl: ttlSeconds });
}

/** The sealed object, or null when no configured password opens it. */
export async function unsealValue(sealed: unknown): Promise<Record<string, unknown> | null> {
  if (typeof sealed !== 'string' || sealed.length === 0 || sealed.length > MAX_SEALED_LENGTH) return null;
  const passwordId = sealed.split('*')[1] || 'default';
  for (const secret of passwords()) {
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

function isSession(value: Record<string, unknown>): value is Record<string, unknown> & Session {
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

/** Seals a session the way `@workos-inc/authkit-nextjs` does (`ttl: 0`, minimal payload). */
export async function sealSession(session: Session): Promise<string> {
  const payload = sessionPayload(session);
  const sealed = await sealValue(payload, 0);
  warnIfLarge(payload, sealed);
  return sealed;
}

/** The session in a sealed cookie value, or null when it is not one of ours. */
export async function unsealSession(sealed: unknown): Promise<Session | null> {
  const data = await unsealValue(sealed);
  return data && isSession(data) ? sessionPayload(data) : null;
}

/** Seals data for one purpose (sign-in flow, custom state) so a seal cannot be replayed as another. */
export async function sealForPurpose(purpose: string, data: object, ttlSeconds: number): Promise<string> {
  return sealValue({ ...data, purpose }, ttlSeconds);
}

export async function unsealForPurpose(purpose: string, sealed: unknown): Promise<Record<string, unknown> | null> {
  const data = await unsealValue(sealed);
  return data?.purpose === purpose ? data : null;
}
