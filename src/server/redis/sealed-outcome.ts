import 'server-only';
/**
 * A refresh's outcome as Redis keeps it for the other instances: sealed (iron, AES-256-CBC + HMAC)
 * with the cookie password, so Redis never holds a usable token in clear: reading it needs what
 * opening the session cookie needs. It carries its own expiry (checked against this process's
 * clock, like every other kept outcome), and a failure keeps only what callers branch on.
 */
import { sealWithPassword, unsealWithPasswords } from '../../shared/iron-seal.js';
import { TokenRefreshError } from '../../shared/errors.js';
import type { RefreshOutcome } from '../session/refresh.js';
import type { SignedInState } from '../session/session-state.js';
import { currentTimeMs } from '../../shared/clock.js';

type KeptFailure = { message: string; isTransient: boolean; userId?: string; sessionId?: string; retryAfter?: number };
type Kept = { expiresAtMs: number } & ({ ok: true; state: SignedInState } | { ok: false; error: KeptFailure });

/** `outcome`, sealed with `password`, valid until `expiresAtMs`. */
export function sealOutcome(outcome: RefreshOutcome, expiresAtMs: number, password: string): Promise<string> {
  if (outcome.ok) return sealWithPassword({ expiresAtMs, ok: true, state: outcome.state } satisfies Kept, password, 0);
  const { message, isTransient, userId, sessionId } = outcome.error;
  const retryAfter = (outcome.error.cause as { retryAfter?: unknown } | undefined)?.retryAfter;
  const error: KeptFailure = { message, isTransient, userId, sessionId, ...(typeof retryAfter === 'number' ? { retryAfter } : {}) };
  return sealWithPassword({ expiresAtMs, ok: false, error } satisfies Kept, password, 0);
}

/** The outcome in `sealed` while it is valid; undefined when expired or when no password opens it. */
export async function openOutcome(sealed: string, passwords: readonly string[], nowMs = currentTimeMs()): Promise<RefreshOutcome | undefined> {
  const kept = (await unsealWithPasswords(sealed, passwords)) as Kept | null;
  if (!kept || typeof kept.expiresAtMs !== 'number' || kept.expiresAtMs <= nowMs) return undefined;
  if (kept.ok) return { ok: true, state: kept.state };
  const { message, isTransient, userId, sessionId, retryAfter } = kept.error;
  const cause = retryAfter === undefined ? undefined : { retryAfter };
  return { ok: false, error: new TokenRefreshError(message, { isTransient, userId, sessionId, cause }) };
}
