/**
 * RS256 signing keys and the key file. A `kid` must survive restarts: the SDK caches the JWKS for
 * five minutes and throws (rather than reporting an invalid token) on an unknown `kid`, so a fresh
 * key per start would break every app that keeps running across an emulator restart. The keys
 * therefore come from the data file, or a key file that is generated once and reused: one private
 * JWK, or `{ "keys": [current, …older] }` while a rotation publishes several.
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
import { basename, dirname, join } from 'node:path';

export interface SigningKey {
  kid: string;
  privateKey: KeyObject;
  /** The public half as served on the JWKS endpoint. */
  publicJwk: Record<string, string>;
}

const KEY_DIRECTORY = '.authkit-emulator';
export const DEFAULT_KEY_FILE = join(KEY_DIRECTORY, 'signing-key.json');

/** A new 2048-bit RSA key whose `kid` is its RFC 7638 thumbprint. */
export function generateSigningKey(): SigningKey {
  return fromKeyObject(generateKeyPairSync('rsa', { modulusLength: 2048 }).privateKey);
}

export function fromPrivateJwk(jwk: JsonWebKey & { kid?: unknown }, source: string): SigningKey {
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

/** The keys of a key file, current first; `undefined` when there is no file yet. */
export function readKeyFile(file: string): SigningKey[] | undefined {
  if (!existsSync(file)) return undefined;
  let parsed: JsonWebKey & { keys?: unknown };
  try {
    parsed = JSON.parse(readFileSync(file, 'utf8')) as JsonWebKey & { keys?: unknown };
  } catch (error) {
    throw new Error(`The emulator signing key file ${file} is unreadable (${(error as Error).message}). Delete it to generate a new key.`, {
      cause: error,
    });
  }
  if (!('keys' in parsed)) return [fromPrivateJwk(parsed, file)];
  if (!Array.isArray(parsed.keys) || parsed.keys.length === 0) {
    throw new Error(`The emulator signing key file ${file} has no keys. Delete it to generate a new key.`);
  }
  return (parsed.keys as JsonWebKey[]).map((jwk, index) => fromPrivateJwk(jwk, `${file} (keys[${index}])`));
}

/**
 * Writes the keys, current first: one private JWK when there is one (the format of a first start),
 * else `{ keys: […] }`. Via a temporary file and a rename, so a crash never leaves half a key behind.
 */
export function writeKeyFile(file: string, keys: readonly SigningKey[]): void {
  const jwks = keys.map((key) => ({ ...(key.privateKey.export({ format: 'jwk' }) as Record<string, string>), kid: key.kid, alg: 'RS256' }));
  const created = mkdirSync(dirname(file), { recursive: true });
  if (created !== undefined || basename(dirname(file)) === KEY_DIRECTORY) ignoreInGit(dirname(file));
  const temporary = `${file}.${process.pid}.tmp`;
  writeFileSync(temporary, `${JSON.stringify(jwks.length === 1 ? jwks[0] : { keys: jwks }, null, 2)}\n`, { mode: 0o600 });
  renameSync(temporary, file);
}

/**
 * A private key must never end up in a commit. The default folder sits in the app's working
 * directory (so each app keeps its own key, and the `kid` survives restarts), so the folder
 * ignores itself: a `.gitignore` of `*` inside it, written when the emulator creates the folder or
 * finds its own `.authkit-emulator` without one. A folder the user made for `--key-file` is theirs
 * and left alone.
 */
function ignoreInGit(directory: string): void {
  const file = join(directory, '.gitignore');
  if (!existsSync(file)) writeFileSync(file, '# Written by authkit-emulator: the signing key stays out of git.\n*\n');
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
