/**
 * Starts the WorkOS emulator (in this process) and the built example app (`next start`, its own
 * process group) for the whole run, and stops both afterwards. The app's output goes to
 * test-results/e2e-app.log.
 */
import { mkdirSync, rmSync } from 'node:fs';
import { startStack } from '../../scripts/stack.mjs';
import { APP_PORT, EMULATOR_PORT } from './ports.js';
import { SCREENSHOT_DIR } from './support.js';

export default async function globalSetup() {
  rmSync(SCREENSHOT_DIR, { recursive: true, force: true });
  mkdirSync(SCREENSHOT_DIR, { recursive: true });
  mkdirSync('test-results', { recursive: true });
  const stack = await startStack({
    appPort: APP_PORT,
    emulatorPort: EMULATOR_PORT,
    emulator: true, // never real WorkOS, whatever example/.env.local says
    logFile: 'test-results/e2e-app.log',
  });
  return async () => {
    await stack.stop();
  };
}
