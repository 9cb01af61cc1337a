import 'server-only';
/**
 * When a token counts as "expiring" on the server: the reference's default buffer (the one rule
 * in `src/shared/token-expiry.ts`, which the browser's token store uses too), or the proxy's
 * `refreshBufferSeconds`; `0` disables proactive refresh.
 */
import { refreshBufferSeconds } from '../../shared/token-expiry.js';
import type { AccessToken } from '../../shared/types.js';
import { currentTimeMs } from '../../shared/clock.js';

/** True when the token expires within the buffer (the configured one, else the default). */
export function isWithinRefreshBuffer(claims: AccessToken, configuredBuffer?: number, nowMs = currentTimeMs()): boolean {
  if (typeof claims.exp !== 'number') return false;
  const buffer = configuredBuffer ?? refreshBufferSeconds(claims);
  if (buffer <= 0) return false;
  return claims.exp - nowMs / 1000 <= buffer;
}
