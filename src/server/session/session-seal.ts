import 'server-only';
/**
 * iron-session sealing with password rotation, with the configured passwords (the sealing itself
 * is the pure `src/shared/seal.ts`, which the test kit uses too).
 *
 * - New seals use `WORKOS_COOKIE_PASSWORD` under iron's password id `1`, exactly what
 *   `@workos-inc/authkit-nextjs` produces with its plain-string password, so cookies stay readable
 *   in both directions during a migration.
 * - Unsealing tries the current password, then each of `WORKOS_COOKIE_PASSWORD_PREVIOUS`, whatever
 *   id the seal carries: the order and number of old passwords can change freely.
 * - Anything that does not unseal (tampered, foreign, truncated, garbage, oversized) is `null`;
 *   these functions never throw for bad input.
 * - Unsealing runs on Node's crypto where it can (`node-unseal.ts`), else iron-session's.
 */
import { isSealCandidate, isSession, sealWithPassword, sessionPayload, unsealWithPasswords } from '../../shared/iron-seal.js';
import type { Session } from '../../shared/types.js';
import { getConfig } from '../config.js';
import { nodeCrypto } from './node-crypto.js';
import { unsealWithNodeCrypto } from './node-unseal.js';
import { warnIfLarge } from './size-warning.js';

export { sessionPayload };

function passwords(): string[] {
  const { cookiePassword, previousCookiePasswords } = getConfig();
  return [cookiePassword, ...previousCookiePasswords];
}

/** Seals any JSON value with the current password; `ttlSeconds: 0` never expires. */
export async function sealValue(value: object, ttlSeconds: number): Promise<string> {
  return sealWithPassword(value, getConfig().cookiePassword, ttlSeconds);
}

/**
 * The sealed object, or null when no configured password opens it. On Node, Node's crypto
 * unseals synchronously (`node-unseal.ts`, bench row 1 first seen); iron-session decides on edge
 * runtimes and whenever that path leaves the answer to it.
 */
export async function unsealValue(sealed: unknown): Promise<Record<string, unknown> | null> {
  if (!isSealCandidate(sealed)) return null;
  const list = passwords();
  const crypto = nodeCrypto();
  const quick = crypto ? unsealWithNodeCrypto(crypto, sealed, list) : undefined;
  return quick !== undefined ? quick : unsealWithPasswords(sealed, list);
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
