import 'server-only';
/**
 * The retry marker: a short-lived cookie `<session cookie name>-retry` written when a refresh
 * failed for a transient reason. It says "this session's refresh failed; do not try again before
 * `retryAt`", which gives
 * - renders (which cannot refresh) the knowledge that a refresh was tried, so they serve the
 *   session stale instead of sending the browser to the refresh route in a loop;
 * - other instances (no shared memory) the same backoff, so a burst across processes does not
 *   become a retry storm against a struggling WorkOS.
 * It is sealed for its purpose and bound to the session id, so it cannot be forged or moved to
 * another session; it grants nothing beyond what `outage-grace.ts` already bounds.
 */
import type { CookieReader } from '../../shared/cookie-chunks.js';
import type { SessionRoot } from '../root/session-root.js';
import type { CookieWriter } from './cookie-jar.js';
import { sessionCookieAttributes, type SchemeHints } from './cookie-options.js';
import { sealForPurpose, unsealForPurpose } from './session-seal.js';
import { currentTimeMs } from '../../shared/clock.js';

const PURPOSE = 'refresh-retry';
/** iron accepts a seal up to 60 s past its expiry: the time that counts is `retryAt` inside it. */
const SEAL_SLACK_SECONDS = 60;

const markerName = (root: SessionRoot) => `${root.config.cookieName}-retry`;

/** Writes the marker for `sessionId`, valid until `retryAtMs`. */
export async function writeRetryMarker(root: SessionRoot, writer: CookieWriter, sessionId: string, retryAtMs: number, urls: SchemeHints): Promise<void> {
  const seconds = Math.max(1, Math.ceil((retryAtMs - currentTimeMs()) / 1000));
  const sealed = await sealForPurpose(root, PURPOSE, { sid: sessionId, retryAt: retryAtMs }, seconds + SEAL_SLACK_SECONDS);
  writer.set(markerName(root), sealed, { ...sessionCookieAttributes(root.config, urls), maxAge: seconds });
}

/** When the session `sessionId` may be refreshed again, if a marker for it says not yet; else undefined. */
export async function readRetryMarker(root: SessionRoot, jar: CookieReader, sessionId: string): Promise<number | undefined> {
  const name = markerName(root);
  const value = jar.getAll().find((cookie) => cookie.name === name)?.value;
  if (!value) return undefined;
  const data = await unsealForPurpose(root, PURPOSE, value);
  const retryAt = data?.retryAt;
  return data?.sid === sessionId && typeof retryAt === 'number' && retryAt > currentTimeMs() ? retryAt : undefined;
}
