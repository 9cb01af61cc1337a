import 'server-only';
/**
 * Sealing with a session root's passwords: the session cookie and the kit's other sealed values
 * (the sign-in flow, custom state, the retry marker). The format is the pure `shared/iron-seal.ts`,
 * which the test kit seals with too.
 *
 * - New seals use `WORKOS_COOKIE_PASSWORD` under iron's password id `1`, exactly what
 *   `@workos-inc/authkit-nextjs` produces with its plain-string password, so cookies stay readable
 *   in both directions during a migration.
 * - Unsealing tries the current password, then each of `WORKOS_COOKIE_PASSWORD_PREVIOUS`, whatever
 *   id the seal carries: the order and number of old passwords can change freely. The root's
 *   `SessionCrypto` opens it (Node's crypto on Node, WebCrypto elsewhere).
 * - Anything that does not unseal (tampered, foreign, truncated, garbage, oversized) is `null`;
 *   these functions never throw for bad input.
 */
import { isSealCandidate, isSession, sealWithPassword, sessionPayload } from '../../shared/iron-seal.js';
import type { Session } from '../../shared/types.js';
import type { SessionRoot } from '../root/session-root.js';
import { warnIfLarge } from './size-warning.js';

/** Seals any JSON value with the current password; `ttlSeconds: 0` never expires. */
function sealValue(root: SessionRoot, value: object, ttlSeconds: number): Promise<string> {
  return sealWithPassword(value, root.config.cookiePassword, ttlSeconds);
}

/** The sealed object, or null when no configured password opens it. */
export async function unsealValue(root: SessionRoot, sealed: unknown): Promise<Record<string, unknown> | null> {
  return isSealCandidate(sealed) ? root.crypto.unseal(sealed, root.passwords) : null;
}

/** Seals a session the way `@workos-inc/authkit-nextjs` does (`ttl: 0`, minimal payload). */
export async function sealSession(root: SessionRoot, session: Session): Promise<string> {
  const payload = sessionPayload(session);
  const sealed = await sealValue(root, payload, 0);
  warnIfLarge(payload, sealed);
  return sealed;
}

/** The session in a sealed cookie value, or null when it is not one of ours. */
export async function unsealSession(root: SessionRoot, sealed: unknown): Promise<Session | null> {
  const data = await unsealValue(root, sealed);
  return data && isSession(data) ? sessionPayload(data) : null;
}

/** Seals data for one purpose (sign-in flow, custom state) so a seal cannot be replayed as another. */
export function sealForPurpose(root: SessionRoot, purpose: string, data: object, ttlSeconds: number): Promise<string> {
  return sealValue(root, { ...data, purpose }, ttlSeconds);
}

/** Data sealed for `purpose`, or null for anything else (another purpose, not ours, expired). */
export async function unsealForPurpose(root: SessionRoot, purpose: string, sealed: unknown): Promise<Record<string, unknown> | null> {
  const data = await unsealValue(root, sealed);
  return data?.purpose === purpose ? data : null;
}
