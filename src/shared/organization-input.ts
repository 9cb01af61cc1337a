/**
 * Checks on what organization forms send, before any of it reaches a WorkOS URL or body: ids are
 * plain words (an id with `/` or `..` could otherwise address another endpoint), role slugs are
 * slugs, emails look like emails, names are short single lines.
 */

const ID = /^[A-Za-z0-9_-]{1,128}$/;
const SLUG = /^[\w:.-]{1,128}$/;
// Deliberately loose: WorkOS decides what it accepts; this only keeps junk out of the request.
const EMAIL = /^[^\s@<>()[\]\\,;:"]{1,64}@[^\s@<>()[\]\\,;:"]+\.[^\s@<>()[\]\\,;:"]{2,}$/;
// eslint-disable-next-line no-control-regex -- control characters are what we refuse
const CONTROL = /[\u0000-\u001f\u007f]/;

/** A form field's text, or undefined when it is missing, not text or empty (or no form was posted at all). */
export function field(form: unknown, name: string): string | undefined {
  if (!(form instanceof FormData)) return undefined;
  const value = form.get(name);
  return typeof value === 'string' && value.trim() !== '' ? value.trim() : undefined;
}

export const isId = (value: string | undefined): value is string => value !== undefined && ID.test(value);
export const isSlug = (value: string | undefined): value is string => value !== undefined && SLUG.test(value);
export const isEmail = (value: string | undefined): value is string => value !== undefined && value.length <= 254 && EMAIL.test(value);

/** An organization name: 1–100 characters on one line. */
export const isOrganizationName = (value: string | undefined): value is string =>
  value !== undefined && value.length <= 100 && !CONTROL.test(value);
