/**
 * Test-only: one emulator per test file, `process.env` pointed at it, and a clean slate (real
 * timers, emulator reset) after every test.
 *
 * const suite = emulatorSuite();
 * it('…', async () => { await mintSession(suite.emulator); });
 */
import { afterAll, afterEach, beforeAll, vi } from 'vitest';
import type { Emulator, EmulatorOptions } from '../../src/emulator/index.js';
import { startTestEmulator, pointEnvAtEmulator } from './emulator.js';

export function emulatorSuite(options: EmulatorOptions = {}): { emulator: Emulator } {
  const suite = {} as { emulator: Emulator };
  let restoreEnv: (() => void) | undefined;
  beforeAll(async () => {
    suite.emulator = await startTestEmulator(options);
    restoreEnv = pointEnvAtEmulator(suite.emulator);
  });
  afterAll(async () => {
    restoreEnv?.();
    await suite.emulator?.close();
  });
  afterEach(() => {
    vi.useRealTimers();
    suite.emulator.control.reset();
  });
  return suite;
}
