import 'server-only';
/**
 * The proxy's hand-over to the render, authenticated. The proxy signs the forwarded values
 * (session, path, redirect URI, sign-up paths) with an HMAC keyed from the cookie password and
 * sends the signature in `x-authkit-signature`; the render trusts the `x-authkit-*` headers only
 * when the signature checks out. Without the proxy (or with planted headers) they are ignored and
 * the render reads the cookie itself, so a client can never steer a redirect or a session through
 * a header. Edge-safe (WebCrypto, plain JavaScript; Node's crypto only where it is there).
 */
import { FORWARDED_HEADERS } from '../../shared/constants.js';
import { perConfig } from '../config.js';
import { hmacSha256, hmacSha256Key, sha256 } from './hmac-sha256.js';
import { nodeCrypto } from './node-crypto.js';

export const SIGNATURE_HEADER = 'x-authkit-signature';

export interface ForwardedContext {
  /** The current sealed session, or '' when the request is signed out. */
  session: string;
  /** Path + query of the original request. */
  path: string;
  redirectUri?: string;
  signUpPaths?: string[];
}

const encoder = new TextEncoder();

const keyMaterial = perConfig((config) => sha256(encoder.encode(`authkit-rsc forwarded headers\n${config.cookiePassword}`)));

// Verifying: WebCrypto (a constant-time comparison, once per render).
const verifyingKey = perConfig(() => crypto.subtle.importKey('raw', keyMaterial(), { name: 'HMAC', hash: 'SHA-256' }, false, ['verify']));

// Signing (every proxied request), without WebCrypto's thread-pool round trip (bench row 1): the
// same HMAC with Node's crypto on Node, else in plain JavaScript.
const syncSigningKey = perConfig(() => hmacSha256Key(keyMaterial()));

function canonical(context: ForwardedContext): string {
  return JSON.stringify([context.session, context.path, context.redirectUri ?? '', context.signUpPaths ?? []]);
}

function sign(message: string): string {
  const node = nodeCrypto();
  if (node) return node.createHmac('sha256', keyMaterial()).update(message, 'utf8').digest('hex');
  return toHex(hmacSha256(syncSigningKey(), encoder.encode(message)));
}

const toHex = (bytes: Uint8Array) => [...bytes].map((byte) => byte.toString(16).padStart(2, '0')).join('');

function fromHex(hex: string): Uint8Array<ArrayBuffer> | null {
  if (!/^[0-9a-f]{64}$/.test(hex)) return null;
  return Uint8Array.from(hex.match(/../g)!, (pair) => parseInt(pair, 16));
}

/**
 * Sets the forwarded headers and their signature on `headers`, each name after `prefix` (the
 * proxy writes them straight into Next's request-override encoding, `x-middleware-request-`).
 * Returns the names written, without the prefix.
 */
export async function writeForwardedContext(headers: Headers, context: ForwardedContext, prefix = ''): Promise<string[]> {
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
  headers.set(prefix + SIGNATURE_HEADER, sign(canonical(carried)));
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
export async function readForwardedContext(headers: Headers): Promise<ForwardedContext | undefined> {
  const signature = fromHex(headers.get(SIGNATURE_HEADER) ?? '');
  const session = headers.get(FORWARDED_HEADERS.session);
  const path = headers.get(FORWARDED_HEADERS.url);
  const signUpPaths = parsePaths(headers.get(FORWARDED_HEADERS.signUpPaths));
  if (!signature || session === null || path === null || signUpPaths === null) return undefined;
  const context: ForwardedContext = { session, path, redirectUri: headers.get(FORWARDED_HEADERS.redirectUri) ?? undefined, signUpPaths };
  const valid = await crypto.subtle.verify('HMAC', await verifyingKey(), signature, encoder.encode(canonical(context)));
  return valid ? context : undefined;
}
