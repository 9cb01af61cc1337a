/**
 * Starts, for each app of the run (test/e2e/ports.ts), its WorkOS emulator (in this process) and
 * the built app (`next start`, its own process group), and stops them all afterwards. Each app's
 * output goes to test-results/e2e-<app>.log.
 */
import { mkdirSync, rmSync } from 'node:fs';
import { FIXTURES } from '../../scripts/fixture-apps.mjs';
import { exampleDir, startStack, type Stack } from '../../scripts/stack.mjs';
import { SELECTED, TARGETS } from './ports.js';
import { SCREENSHOT_DIR } from './support.js';

export default async function globalSetup() {
  rmSync(SCREENSHOT_DIR, { recursive: true, force: true });
  mkdirSync(SCREENSHOT_DIR, { recursive: true });
  mkdirSync('test-results', { recursive: true });
  const stacks: Stack[] = [];
  try {
    for (const name of SELECTED) {
      const { appPort, emulatorPort } = TARGETS[name];
      stacks.push(await startStack({
        appPort, emulatorPort,
        appDir: name === 'example' ? exampleDir : FIXTURES[name].dir,
        emulator: true, // never real WorkOS, whatever example/.env.local says
        logFile: `test-results/e2e-${name}.log`,
      }));
    }
  } catch (error) {
    await Promise.all(stacks.map((stack) => stack.stop()));
    throw error;
  }
  return async () => {
    await Promise.all(stacks.map((stack) => stack.stop()));
  };
}
