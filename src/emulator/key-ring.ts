/**
 * The signing keys the emulator holds: the current one signs new tokens, and every key in the ring
 * is published in the JWKS. Rotation adds a new current key (the old ones stay published, so
 * tokens already issued still verify); retirement drops every key but the current one. Both are
 * written to the key file, so a restart keeps the state. A key given as `signing_key` in the data
 * file has no file: its rotations last until the emulator stops.
 */
import { resolve } from 'node:path';
import { DEFAULT_KEY_FILE, fromPrivateJwk, generateSigningKey, readKeyFile, type SigningKey, writeKeyFile } from './keys.js';
import type { KeysInfo } from './types.js';

export class KeyRing {
  constructor(
    /** Current first. */
    private keys: readonly SigningKey[],
    private readonly file: string | undefined,
  ) {}

  get current(): SigningKey {
    return this.keys[0]!;
  }

  /** The public keys for `GET /sso/jwks/:clientId`. */
  get publicJwks(): Record<string, string>[] {
    return this.keys.map((key) => key.publicJwk);
  }

  info(): KeysInfo {
    return { current_kid: this.current.kid, kids: this.keys.map((key) => key.kid) };
  }

  /** A new key (new `kid`) signs from now on; the previous ones stay published. */
  rotate(): KeysInfo {
    return this.replace([generateSigningKey(), ...this.keys]);
  }

  /** Only the current key stays published. */
  retire(): KeysInfo {
    return this.replace([this.current]);
  }

  private replace(keys: readonly SigningKey[]): KeysInfo {
    if (this.file) writeKeyFile(this.file, keys);
    this.keys = keys;
    return this.info();
  }
}

/** The data file's key, else the key file's keys, else a new key written to the key file. */
export function loadKeyRing(options: { jwk?: JsonWebKey; keyFile?: string }): KeyRing {
  if (options.jwk) return new KeyRing([fromPrivateJwk(options.jwk, 'signing_key in the data')], undefined);
  const file = resolve(options.keyFile ?? DEFAULT_KEY_FILE);
  const stored = readKeyFile(file);
  if (stored) return new KeyRing(stored, file);
  const key = generateSigningKey();
  writeKeyFile(file, [key]);
  return new KeyRing([key], file);
}
