import 'server-only';
/**
 * Opening the organization cookies (the notice, the pending choice): the same sealed value is
 * read by several parts of one page, so its unsealing is shared for a few seconds (the promise,
 * keyed by the exact sealed string and its purpose). A render that React retries (Storybook renders
 * server components in the browser, where unsealing is asynchronous WebCrypto) then finds the
 * answer ready instead of starting over. Bounded; nothing outlives the cookies' own expiry by more
 * than the few seconds. The shared answers belong to the session root (its passwords opened them).
 */
import type { SessionRoot } from '../root/session-root.js';
import { unsealForPurpose } from '../session/session-seal.js';
import { currentTimeMs } from '../../shared/clock.js';

const SHARE_MS = 5_000;
const MAX_ENTRIES = 64;

type Opened = Map<string, { value: Promise<Record<string, unknown> | null>; untilMs: number }>;
const openedByRoot = new WeakMap<SessionRoot, Opened>();

/** `unsealForPurpose(root, purpose, sealed)`, shared with the reads of the same value in the last few seconds. */
export function openSealedCookie(root: SessionRoot, purpose: string, sealed: string | undefined): Promise<Record<string, unknown> | null> {
  if (!sealed) return Promise.resolve(null);
  let opened = openedByRoot.get(root);
  if (!opened) openedByRoot.set(root, (opened = new Map()));
  const key = `${purpose} ${sealed}`;
  const hit = opened.get(key);
  if (hit && hit.untilMs > currentTimeMs()) return hit.value;
  const value = unsealForPurpose(root, purpose, sealed);
  opened.delete(key);
  opened.set(key, { value, untilMs: currentTimeMs() + SHARE_MS });
  if (opened.size > MAX_ENTRIES) opened.delete(opened.keys().next().value!);
  return value;
}
