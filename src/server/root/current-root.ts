import 'server-only';
/**
 * The session root the kit's entry points use (the proxy per request, the auth route, `withAuth`
 * and the rest of the server API): built from the configuration on first use and rebuilt only
 * when the configuration changes (see `getConfig`), so every cache in it follows the
 * configuration. Nothing below the entry points calls `sessionRoot()`: they are handed the root.
 *
 * `bindSessionSeams` is for tests and the test kit only: an injected fetch (a stand-in WorkOS
 * directory), a token reader that skips verification (mock sessions). Nothing else changes a
 * root, and production code never calls it.
 */
import { getConfig } from '../config.js';
import { createSessionRoot, type SessionRoot, type SessionRootParts } from './session-root.js';
import { chosenStore, storeChoiceVersion } from './store-choice.js';

/** The parts a test may replace. */
export type SessionSeams = Omit<SessionRootParts, 'config'>;

let seams: SessionSeams = {};
let current: SessionRoot | undefined;
let currentChoice = -1;

/** The current session root. @throws AuthKitConfigError when the configuration is invalid. */
export function sessionRoot(): SessionRoot {
  const config = getConfig();
  if (current?.config !== config || currentChoice !== storeChoiceVersion()) {
    currentChoice = storeChoiceVersion();
    current = createSessionRoot({ ...seams, config, store: seams.store ?? chosenStore(config) });
  }
  return current;
}

/**
 * Test seams: the next root is built with these parts (and fresh caches). Returns a function that
 * puts the defaults back.
 */
export function bindSessionSeams(next: SessionSeams): () => void {
  seams = next;
  current = undefined;
  return () => {
    if (seams !== next) return;
    seams = {};
    current = undefined;
  };
}
