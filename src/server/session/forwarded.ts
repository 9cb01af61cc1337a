import 'server-only';
/**
 * The proxy's hand-over to the render, authenticated. The proxy signs the session it settled on
 * together with the forwarded values (path, redirect URI, sign-up paths) with the root's
 * hand-over key (an HMAC keyed from the cookie password) and sends the signature in
 * `x-authkit-signature`; the render trusts the `x-authkit-*` headers only when the signature
 * checks out. Without the proxy (or with planted headers) they are ignored and the render reads
 * the cookie itself, so a client can never steer a redirect or a session through a header.
 *
 * The session itself travels once, in the forwarded `Cookie` header: the proxy rewrites that
 * header to hold the session it settled on (a refreshed value, or none), so the render reads it
 * there, the same string, rather than from a second 2 KB header. Edge-safe: the root's
 * `SessionCrypto` does the HMAC.
 */
import { FORWARDED_HEADERS } from '../../shared/constants.js';
import { cookieHeaderReader } from '../../shared/cookie-chunks.js';
import type { SessionRoot } from '../root/session-root.js';
import { readSessionCookie } from './session-cookie.js';

export const SIGNATURE_HEADER = 'x-authkit-signature';

export interface ForwardedContext {
  /** The current sealed session, or '' when the request is signed out. */
  session: string;
  /** Path + query of the original request. */
  path: string;
  redirectUri?: string;
  signUpPaths?: string[];
}

// What is signed: the session and each header's value as the render will read it back.
const signedFields = (session: string, path: string, redirectUri: string | null, signUpPaths: string | null) => [
  session,
  path,
  redirectUri ?? '',
  signUpPaths ?? '',
];

/**
 * Sets the forwarded headers and their signature on `headers`, each name after `prefix` (the
 * proxy writes them straight into Next's request-override encoding, `x-middleware-request-`).
 * `context.session` must be the session the forwarded `Cookie` header holds. Returns the names
 * written, without the prefix.
 */
export async function writeForwardedContext(root: SessionRoot, headers: Headers, context: ForwardedContext, prefix = ''): Promise<string[]> {
  const names: string[] = [FORWARDED_HEADERS.url];
  headers.set(prefix + FORWARDED_HEADERS.url, context.path);
  if (context.redirectUri) {
    headers.set(prefix + FORWARDED_HEADERS.redirectUri, context.redirectUri);
    names.push(FORWARDED_HEADERS.redirectUri);
  }
  if (context.signUpPaths?.length) {
    headers.set(prefix + FORWARDED_HEADERS.signUpPaths, JSON.stringify(context.signUpPaths));
    names.push(FORWARDED_HEADERS.signUpPaths);
  }
  // Sign what the headers carry: `Headers` trims surrounding whitespace.
  const fields = signedFields(
    context.session,
    headers.get(prefix + FORWARDED_HEADERS.url)!,
    headers.get(prefix + FORWARDED_HEADERS.redirectUri),
    headers.get(prefix + FORWARDED_HEADERS.signUpPaths),
  );
  headers.set(prefix + SIGNATURE_HEADER, await root.handOverKey.sign(fields));
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

/**
 * The forwarded values when the proxy set them (signature valid), else undefined. The session is
 * the one in `headers`' `Cookie` header ('' when it holds none).
 */
export async function readForwardedContext(root: SessionRoot, headers: Headers): Promise<ForwardedContext | undefined> {
  const signature = headers.get(SIGNATURE_HEADER);
  const path = headers.get(FORWARDED_HEADERS.url);
  if (!signature || path === null) return undefined;
  const redirectUri = headers.get(FORWARDED_HEADERS.redirectUri);
  const signUpPathsHeader = headers.get(FORWARDED_HEADERS.signUpPaths);
  const signUpPaths = parsePaths(signUpPathsHeader);
  if (signUpPaths === null) return undefined;
  const session = readSessionCookie(root.config, cookieHeaderReader(headers.get('cookie'))) ?? '';
  const valid = await root.handOverKey.verify(signedFields(session, path, redirectUri, signUpPathsHeader), signature);
  return valid ? { session, path, redirectUri: redirectUri ?? undefined, signUpPaths } : undefined;
}
