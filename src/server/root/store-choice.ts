import 'server-only';
/**
 * Which `SessionStore` the kit's session root binds: the one the app passed in code
 * (`setSessionStore`), else the Redis store when AUTHKIT_REDIS_URL is set (Node only: the Edge
 * runtime's `#shared-store` never loads Redis), else none (the root's in-process default).
 * The app's choice is kept on globalThis so the proxy's bundle and the app's see the same one.
 */
import { sharedStore } from '#shared-store';
import type { AuthKitConfig } from '../config.js';
import type { SessionStore } from '../store/session-store.js';

/** Makes the store for a configuration (called once per configuration). */
export type SessionStoreFactory = (config: AuthKitConfig) => SessionStore;

const REGISTRY = Symbol.for('authkit-rsc.session-store');
const host = globalThis as typeof globalThis & { [REGISTRY]?: { factory: SessionStoreFactory | undefined; version: number } };
const choice = (host[REGISTRY] ??= { factory: undefined, version: 0 });

/**
 * Makes the kit keep its sessions' shared state (refresh locks and results, ended sessions,
 * memberships) in the store `factory` returns, instead of AUTHKIT_REDIS_URL's or this process's.
 * Call it once at start-up (`instrumentation.ts`); `undefined` goes back to the default.
 * @example
 * setSessionStore((config) => createRedisStore({ url: 'rediss://cache.internal:6380', cookiePassword: config.cookiePassword }));
 */
export function setSessionStore(factory: SessionStoreFactory | undefined): void {
  choice.factory = factory;
  choice.version += 1;
}

/** Changes each time the app sets a store (the root is rebuilt then). */
export const storeChoiceVersion = (): number => choice.version;

/** The store for `config` as chosen above, or undefined for the in-process default. */
export function chosenStore(config: AuthKitConfig): SessionStore | undefined {
  return choice.factory?.(config) ?? sharedStore(config);
}
