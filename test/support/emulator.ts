/**
 * The emulator fixture for suites: a quiet emulator on a random port with a throwaway signing key,
 * and a helper that points `process.env` at it (and restores it afterwards).
 */
import { mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createEmulator } from '../../src/emulator/index.js';
import type { Emulator, EmulatorOptions } from '../../src/emulator/index.js';
import { TEST_COOKIE_PASSWORD, TEST_REDIRECT_URI } from './env.js';

/**
 * One throwaway key for all test runs of this OS user, in the temp directory: generating an RSA key
 * per emulator would slow suites down, and a per-run directory would be left behind (Vitest workers
 * end without running exit hooks). The key file is written atomically, so parallel workers are safe.
 */
function testKeyFile(): string {
  const directory = join(tmpdir(), `authkit-rsc-test-emulator-${process.getuid?.() ?? 'user'}`);
  mkdirSync(directory, { recursive: true, mode: 0o700 });
  return join(directory, 'signing-key.json');
}

/** Starts an emulator for a test: random port, temporary key file, no request log. */
export function startTestEmulator(options: EmulatorOptions = {}): Promise<Emulator> {
  return createEmulator({ port: 0, quiet: true, keyFile: testKeyFile(), ...options });
}

/**
 * Sets `process.env` to the emulator's env block, plus `WORKOS_COOKIE_PASSWORD` and
 * `NEXT_PUBLIC_WORKOS_REDIRECT_URI` unless already set. Returns a function that restores the
 * previous values.
 */
export function pointEnvAtEmulator(emulator: Pick<Emulator, 'env'>): () => void {
  const values: Record<string, string> = {
    ...emulator.env,
    WORKOS_COOKIE_PASSWORD: process.env.WORKOS_COOKIE_PASSWORD ?? TEST_COOKIE_PASSWORD,
    NEXT_PUBLIC_WORKOS_REDIRECT_URI: process.env.NEXT_PUBLIC_WORKOS_REDIRECT_URI ?? TEST_REDIRECT_URI,
  };
  const previous = new Map(Object.keys(values).map((name) => [name, process.env[name]]));
  Object.assign(process.env, values);
  return () => {
    for (const [name, value] of previous) {
      if (value === undefined) delete process.env[name];
      else process.env[name] = value;
    }
  };
}
