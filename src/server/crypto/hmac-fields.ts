import 'server-only';
/**
 * How an HMAC key signs a list of fields: each field preceded by its length and a colon, so no two
 * lists sign the same bytes (`['a:b']` and `['a', 'b']` differ) and no field needs escaping. Node
 * feeds prefix and field to one HMAC in turn (a 2 KB session is hashed in place, never copied into
 * a JSON string); WebCrypto signs their concatenation, the same bytes.
 */

/** What precedes `field` in the signed bytes. */
export const lengthPrefix = (field: string): string => `${field.length}:`;

/** The whole signed message, for APIs that take one buffer. */
export const framedMessage = (fields: readonly string[]): string => fields.map((field) => lengthPrefix(field) + field).join('');
