import 'server-only';
/**
 * iron-session's `unsealData` on Node's own crypto, synchronously (most of what a cookie's first read costs).
 *
 * The same Fe26.2 seal, key derivation and checks as iron-webcrypto's `unseal` (what
 * `unsealData` runs): PBKDF2-SHA1 (1 iteration, 32 bytes) of the password with each part's salt,
 * HMAC-SHA256 over `Fe26.2*id*salt*iv*ciphertext*expiration` compared in constant time with the
 * seal's MAC as text, and only then AES-256-CBC decryption and `JSON.parse`. It skips the eight
 * WebCrypto calls and their thread-pool round trips, which cost ~15× the hashing.
 *
 * Edge-safe: Node's crypto comes from `node-crypto.ts`, looked up at run time and never imported;
 * where it is missing (edge runtimes) the session unseals through WebCrypto (`web-crypto.ts`).
 *
 * The answers it gives by itself: the data of an intact seal, and `null` when no password's MAC
 * matches (or the seal has expired), the two outcomes iron-session reaches through
 * "Bad hmac value"/"Expired seal". Anything unusual (another format version, an odd character, a
 * short password, an empty salt, a payload that does not decrypt or parse) is `undefined`:
 * iron-session decides. `node-unseal.test.ts` checks it against iron-session, property-based.
 */
import type { NodeCryptoSubset } from './node-crypto.js';
import { base64UrlToBytes } from '../../shared/base64url.js';
import { currentTimeMs } from '../../shared/clock.js';

const MAC_PREFIX = 'Fe26.2';
/** iron's defaults, as iron-session passes them. */
const KEY_BYTES = 32;
const MIN_PASSWORD_LENGTH = 32;
const TIMESTAMP_SKEW_MS = 60_000;
const BASE64URL = /^[A-Za-z0-9_-]+$/;
const DIGITS = /^\d+$/;
const decoder = new TextDecoder();

/** iron's comparison: every character, no early exit. */
export function fixedTimeEqual(a: string, b: string): boolean {
  let mismatch = a.length === b.length ? 0 : 1;
  if (mismatch) b = a;
  for (let i = 0; i < a.length; i += 1) mismatch |= a.charCodeAt(i) ^ b.charCodeAt(i);
  return mismatch === 0;
}

/** Decrypts an authenticated seal's payload; undefined when it does not decrypt or parse (iron throws). */
function decrypt(crypto: NodeCryptoSubset, password: string, salt: string, iv: string, ciphertext: string): unknown {
  try {
    const key = crypto.pbkdf2Sync(password, salt, 1, KEY_BYTES, 'sha1');
    const decipher = crypto.createDecipheriv('aes-256-cbc', key, base64UrlToBytes(iv));
    const head = decipher.update(ciphertext, 'base64url');
    const tail = decipher.final();
    const bytes = new Uint8Array(head.length + tail.length);
    bytes.set(head);
    bytes.set(tail, head.length);
    // TextDecoder as iron decodes (replacement characters, a leading BOM dropped).
    const text = decoder.decode(bytes);
    return text ? JSON.parse(text) : null;
  } catch {
    return undefined;
  }
}

/**
 * What `unsealWithPasswords(sealed, passwords)` (iron-session) returns for `sealed`, computed
 * with Node's crypto: the sealed object, `null`, or `undefined` when iron-session must decide.
 * `sealed` is a non-empty string within the kit's length limit (the caller checks).
 */
export function unsealWithNodeCrypto(crypto: NodeCryptoSubset, sealed: string, passwords: readonly string[]): Record<string, unknown> | null | undefined {
  // iron-session's format version: `~2` exactly (the MAC does not cover it; iron reads others too).
  const tilde = sealed.indexOf('~');
  if (tilde < 0 || sealed.slice(tilde) !== '~2') return undefined;
  const parts = sealed.slice(0, tilde).split('*');
  if (parts.length !== 8) return undefined;
  const [prefix, , encryptionSalt, iv, ciphertext, expiration, macSalt, mac] = parts as [string, string, string, string, string, string, string, string];
  if (prefix !== MAC_PREFIX || !encryptionSalt || !macSalt || !BASE64URL.test(iv) || !BASE64URL.test(ciphertext) || ciphertext.length % 4 === 1) return undefined;
  if (expiration) {
    if (!DIGITS.test(expiration)) return undefined;
    if (Number.parseInt(expiration, 10) <= currentTimeMs() - TIMESTAMP_SKEW_MS) return null; // iron: "Expired seal", whatever the password
  }
  const macBase = parts.slice(0, 6).join('*');
  for (const password of passwords) {
    if (password.length < MIN_PASSWORD_LENGTH) return undefined;
    const macKey = crypto.pbkdf2Sync(password, macSalt, 1, KEY_BYTES, 'sha1');
    const digest = crypto.createHmac('sha256', macKey).update(macBase, 'utf8').digest('base64url');
    if (!fixedTimeEqual(digest, mac)) continue; // iron: "Bad hmac value", the next password may open it
    const data = decrypt(crypto, password, encryptionSalt, iv, ciphertext);
    if (data === undefined) return undefined;
    if (data && typeof data === 'object' && Object.keys(data).length > 0) return data as Record<string, unknown>;
  }
  return null;
}
