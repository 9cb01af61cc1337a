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

// The last id's time and random part: ids made within one millisecond take the last random part
// plus one (a monotonic ULID), so they sort in the order they were made. Lists order by creation
// time, then id, and two objects made in the same millisecond otherwise came out in random order.
let lastMs = -1;
let lastTail: number[] = [];

/** `digits` (base 32, most significant first) plus one. */
function incremented(digits: readonly number[]): number[] {
  const next = [...digits];
  for (let i = next.length - 1; i >= 0; i -= 1) {
    next[i] = (next[i]! + 1) % 32;
    if (next[i] !== 0) break;
  }
  return next;
}

/** A ULID-shaped id (`session_01J…`), like WorkOS object ids: ids made later sort later. */
export function newId(prefix: string): string {
  const now = Date.now();
  lastTail = now === lastMs ? incremented(lastTail) : [...randomBytes(16)].map((byte) => byte % 32);
  lastMs = now;
  let time = now;
  let head = '';
  for (let i = 0; i < 10; i += 1) {
    head = CROCKFORD[time % 32] + head;
    time = Math.floor(time / 32);
  }
  return `${prefix}_${head}${lastTail.map((digit) => CROCKFORD[digit]).join('')}`;
}

/** `base64url(sha256(verifier))`, the PKCE S256 transform. */
export function s256(verifier: string): string {
  return createHash('sha256').update(verifier).digest('base64url');
}

export function epochSeconds(ms = Date.now()): number {
  return Math.floor(ms / 1000);
}
