import 'server-only';
/**
 * The custom `state` string of `getSignInUrl({ state })` travels sealed in the sign-in URL, so
 * `onSuccess` only ever receives state this app created (a hand-made link cannot inject any).
 */
import { sealForPurpose, unsealForPurpose } from '../session/seal.js';

const PURPOSE = 'custom-state';

export function sealCustomState(state: string): Promise<string> {
  // No expiry: a link may sit in a rendered page for a long time.
  return sealForPurpose(PURPOSE, { state }, 0);
}

/** The custom state, or undefined when the value is missing or not sealed by this app. */
export async function unsealCustomState(sealed: string | null): Promise<string | undefined> {
  if (!sealed) return undefined;
  const data = await unsealForPurpose(PURPOSE, sealed);
  return typeof data?.state === 'string' ? data.state : undefined;
}
