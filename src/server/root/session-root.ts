import 'server-only';
/**
 * The session's composition root: the configuration, the crypto, the token verifier, the store and
 * the fetch, bound together once per configuration. Every session function takes it as its first
 * argument (`readSession(root, sealed)`, `sealSession(root, session)`, `refreshTokens(root, …)`):
 * nothing under `session/` reads the environment, picks a runtime or keeps state of its own, so a
 * test builds a root from plain values and a shared store (`redis/redis-store.ts`) plugs in here, as `store`.
 * `current-root.ts` holds the root the kit's entry points use.
 */
import type { AuthKitConfig } from '../config.js';
import { chooseSessionCrypto, type HmacKey, type SessionCrypto } from '../crypto/session-crypto.js';
import { createAccessTokenVerifier, type AccessTokenVerifier } from '../crypto/verify-token.js';
import { createInProcessStore } from '../store/in-process-store.js';
import type { SessionStore } from '../store/session-store.js';

export interface SessionRoot {
  readonly config: AuthKitConfig;
  /** The passwords that open a seal: the current one, then each previous one. */
  readonly passwords: readonly string[];
  readonly crypto: SessionCrypto;
  /** Signs and checks the proxy's hand-over to the render (keyed from the cookie password). */
  readonly handOverKey: HmacKey;
  readonly verifyAccessToken: AccessTokenVerifier;
  readonly store: SessionStore;
  /** What the kit fetches WorkOS with (the SDK, the JWKS, the Edge refresh through the auth route). */
  readonly fetch: typeof fetch;
}

/** What a root is made of: the configuration, and any part to use instead of the default. */
export interface SessionRootParts {
  config: AuthKitConfig;
  /** @default Node's crypto on Node, else WebCrypto (chosen once per runtime) */
  crypto?: SessionCrypto;
  /** @default the in-process store */
  store?: SessionStore;
  /** @default jose against the configuration's JWKS, fetched with `fetch` */
  verifyAccessToken?: AccessTokenVerifier;
  /** @default the global `fetch`, looked up at each call */
  fetch?: typeof fetch;
}

const HAND_OVER_LABEL = 'authkit-rsc forwarded headers\n';

// Looked up at call time, not bound now: a test that replaces the global sees its calls.
const globalFetch: typeof fetch = (input, init) => globalThis.fetch(input, init);

/** Binds the parts of a session root (the defaults for what is not given). */
export function createSessionRoot(parts: SessionRootParts): SessionRoot {
  const { config } = parts;
  const crypto = parts.crypto ?? chooseSessionCrypto();
  const fetch = parts.fetch ?? globalFetch;
  return Object.freeze({
    config,
    passwords: Object.freeze([config.cookiePassword, ...config.previousCookiePasswords]),
    crypto,
    handOverKey: crypto.hmacKey(`${HAND_OVER_LABEL}${config.cookiePassword}`),
    verifyAccessToken: parts.verifyAccessToken ?? createAccessTokenVerifier(config, fetch),
    store: parts.store ?? createInProcessStore(),
    fetch,
  });
}
