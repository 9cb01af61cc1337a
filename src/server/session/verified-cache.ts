import 'server-only';
/**
 * The verified-session cache: a bounded LRU from the exact sealed cookie value to the state it
 * unsealed and verified to. An entry lives until the token's `exp` minus the default refresh
 * buffer, so the hot path (same cookie, many requests) costs one map lookup instead of an unseal
 * and a signature check. It is emptied whenever the configuration changes (new password, new
 * client), so a value verified under old settings is never served under new ones.
 */
import { perConfig } from '../config.js';
import { refreshBufferSeconds } from '../../shared/token-expiry.js';
import type { SignedInState } from './state.js';

const MAX_ENTRIES = 1000;

interface Entry {
  state: SignedInState;
  expiresAtMs: number;
}

const currentEntries = perConfig(() => new Map<string, Entry>());

/** The cached state for this exact sealed value, if it is still fresh. */
export function recallVerifiedSession(sealed: string): SignedInState | undefined {
  const map = currentEntries();
  const entry = map.get(sealed);
  if (!entry) return undefined;
  map.delete(sealed);
  if (entry.expiresAtMs <= Date.now()) return undefined;
  map.set(sealed, entry); // most recently used goes last
  return entry.state;
}

/**
 * Remembers that `sealed` reads as `state`. The kit calls it only after a real unseal + verify
 * (or with tokens WorkOS has just issued); the test kit calls it to make a minted cookie read as
 * signed in without a JWKS.
 */
export function rememberVerifiedSession(sealed: string, state: SignedInState): void {
  const { exp } = state.claims;
  if (typeof exp !== 'number') return;
  const expiresAtMs = (exp - refreshBufferSeconds(state.claims)) * 1000;
  if (expiresAtMs <= Date.now()) return;
  const map = currentEntries();
  map.delete(sealed);
  map.set(sealed, { state, expiresAtMs });
  if (map.size > MAX_ENTRIES) map.delete(map.keys().next().value!);
}

/** Drops one value (a cookie that was cleared or rotated). */
export function forgetVerifiedSession(sealed: string): void {
  currentEntries().delete(sealed);
}
