import 'server-only';
/**
 * A session cookie that needs chunks works, but every request carries it: say which part of the
 * session made it large (sizes only, never contents), once per chunk count.
 */
import { COOKIE_CHUNK_SIZE } from '../../shared/constants.js';
import { decodeJwtClaims } from '../../shared/claims.js';
import type { AccessToken, Session } from '../../shared/types.js';
import { warnOnce } from '../log.js';

const byteLength = (value: unknown) => (value === undefined ? 0 : JSON.stringify(value).length);

/** Explains a cookie that needs chunks: which part of the session is large, and why. */
export function warnIfLarge(session: Session, sealed: string): void {
  if (sealed.length <= COOKIE_CHUNK_SIZE) return;
  const claims: Partial<AccessToken> = decodeJwtClaims(session.accessToken) ?? {};
  const parts: Array<[string, number]> = [
    ['access token', session.accessToken.length],
    ['user', byteLength(session.user)],
    ['user.metadata', byteLength(session.user.metadata)],
    ['permissions claim', byteLength(claims.permissions)],
    ['feature_flags claim', byteLength(claims.feature_flags)],
    ['entitlements claim', byteLength(claims.entitlements)],
  ];
  const largest = parts
    .filter(([, size]) => size > 0)
    .sort((a, b) => b[1] - a[1])
    .slice(0, 3)
    .map(([part, size]) => `${part} ${size} B`)
    .join(', ');
  const chunks = Math.ceil(sealed.length / COOKIE_CHUNK_SIZE);
  warnOnce(
    `large-cookie-${chunks}`,
    `The session cookie is ${sealed.length} bytes, so it is split into ${chunks} cookies. Largest parts: ${largest}. ` +
      'Trim user metadata or the permissions/feature flags carried in the access token to shrink it.',
  );
}
