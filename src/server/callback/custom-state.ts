import 'server-only';
/**
 * The custom `state` string of `getSignInUrl({ state })` travels sealed in the sign-in URL, so
 * `onSuccess` only ever receives state this app created (a hand-made link cannot inject any).
 */
import type { SessionRoot } from '../root/session-root.js';
import { sealForPurpose, unsealForPurpose } from '../session/session-seal.js';

const PURPOSE = 'custom-state';

/**
 * How long a sealed custom state opens: a day. A sign-in link may sit in a rendered page for a
 * while, but not forever. Within that day the same link can be used again (replayed): the state
 * says what the app wanted to carry through sign-in, it must never be a secret or a one-time grant.
 */
export const CUSTOM_STATE_TTL_SECONDS = 24 * 60 * 60;

/** The custom state sealed for a sign-in URL. */
export function sealCustomState(root: SessionRoot, state: string): Promise<string> {
  return sealForPurpose(root, PURPOSE, { state }, CUSTOM_STATE_TTL_SECONDS);
}

/** The custom state, or undefined when the value is missing or not sealed by this app. */
export async function unsealCustomState(root: SessionRoot, sealed: string | null): Promise<string | undefined> {
  if (!sealed) return undefined;
  const data = await unsealForPurpose(root, PURPOSE, sealed);
  return typeof data?.state === 'string' ? data.state : undefined;
}
