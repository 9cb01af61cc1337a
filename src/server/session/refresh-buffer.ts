import 'server-only';
/**
 * When a token counts as "expiring" (the reference's rule): refresh within 60 s of `exp`, or 30 s
 * when the token lives 300 s or less; `refreshBufferSeconds: 0` disables proactive refresh.
 */
import type { AccessToken } from '../../shared/types.js';

const SHORT_LIVED_TOKEN_SECONDS = 300;

/** The default buffer for a token of the given lifetime (seconds). */
export function defaultRefreshBufferSeconds(lifetimeSeconds: number | undefined): number {
  return lifetimeSeconds !== undefined && lifetimeSeconds <= SHORT_LIVED_TOKEN_SECONDS ? 30 : 60;
}

/** True when the token expires within the buffer (the configured one, else the default). */
export function isWithinRefreshBuffer(claims: AccessToken, configuredBuffer?: number, nowMs = Date.now()): boolean {
  if (typeof claims.exp !== 'number') return false;
  const lifetime = typeof claims.iat === 'number' ? claims.exp - claims.iat : undefined;
  const buffer = configuredBuffer ?? defaultRefreshBufferSeconds(lifetime);
  if (buffer <= 0) return false;
  return claims.exp - nowMs / 1000 <= buffer;
}
