/**
 * base64url (RFC 4648 §5, unpadded) to and from bytes, with the platform's `atob`/`btoa`, so it
 * runs on Node, edge runtimes and in the browser alike.
 */

/** The bytes of a base64url (or padded/unpadded base64) string. Throws on characters `atob` rejects. */
export function base64UrlToBytes(text: string): Uint8Array<ArrayBuffer> {
  const base64 = text.replace(/-/g, '+').replace(/_/g, '/');
  const binary = atob(base64 + '='.repeat((4 - (base64.length % 4)) % 4));
  return Uint8Array.from(binary, (char) => char.charCodeAt(0));
}

/** Unpadded base64url of `bytes`. */
export function bytesToBase64Url(bytes: Uint8Array): string {
  return btoa(String.fromCharCode(...bytes)).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}
