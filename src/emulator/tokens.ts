/**
 * JWT signing and identifiers. Signing uses `node:crypto` synchronously (RS256 is RSASSA-PKCS1-v1_5
 * with SHA-256): minting then never yields to the event loop, so two concurrent refreshes of one
 * token cannot both see it unspent.
 */
import { createHash, randomBytes, sign } from 'node:crypto';
import type { SigningKey } from './keys.js';

export function signJwt(key: SigningKey, payload: Record<string, unknown>): string {
  const header = { alg: 'RS256', typ: 'JWT', kid: key.kid };
  const input = `${encode(header)}.${encode(payload)}`;
  return `${input}.${sign('sha256', Buffer.from(input), key.privateKey).toString('base64url')}`;
}

function encode(value: unknown): string {
  return Buffer.from(JSON.stringify(value)).toString('base64url');
}

/** An unguessable opaque value (codes, refresh tokens, pending tokens). */
export function randomSecret(): string {
  return randomBytes(32).toString('base64url');
}

const CROCKFORD = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';

/** A ULID-shaped id (`session_01J…`), like WorkOS object ids. */
export function newId(prefix: string): string {
  let time = Date.now();
  let head = '';
  for (let i = 0; i < 10; i += 1) {
    head = CROCKFORD[time % 32] + head;
    time = Math.floor(time / 32);
  }
  const tail = [...randomBytes(16)].map((byte) => CROCKFORD[byte % 32]).join('');
  return `${prefix}_${head}${tail}`;
}

/** `base64url(sha256(verifier))`, the PKCE S256 transform. */
export function s256(verifier: string): string {
  return createHash('sha256').update(verifier).digest('base64url');
}

export function epochSeconds(ms = Date.now()): number {
  return Math.floor(ms / 1000);
}
