/** The plain-JavaScript SHA-256 / HMAC-SHA256 against published vectors and against node:crypto. */
import { createHash, createHmac } from 'node:crypto';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { hmacSha256, hmacSha256Key, sha256 } from './hmac-sha256.js';

const hex = (bytes: Uint8Array) => Buffer.from(bytes).toString('hex');
const utf8 = (text: string) => new TextEncoder().encode(text);

describe('sha256', () => {
  it('matches the FIPS 180-4 examples', () => {
    expect(hex(sha256(utf8('')))).toBe('e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855');
    expect(hex(sha256(utf8('abc')))).toBe('ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad');
    expect(hex(sha256(utf8('abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq'))))
      .toBe('248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1');
  });

  it('matches node:crypto at every length around the block and padding boundaries', () => {
    for (let length = 0; length <= 200; length++) {
      const message = Uint8Array.from({ length }, (_, i) => (i * 31 + length) & 0xff);
      expect(hex(sha256(message))).toBe(createHash('sha256').update(message).digest('hex'));
    }
  });
});

describe('hmacSha256', () => {
  it('matches RFC 4231 (test cases 1, 2 and 6: short key, text key, key longer than a block)', () => {
    const sign = (key: Uint8Array, data: Uint8Array) => hex(hmacSha256(hmacSha256Key(key), data));
    expect(sign(new Uint8Array(20).fill(0x0b), utf8('Hi There')))
      .toBe('b0344c61d8db38535ca8afceaf0bf12b881dc200c9833da726e9376c2e32cff7');
    expect(sign(utf8('Jefe'), utf8('what do ya want for nothing?')))
      .toBe('5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843');
    expect(sign(new Uint8Array(131).fill(0xaa), utf8('Test Using Larger Than Block-Size Key - Hash Key First')))
      .toBe('60e431591ee0b67f0d8a26aacbf5b77f8e0bc6213728c5140546040f0ee37f54');
  });

  it('matches node:crypto for any key and message', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 150 }), fc.uint8Array({ maxLength: 3000 }), (key, message) => {
        expect(hex(hmacSha256(hmacSha256Key(key), message))).toBe(createHmac('sha256', key).update(message).digest('hex'));
      }),
      { numRuns: 300 },
    );
  });

  it('gives the same signature as WebCrypto, which verifies it', async () => {
    const key = utf8('a forwarded-headers key of some length');
    const message = utf8(JSON.stringify(['Fe26.2*1*…'.repeat(200), '/account?tab=1', '', []]));
    const cryptoKey = await crypto.subtle.importKey('raw', key, { name: 'HMAC', hash: 'SHA-256' }, false, ['sign', 'verify']);
    const ours = hmacSha256(hmacSha256Key(key), message);
    expect(hex(ours)).toBe(hex(new Uint8Array(await crypto.subtle.sign('HMAC', cryptoKey, message))));
    expect(await crypto.subtle.verify('HMAC', cryptoKey, ours, message)).toBe(true);
  });
});
