import 'server-only';
/**
 * SHA-256 and HMAC-SHA256 (FIPS 180-4, RFC 2104) in plain JavaScript, synchronous.
 *
 * The proxy signs its hand-over to the render on every request (`forwarded.ts`). WebCrypto's
 * `subtle.sign` is asynchronous: each call is a thread-pool round trip that costs several times
 * the hashing itself (bench row 1: about 30 µs against under 10 µs here for a 2 KB session).
 * Verification stays with WebCrypto (`subtle.verify`, a constant-time comparison); both compute
 * the same HMAC, which `hmac-sha256.test.ts` checks against `node:crypto`. Edge-safe: no Node
 * built-ins.
 */

const ROUND_CONSTANTS = new Int32Array([
  0x428a2f98, 0x71374491, 0xb5c0fbcf, 0xe9b5dba5, 0x3956c25b, 0x59f111f1, 0x923f82a4, 0xab1c5ed5,
  0xd807aa98, 0x12835b01, 0x243185be, 0x550c7dc3, 0x72be5d74, 0x80deb1fe, 0x9bdc06a7, 0xc19bf174,
  0xe49b69c1, 0xefbe4786, 0x0fc19dc6, 0x240ca1cc, 0x2de92c6f, 0x4a7484aa, 0x5cb0a9dc, 0x76f988da,
  0x983e5152, 0xa831c66d, 0xb00327c8, 0xbf597fc7, 0xc6e00bf3, 0xd5a79147, 0x06ca6351, 0x14292967,
  0x27b70a85, 0x2e1b2138, 0x4d2c6dfc, 0x53380d13, 0x650a7354, 0x766a0abb, 0x81c2c92e, 0x92722c85,
  0xa2bfe8a1, 0xa81a664b, 0xc24b8b70, 0xc76c51a3, 0xd192e819, 0xd6990624, 0xf40e3585, 0x106aa070,
  0x19a4c116, 0x1e376c08, 0x2748774c, 0x34b0bcb5, 0x391c0cb3, 0x4ed8aa4a, 0x5b9cca4f, 0x682e6ff3,
  0x748f82ee, 0x78a5636f, 0x84c87814, 0x8cc70208, 0x90befffa, 0xa4506ceb, 0xbef9a3f7, 0xc67178f2,
]);
const INITIAL_STATE = [0x6a09e667, 0xbb67ae85, 0x3c6ef372, 0xa54ff53a, 0x510e527f, 0x9b05688c, 0x1f83d9ab, 0x5be0cd19];
const BLOCK = 64;
const schedule = new Int32Array(64); // reused: the functions below never yield

/** Runs the compression function over `bytes[0, end)` (`end` a multiple of 64) into `state`. */
function compress(state: Int32Array, bytes: Uint8Array, end: number): void {
  const w = schedule;
  for (let offset = 0; offset < end; offset += BLOCK) {
    for (let i = 0; i < 16; i++) {
      const j = offset + i * 4;
      w[i] = (bytes[j]! << 24) | (bytes[j + 1]! << 16) | (bytes[j + 2]! << 8) | bytes[j + 3]!;
    }
    for (let i = 16; i < 64; i++) {
      const x = w[i - 15]!;
      const y = w[i - 2]!;
      const s0 = ((x >>> 7) | (x << 25)) ^ ((x >>> 18) | (x << 14)) ^ (x >>> 3);
      const s1 = ((y >>> 17) | (y << 15)) ^ ((y >>> 19) | (y << 13)) ^ (y >>> 10);
      w[i] = (w[i - 16]! + s0 + w[i - 7]! + s1) | 0;
    }
    let a = state[0]!, b = state[1]!, c = state[2]!, d = state[3]!;
    let e = state[4]!, f = state[5]!, g = state[6]!, h = state[7]!;
    for (let i = 0; i < 64; i++) {
      const sum1 = ((e >>> 6) | (e << 26)) ^ ((e >>> 11) | (e << 21)) ^ ((e >>> 25) | (e << 7));
      const t1 = (h + sum1 + ((e & f) ^ (~e & g)) + ROUND_CONSTANTS[i]! + w[i]!) | 0;
      const sum0 = ((a >>> 2) | (a << 30)) ^ ((a >>> 13) | (a << 19)) ^ ((a >>> 22) | (a << 10));
      const t2 = (sum0 + ((a & b) ^ (a & c) ^ (b & c))) | 0;
      h = g; g = f; f = e; e = (d + t1) | 0; d = c; c = b; b = a; a = (t1 + t2) | 0;
    }
    state[0] = (state[0]! + a) | 0; state[1] = (state[1]! + b) | 0; state[2] = (state[2]! + c) | 0; state[3] = (state[3]! + d) | 0;
    state[4] = (state[4]! + e) | 0; state[5] = (state[5]! + f) | 0; state[6] = (state[6]! + g) | 0; state[7] = (state[7]! + h) | 0;
  }
}

/** Finishes a hash whose state already covers `before` bytes (0, or one key block in HMAC). */
function finish(start: ArrayLike<number>, before: number, message: Uint8Array): Uint8Array<ArrayBuffer> {
  const state = Int32Array.from(start);
  const whole = message.length - (message.length % BLOCK);
  compress(state, message, whole);
  const rest = message.length - whole;
  const tail = new Uint8Array(rest + 9 <= BLOCK ? BLOCK : 2 * BLOCK);
  tail.set(message.subarray(whole));
  tail[rest] = 0x80;
  const bits = (before + message.length) * 8;
  const view = new DataView(tail.buffer);
  view.setUint32(tail.length - 8, Math.floor(bits / 2 ** 32));
  view.setUint32(tail.length - 4, bits >>> 0);
  compress(state, tail, tail.length);
  const digest = new Uint8Array(32);
  const out = new DataView(digest.buffer);
  for (let i = 0; i < 8; i++) out.setInt32(i * 4, state[i]!);
  return digest;
}

export function sha256(message: Uint8Array): Uint8Array<ArrayBuffer> {
  return finish(INITIAL_STATE, 0, message);
}

/** An HMAC key, prepared once: the hash states after its inner and outer padded blocks. */
export interface HmacSha256Key {
  readonly inner: Int32Array;
  readonly outer: Int32Array;
}

export function hmacSha256Key(key: Uint8Array): HmacSha256Key {
  const bytes = key.length > BLOCK ? sha256(key) : key;
  const padded = (fill: number) => {
    const block = new Uint8Array(BLOCK).fill(fill);
    for (let i = 0; i < bytes.length; i++) block[i]! ^= bytes[i]!;
    const state = Int32Array.from(INITIAL_STATE);
    compress(state, block, BLOCK);
    return state;
  };
  return { inner: padded(0x36), outer: padded(0x5c) };
}

export function hmacSha256(key: HmacSha256Key, message: Uint8Array): Uint8Array<ArrayBuffer> {
  return finish(key.outer, BLOCK, finish(key.inner, BLOCK, message));
}
