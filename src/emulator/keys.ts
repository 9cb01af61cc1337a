/**
 * The RS256 signing key. Its `kid` must survive restarts: the SDK caches the JWKS for five minutes
 * and throws (rather than reporting an invalid token) on an unknown `kid`, so a fresh key per start
 * would break every app that keeps running across an emulator restart. The key therefore comes
 * from the data file, or a key file that is generated once and reused.
 */
import {
  createHash,
  createPrivateKey,
  createPublicKey,
  generateKeyPairSync,
  type JsonWebKey as NodeJwk,
  type KeyObject,
} from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';

export interface SigningKey {
  kid: string;
  privateKey: KeyObject;
  /** The public half as served on the JWKS endpoint. */
  publicJwk: Record<string, string>;
}

export const DEFAULT_KEY_FILE = join('.authkit-emulator', 'signing-key.json');

export function loadSigningKey(options: { jwk?: JsonWebKey; keyFile?: string }): SigningKey {
  if (options.jwk) return fromPrivateJwk(options.jwk, 'signing_key in the data');
  const file = resolve(options.keyFile ?? DEFAULT_KEY_FILE);
  if (existsSync(file)) return fromPrivateJwk(readKeyFile(file), file);
  const { privateKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
  const key = fromKeyObject(privateKey);
  writeKeyFile(file, { ...(privateKey.export({ format: 'jwk' }) as Record<string, string>), kid: key.kid, alg: 'RS256' });
  return key;
}

function readKeyFile(file: string): JsonWebKey {
  try {
    return JSON.parse(readFileSync(file, 'utf8')) as JsonWebKey;
  } catch (error) {
    throw new Error(`The emulator signing key file ${file} is unreadable (${(error as Error).message}). Delete it to generate a new key.`, {
      cause: error,
    });
  }
}

/** Written via a temporary file and a rename, so a crash never leaves half a key behind. */
function writeKeyFile(file: string, jwk: Record<string, string>): void {
  mkdirSync(dirname(file), { recursive: true });
  const temporary = `${file}.${process.pid}.tmp`;
  writeFileSync(temporary, `${JSON.stringify(jwk, null, 2)}\n`, { mode: 0o600 });
  renameSync(temporary, file);
}

function fromPrivateJwk(jwk: JsonWebKey & { kid?: unknown }, source: string): SigningKey {
  let privateKey: KeyObject;
  try {
    privateKey = createPrivateKey({ key: jwk as NodeJwk, format: 'jwk' });
  } catch (error) {
    throw new Error(`The emulator signing key from ${source} is not a usable RSA private key (${(error as Error).message}).`, {
      cause: error,
    });
  }
  if (privateKey.asymmetricKeyType !== 'rsa') throw new Error(`The emulator signing key from ${source} is not an RSA key.`);
  return fromKeyObject(privateKey, typeof jwk.kid === 'string' ? jwk.kid : undefined);
}

function fromKeyObject(privateKey: KeyObject, kid?: string): SigningKey {
  const { n, e } = createPublicKey(privateKey).export({ format: 'jwk' }) as { n: string; e: string };
  const id = kid ?? thumbprint(n, e);
  return { kid: id, privateKey, publicJwk: { alg: 'RS256', kty: 'RSA', use: 'sig', kid: id, n, e } };
}

/** RFC 7638 JWK thumbprint: a `kid` derived from the key itself, so it is stable by construction. */
function thumbprint(n: string, e: string): string {
  return createHash('sha256').update(JSON.stringify({ e, kty: 'RSA', n })).digest('base64url');
}
