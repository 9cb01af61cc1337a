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
import { createEndedSessions, createInProcessStore } from '../store/in-process-store.js';
import type { EndedSessionStore } from '../store/session-store.js';
import { membershipChanges, type MembershipChanges } from '../store/membership-changes.js';
import { createSessionRoot, type SessionRoot, type SessionRootParts } from './session-root.js';
import { chosenStore, storeChoiceVersion } from './store-choice.js';

/** The parts a test may replace. */
export type SessionSeams = Omit<SessionRootParts, 'config'>;

let seams: SessionSeams = {};
let current: SessionRoot | undefined;
let currentChoice = -1;

// What must reach every bundle of this process is kept once per process, on globalThis: Next
// bundles the proxy, the app and instrumentation.ts separately (each with its own copy of this
// module, so its own in-process store). The proxy must refuse a session that the app's sign-out,
// its events route or the events poller ended, and refresh a member's session in place after the
// app's action changed their role. The rest of the in-process store (caches) is per bundle.
const SHARED = Symbol.for('authkit-rsc.process-store');
const host = globalThis as typeof globalThis & { [SHARED]?: { changes: MembershipChanges; ended: EndedSessionStore } };
const processShared = () => (host[SHARED] ??= { changes: membershipChanges(), ended: createEndedSessions() });

/** The current session root. @throws AuthKitConfigError when the configuration is invalid. */
export function sessionRoot(): SessionRoot {
  const config = getConfig();
  if (current?.config !== config || currentChoice !== storeChoiceVersion()) {
    currentChoice = storeChoiceVersion();
    current = createSessionRoot({ ...seams, config, store: seams.store ?? chosenStore(config) ?? createInProcessStore(processShared()) });
  }
  return current;
}

/**
 * Test seams: the next root is built with these parts (and fresh caches: the process's ended sessions
 * and membership changes are dropped too). Returns a function that puts the defaults back.
 */
export function bindSessionSeams(next: SessionSeams): () => void {
  seams = next;
  current = undefined;
  delete host[SHARED];
  return () => {
    if (seams !== next) return;
    seams = {};
    current = undefined;
    delete host[SHARED];
  };
}
