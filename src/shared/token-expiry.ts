/**
 * When an access token is due for a refresh: the reference package's buffer rule, shared by the
 * browser's token store and `getAccessTokenAction` so both agree on what "about to expire" means.
 */

/** The refresh buffer in seconds: 30 s for tokens that live 5 minutes or less, else 60 s. */
export function refreshBufferSeconds({ exp, iat }: { exp?: number; iat?: number }): number {
  return exp !== undefined && iat !== undefined && exp - iat <= 300 ? 30 : 60;
}

/** The time (ms since the epoch) to refresh a token with these claims; `undefined` when it has no `exp`. */
export function refreshDueAt(claims: { exp?: number; iat?: number }): number | undefined {
  return typeof claims.exp === 'number' ? (claims.exp - refreshBufferSeconds(claims)) * 1000 : undefined;
}
