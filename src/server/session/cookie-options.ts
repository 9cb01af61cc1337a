import 'server-only';
/**
 * Cookie attributes in one place. Defaults: HttpOnly, SameSite=Lax, Path=/, Secure on https (the
 * request's or a configured URL's; always with SameSite=None), Max-Age 400 days: the tokens bound the session, not the cookie.
 */
import { SIGN_IN_FLOW_TTL_SECONDS } from '../../shared/constants.js';
import type { AuthKitConfig } from '../config.js';

/** The subset of Next's cookie options the kit sets (compatible with `cookies().set`). */
export interface CookieAttributes {
  httpOnly?: boolean;
  secure?: boolean;
  sameSite?: 'lax' | 'strict' | 'none';
  path?: string;
  domain?: string;
  maxAge?: number;
  expires?: Date;
}

/**
 * The URLs that say whether the app is served over https: the request's, and any configured one
 * (`baseURL`, the proxy's `redirectUri`). `NEXT_PUBLIC_WORKOS_REDIRECT_URI` is always added.
 */
export type SchemeHints = string | URL | undefined | readonly (string | URL | undefined)[];

const isPlainHttp = (url: string | URL) => {
  try {
    return new URL(url).protocol === 'http:';
  } catch {
    return false;
  }
};

/**
 * Secure unless every URL the app is known by is plain http (local development). A TLS terminator
 * that sends no `X-Forwarded-Proto` makes the request look like http, so an https configured URL
 * is enough to keep `Secure`.
 */
function isSecure(config: AuthKitConfig, hints: SchemeHints): boolean {
  if (config.cookieSameSite === 'none') return true;
  const list: readonly (string | URL | undefined)[] = Array.isArray(hints) ? hints : [hints as string | URL | undefined];
  const known = [...list, config.redirectUri].filter((url): url is string | URL => url !== undefined && url !== '');
  return known.length === 0 || !known.every(isPlainHttp);
}

/** Attributes of the session cookie (and its chunks) for a response to a request to `url`. */
export function sessionCookieAttributes(config: AuthKitConfig, url?: SchemeHints): CookieAttributes {
  const attributes: CookieAttributes = {
    httpOnly: true,
    sameSite: config.cookieSameSite,
    path: '/',
    secure: isSecure(config, url),
    maxAge: config.cookieMaxAge,
  };
  if (config.cookieDomain) attributes.domain = config.cookieDomain;
  return attributes;
}

/**
 * Attributes of the short-lived sign-in flow cookie. SameSite=Strict would drop it on the
 * cross-site return from AuthKit, so it is at most Lax.
 */
export function flowCookieAttributes(config: AuthKitConfig, url?: SchemeHints): CookieAttributes {
  const session = sessionCookieAttributes(config, url);
  return {
    ...session,
    sameSite: session.sameSite === 'strict' ? 'lax' : session.sameSite,
    maxAge: SIGN_IN_FLOW_TTL_SECONDS,
  };
}

const SAME_SITE_LABEL = { lax: 'Lax', strict: 'Strict', none: 'None' } as const;

/** A `Set-Cookie` header value (edge-safe, no dependency). */
export function serializeSetCookie(name: string, value: string, attributes: CookieAttributes): string {
  const parts = [`${name}=${encodeURIComponent(value)}`];
  if (attributes.path) parts.push(`Path=${attributes.path}`);
  if (attributes.domain) parts.push(`Domain=${attributes.domain}`);
  if (attributes.maxAge !== undefined) parts.push(`Max-Age=${Math.floor(attributes.maxAge)}`);
  if (attributes.expires) parts.push(`Expires=${attributes.expires.toUTCString()}`);
  if (attributes.httpOnly) parts.push('HttpOnly');
  if (attributes.secure) parts.push('Secure');
  if (attributes.sameSite) parts.push(`SameSite=${SAME_SITE_LABEL[attributes.sameSite]}`);
  return parts.join('; ');
}

/** A cookie writer that appends `Set-Cookie` headers, and remembers the values it wrote. */
export class SetCookieHeaders {
  readonly headers = new Headers();
  readonly written = new Map<string, string>();

  set(name: string, value: string, attributes: CookieAttributes): void {
    this.headers.append('set-cookie', serializeSetCookie(name, value, attributes));
    this.written.set(name, value);
  }

  get size(): number {
    return this.written.size;
  }
}
