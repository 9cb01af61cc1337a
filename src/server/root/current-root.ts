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
import { getConfig, workosBaseUrl, type AuthKitConfig } from '../config.js';
import { createInProcessStore } from '../store/in-process-store.js';
import type { SessionStore } from '../store/session-store.js';
import { createSessionRoot, type SessionRoot, type SessionRootParts } from './session-root.js';
import { chosenStore, storeChoiceVersion } from './store-choice.js';

/** The parts a test may replace. */
export type SessionSeams = Omit<SessionRootParts, 'config'>;

let seams: SessionSeams = {};
let current: SessionRoot | undefined;
let currentChoice = -1;

// The default store is one per process, WorkOS environment and cookie passwords, kept on globalThis: Next bundles
// the proxy and the app separately (each with its own copy of this module), and what one of them
// learns (a sign-out, a member's changed role, a refresh in flight) the other must see.
const STORES = Symbol.for('authkit-rsc.process-session-stores');
const host = globalThis as typeof globalThis & { [STORES]?: Map<string, SessionStore> };

function processStore(config: AuthKitConfig): SessionStore {
  const stores = (host[STORES] ??= new Map());
  // Verified cookies are remembered by their sealed value: a new password must not find them.
  const key = JSON.stringify([workosBaseUrl(config), config.clientId, config.cookiePassword, config.previousCookiePasswords]);
  let store = stores.get(key);
  if (!store) stores.set(key, (store = createInProcessStore()));
  return store;
}

/** The current session root. @throws AuthKitConfigError when the configuration is invalid. */
export function sessionRoot(): SessionRoot {
  const config = getConfig();
  if (current?.config !== config || currentChoice !== storeChoiceVersion()) {
    currentChoice = storeChoiceVersion();
    current = createSessionRoot({ ...seams, config, store: seams.store ?? chosenStore(config) ?? processStore(config) });
  }
  return current;
}

/**
 * Test seams: the next root is built with these parts (and fresh caches: the process's default
 * stores are dropped too). Returns a function that puts the defaults back.
 */
export function bindSessionSeams(next: SessionSeams): () => void {
  seams = next;
  current = undefined;
  host[STORES]?.clear();
  return () => {
    if (seams !== next) return;
    seams = {};
    current = undefined;
    host[STORES]?.clear();
  };
}
