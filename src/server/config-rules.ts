import 'server-only';
/**
 * One rule per kind of setting. Each returns the parsed value or throws `AuthKitConfigError` that
 * names the variable, says what is wrong and how to fix it. A secret's value is never echoed:
 * only its length.
 */
import { AuthKitConfigError } from '../shared/errors.js';

export type SameSite = 'lax' | 'strict' | 'none';

const MIN_PASSWORD_LENGTH = 32;
const PASSWORD_FIX = 'Generate one with `openssl rand -base64 32` and set it in .env.local.';
// RFC 6265 cookie-name characters (a `token`).
const COOKIE_NAME = /^[!#$%&'*+\-.^_`|~0-9A-Za-z]+$/;

export function requiredValue(variable: string, value: string | undefined, fix: string): string {
  const trimmed = value?.trim();
  if (!trimmed) throw new AuthKitConfigError(variable, `is not set. ${fix}`);
  return trimmed;
}

export function cookiePassword(variable: string, value: string | undefined): string {
  if (!value) throw new AuthKitConfigError(variable, `is not set. It encrypts the session cookie. ${PASSWORD_FIX}`);
  if (value.length < MIN_PASSWORD_LENGTH) {
    throw new AuthKitConfigError(
      variable,
      `is ${value.length} characters; it must be at least ${MIN_PASSWORD_LENGTH}. ${PASSWORD_FIX}`,
    );
  }
  return value;
}

/** `WORKOS_COOKIE_PASSWORD_PREVIOUS`: comma-separated old passwords, still accepted for reading. */
export function previousPasswords(variable: string, value: string | undefined): string[] {
  if (!value?.trim()) return [];
  const entries = value.split(',').map((entry) => entry.trim()).filter(Boolean);
  entries.forEach((entry, index) => {
    if (entry.length < MIN_PASSWORD_LENGTH) {
      throw new AuthKitConfigError(
        variable,
        `entry ${index + 1} is ${entry.length} characters; every old password must be at least ` +
          `${MIN_PASSWORD_LENGTH}. Remove it, or list the exact passwords the app used before, separated by commas.`,
      );
    }
  });
  return entries;
}

/** The URL `value` spells, or undefined when it is not one. */
function parsedUrl(value: string): URL | undefined {
  try {
    return new URL(value.trim());
  } catch {
    return undefined;
  }
}

export function absoluteHttpUrl(variable: string, value: string | undefined): string | undefined {
  if (!value?.trim()) return undefined;
  const url = parsedUrl(value);
  if (!url || (url.protocol !== 'http:' && url.protocol !== 'https:')) {
    throw new AuthKitConfigError(
      variable,
      `"${value}" is not an absolute http(s) URL. Use the full URL of your auth route, e.g. http://localhost:3000/callback.`,
    );
  }
  return url.toString();
}

export function wholeNumber(
  variable: string,
  value: string | undefined,
  range: { min: number; max: number; example: string },
): number | undefined {
  if (!value?.trim()) return undefined;
  const parsed = Number(value.trim());
  if (!Number.isInteger(parsed) || parsed < range.min || parsed > range.max) {
    throw new AuthKitConfigError(
      variable,
      `"${value}" is not a whole number between ${range.min} and ${range.max}. Set a plain number, e.g. ${range.example}.`,
    );
  }
  return parsed;
}

export function booleanFlag(variable: string, value: string | undefined, fallback: boolean): boolean {
  if (!value?.trim()) return fallback;
  const normalised = value.trim().toLowerCase();
  if (normalised === 'true' || normalised === '1') return true;
  if (normalised === 'false' || normalised === '0') return false;
  throw new AuthKitConfigError(variable, `"${value}" is not a boolean. Set it to true or false.`);
}

export function sameSite(variable: string, value: string | undefined): SameSite {
  if (!value?.trim()) return 'lax';
  const normalised = value.trim().toLowerCase();
  if (normalised === 'lax' || normalised === 'strict' || normalised === 'none') return normalised;
  throw new AuthKitConfigError(variable, `"${value}" is not a SameSite value. Use lax (the default), strict or none.`);
}

export function cookieName(variable: string, value: string | undefined, fallback: string): string {
  if (!value?.trim()) return fallback;
  const trimmed = value.trim();
  if (!COOKIE_NAME.test(trimmed)) {
    throw new AuthKitConfigError(
      variable,
      `"${trimmed}" is not a valid cookie name. Use letters, digits and - _ . only, e.g. wos-session.`,
    );
  }
  return trimmed;
}

export function hostname(variable: string, value: string | undefined): string | undefined {
  if (!value?.trim()) return undefined;
  const trimmed = value.trim();
  if (/[/:\s]/.test(trimmed)) {
    throw new AuthKitConfigError(
      variable,
      `"${trimmed}" must be a bare host name. Drop the scheme, port and path (use WORKOS_API_HTTPS and WORKOS_API_PORT), e.g. api.workos.com.`,
    );
  }
  return trimmed;
}

export function cookieDomain(variable: string, value: string | undefined): string | undefined {
  if (!value?.trim()) return undefined;
  const trimmed = value.trim();
  if (/[/:;,\s]/.test(trimmed)) {
    throw new AuthKitConfigError(variable, `"${trimmed}" must be a bare domain, e.g. example.com.`);
  }
  return trimmed;
}

/** A permission or role slug: one word of letters, digits and `: _ - .`, at most 128 characters. */
export function slug(variable: string, value: string | undefined, example: string): string | undefined {
  if (!value?.trim()) return undefined;
  const trimmed = value.trim();
  if (!/^[\w:.-]{1,128}$/.test(trimmed)) {
    throw new AuthKitConfigError(variable, `"${trimmed}" is not a slug. Use one word of letters, digits and : _ - . only, e.g. ${example}.`);
  }
  return trimmed;
}

/**
 * A Redis URL: `redis://` or `rediss://` (TLS), with a host. The value is never echoed (it may hold
 * a password): only its scheme.
 */
export function redisUrl(variable: string, value: string | undefined): string | undefined {
  if (!value?.trim()) return undefined;
  const url = parsedUrl(value);
  if (!url || (url.protocol !== 'redis:' && url.protocol !== 'rediss:') || !url.hostname) {
    const scheme = url ? ` (its scheme is ${url.protocol})` : '';
    throw new AuthKitConfigError(
      variable,
      `is not a Redis URL${scheme}. Use redis://[:password@]host:6379[/db], or rediss://… for TLS; unset it to keep sessions per process.`,
    );
  }
  return url.toString();
}
