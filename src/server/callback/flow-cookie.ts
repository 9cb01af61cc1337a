import 'server-only';
/**
 * The per-flow sign-in cookie `wos-auth-verifier-<hash>`: it carries the PKCE verifier, the
 * return path and the custom state, sealed, for 10 minutes. The OAuth `state` is a random nonce
 * and the cookie's name is derived from it, so parallel sign-ins in several tabs never clobber
 * each other, and a callback whose state has no matching cookie (login CSRF) is refused.
 */
import { PKCE_COOKIE_PREFIX, SIGN_IN_FLOW_TTL_SECONDS } from '../../shared/constants.js';
import type { CookieReader } from '../../shared/cookie-chunks.js';
import type { CookieWriter } from '../session/cookie-jar.js';
import { expiredAttributes } from '../session/cookie-jar.js';
import { flowCookieAttributes, type SchemeHints } from '../session/cookie-options.js';
import type { SessionRoot } from '../root/session-root.js';
import { sealForPurpose, unsealForPurpose } from '../session/session-seal.js';
import { bytesToBase64Url } from '../../shared/base64url.js';
import { flowCookieName } from '../../shared/flow-cookie-name.js';

const PURPOSE = 'sign-in-flow';
/** More pending flows than this and the older ones are dropped (too many cookies cause HTTP 431). */
const MAX_PENDING_FLOWS = 5;

export interface SignInFlow {
  state: string;
  codeVerifier: string;
  /** The redirect URI this flow was started with (the auth route on the origin that holds the cookie). */
  redirectUri: string;
  returnTo?: string;
  customState?: string;
}

/** A random, URL-safe OAuth state. */
export function newState(): string {
  return bytesToBase64Url(crypto.getRandomValues(new Uint8Array(24)));
}

/** Sets the flow cookie, first expiring older pending flows when there are too many. */
export async function writeFlowCookie(root: SessionRoot, writer: CookieWriter, jar: CookieReader, flow: SignInFlow, url: SchemeHints): Promise<void> {
  const attributes = flowCookieAttributes(root.config, url);
  const pending = jar.getAll().filter(({ name }) => name.startsWith(PKCE_COOKIE_PREFIX));
  if (pending.length >= MAX_PENDING_FLOWS) {
    for (const { name } of pending) writer.set(name, '', expiredAttributes(attributes));
  }
  const { state, ...rest } = flow;
  writer.set(flowCookieName(state), await sealForPurpose(root, PURPOSE, { ...rest, state }, SIGN_IN_FLOW_TTL_SECONDS), attributes);
}

export type FlowLookup = { found: 'none' } | { found: 'mismatch' } | { found: 'flow'; flow: SignInFlow };

/** The flow that `state` belongs to, checked against its cookie. */
export async function readFlowCookie(root: SessionRoot, jar: CookieReader, state: string): Promise<FlowLookup> {
  const name = flowCookieName(state);
  const cookie = jar.getAll().find((entry) => entry.name === name);
  if (!cookie?.value) return { found: 'none' };
  const data = await unsealForPurpose(root, PURPOSE, cookie.value);
  if (!data || data.state !== state || typeof data.codeVerifier !== 'string' || typeof data.redirectUri !== 'string') {
    return { found: 'mismatch' };
  }
  return {
    found: 'flow',
    flow: {
      state,
      codeVerifier: data.codeVerifier,
      redirectUri: data.redirectUri,
      returnTo: typeof data.returnTo === 'string' ? data.returnTo : undefined,
      customState: typeof data.customState === 'string' ? data.customState : undefined,
    },
  };
}

/** Expires this flow's cookie. */
export function clearFlowCookie(root: SessionRoot, writer: CookieWriter, state: string, url: SchemeHints): void {
  writer.set(flowCookieName(state), '', expiredAttributes(flowCookieAttributes(root.config, url)));
}
