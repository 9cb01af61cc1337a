import 'server-only';
/**
 * The proxy's hand-over to the render, authenticated. The proxy signs the forwarded values
 * (session, path, redirect URI, sign-up paths) with the root's hand-over key (an HMAC keyed from
 * the cookie password) and sends the signature in `x-authkit-signature`; the render trusts the
 * `x-authkit-*` headers only when the signature checks out. Without the proxy (or with planted
 * headers) they are ignored and the render reads the cookie itself, so a client can never steer a
 * redirect or a session through a header. Edge-safe: the root's `SessionCrypto` does the HMAC.
 */
import { FORWARDED_HEADERS } from '../../shared/constants.js';
import type { SessionRoot } from '../root/session-root.js';

export const SIGNATURE_HEADER = 'x-authkit-signature';

export interface ForwardedContext {
  /** The current sealed session, or '' when the request is signed out. */
  session: string;
  /** Path + query of the original request. */
  path: string;
  redirectUri?: string;
  signUpPaths?: string[];
}

function canonical(context: ForwardedContext): string {
  return JSON.stringify([context.session, context.path, context.redirectUri ?? '', context.signUpPaths ?? []]);
}

/**
 * Sets the forwarded headers and their signature on `headers`, each name after `prefix` (the
 * proxy writes them straight into Next's request-override encoding, `x-middleware-request-`).
 * Returns the names written, without the prefix.
 */
export async function writeForwardedContext(root: SessionRoot, headers: Headers, context: ForwardedContext, prefix = ''): Promise<string[]> {
  const names: string[] = [FORWARDED_HEADERS.session, FORWARDED_HEADERS.url];
  headers.set(prefix + FORWARDED_HEADERS.session, context.session);
  headers.set(prefix + FORWARDED_HEADERS.url, context.path);
  if (context.redirectUri) {
    headers.set(prefix + FORWARDED_HEADERS.redirectUri, context.redirectUri);
    names.push(FORWARDED_HEADERS.redirectUri);
  }
  if (context.signUpPaths?.length) {
    headers.set(prefix + FORWARDED_HEADERS.signUpPaths, JSON.stringify(context.signUpPaths));
    names.push(FORWARDED_HEADERS.signUpPaths);
  }
  // Sign what the headers carry: `Headers` trims surrounding whitespace (a cookie value can have it).
  const carried: ForwardedContext = {
    ...context,
    session: headers.get(prefix + FORWARDED_HEADERS.session)!,
    path: headers.get(prefix + FORWARDED_HEADERS.url)!,
    redirectUri: headers.get(prefix + FORWARDED_HEADERS.redirectUri) ?? undefined,
  };
  headers.set(prefix + SIGNATURE_HEADER, await root.handOverKey.sign(canonical(carried)));
  names.push(SIGNATURE_HEADER);
  return names;
}

function parsePaths(value: string | null): string[] | undefined | null {
  if (value === null) return undefined;
  try {
    const parsed: unknown = JSON.parse(value);
    return Array.isArray(parsed) && parsed.every((entry) => typeof entry === 'string') ? parsed : null;
  } catch {
    return null;
  }
}

/** The forwarded values when the proxy set them (signature valid), else undefined. */
export async function readForwardedContext(root: SessionRoot, headers: Headers): Promise<ForwardedContext | undefined> {
  const signature = headers.get(SIGNATURE_HEADER);
  const session = headers.get(FORWARDED_HEADERS.session);
  const path = headers.get(FORWARDED_HEADERS.url);
  const signUpPaths = parsePaths(headers.get(FORWARDED_HEADERS.signUpPaths));
  if (!signature || session === null || path === null || signUpPaths === null) return undefined;
  const context: ForwardedContext = { session, path, redirectUri: headers.get(FORWARDED_HEADERS.redirectUri) ?? undefined, signUpPaths };
  return (await root.handOverKey.verify(canonical(context), signature)) ? context : undefined;
}
