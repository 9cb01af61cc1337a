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
import { createInProcessStore } from '../store/in-process-store.js';
import { membershipChanges, type MembershipChanges } from '../store/membership-changes.js';
import { createSessionRoot, type SessionRoot, type SessionRootParts } from './session-root.js';
import { chosenStore, storeChoiceVersion } from './store-choice.js';

/** The parts a test may replace. */
export type SessionSeams = Omit<SessionRootParts, 'config'>;

let seams: SessionSeams = {};
let current: SessionRoot | undefined;
let currentChoice = -1;

// Membership changes noted by the kit's organization actions are kept once per process, on
// globalThis: Next bundles the proxy and the app separately (each with its own copy of this module
// and so its own in-process store), and the proxy must see a change the app's action noted to
// refresh that member's session in place. Everything else the in-process store keeps is per bundle.
const CHANGES = Symbol.for('authkit-rsc.membership-changes');
const host = globalThis as typeof globalThis & { [CHANGES]?: MembershipChanges };
const processMembershipChanges = (): MembershipChanges => (host[CHANGES] ??= membershipChanges());

/** The current session root. @throws AuthKitConfigError when the configuration is invalid. */
export function sessionRoot(): SessionRoot {
  const config = getConfig();
  if (current?.config !== config || currentChoice !== storeChoiceVersion()) {
    currentChoice = storeChoiceVersion();
    current = createSessionRoot({ ...seams, config, store: seams.store ?? chosenStore(config) ?? createInProcessStore({ changes: processMembershipChanges() }) });
  }
  return current;
}

/**
 * Test seams: the next root is built with these parts (and fresh caches: the process's membership
 * changes are dropped too). Returns a function that puts the defaults back.
 */
export function bindSessionSeams(next: SessionSeams): () => void {
  seams = next;
  current = undefined;
  delete host[CHANGES];
  return () => {
    if (seams !== next) return;
    seams = {};
    current = undefined;
    delete host[CHANGES];
  };
}
