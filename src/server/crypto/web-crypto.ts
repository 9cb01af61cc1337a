import 'server-only';
/**
 * `SessionCrypto` on WebCrypto (Edge runtimes, browsers): iron-session opens seals, `crypto.subtle`
 * signs and verifies the hand-over (`subtle.verify` compares in constant time). The proxy is
 * asynchronous anyway, so the round trips cost latency there, not correctness.
 */
import { unsealWithPasswords } from '../../shared/iron-seal.js';
import { framedMessage } from './hmac-fields.js';
import type { HmacKey, SessionCrypto } from './session-crypto.js';

const encoder = new TextEncoder();

const toHex = (bytes: ArrayBuffer) => [...new Uint8Array(bytes)].map((byte) => byte.toString(16).padStart(2, '0')).join('');

function fromHex(hex: string): Uint8Array<ArrayBuffer> | null {
  if (!/^[0-9a-f]{64}$/.test(hex)) return null;
  return Uint8Array.from(hex.match(/../g)!, (pair) => parseInt(pair, 16));
}

function webHmacKey(secret: string): HmacKey {
  // Imported once, on first use; both operations await the same key.
  let key: Promise<CryptoKey> | undefined;
  const imported = () =>
    (key ??= crypto.subtle.digest('SHA-256', encoder.encode(secret))
      .then((bytes) => crypto.subtle.importKey('raw', bytes, { name: 'HMAC', hash: 'SHA-256' }, false, ['sign', 'verify'])));
  return {
    async sign(fields) {
      return toHex(await crypto.subtle.sign('HMAC', await imported(), encoder.encode(framedMessage(fields))));
    },
    async verify(fields, signature) {
      const bytes = fromHex(signature);
      return bytes !== null && crypto.subtle.verify('HMAC', await imported(), bytes, encoder.encode(framedMessage(fields)));
    },
  };
}

/** WebCrypto's `SessionCrypto`. */
export function createWebSessionCrypto(): SessionCrypto {
  return {
    runtime: 'web',
    unseal: (sealed, passwords) => unsealWithPasswords(sealed, passwords),
    hmacKey: webHmacKey,
  };
}
