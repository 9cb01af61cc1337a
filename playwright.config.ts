// End-to-end tests: Debian's Chromium drives the built example app and the two fixture apps
// (Cache Components off; Next 15 with middleware.ts), each with its own WorkOS emulator, started by
// test/e2e/global-setup.ts on loopback ports distinct from `npm start`'s.
import { defineConfig } from '@playwright/test';
import { SELECTED, TARGETS } from './test/e2e/ports.js';

// The example runs every spec; the fixture apps run the flows every set-up must support.
const projects = SELECTED.map((name) => ({
  name,
  testMatch: name === 'example' ? /.*\.spec\.ts/ : /core-flows\.spec\.ts/,
  testIgnore: name === 'example' ? /core-flows\.spec\.ts/ : undefined,
  use: { baseURL: TARGETS[name].appUrl },
  metadata: { target: name },
}));

export default defineConfig({
  testDir: './test/e2e',
  testMatch: /.*\.spec\.ts/,
  workers: 1, // two cores, one Next server: run tests one at a time
  fullyParallel: false,
  forbidOnly: !!process.env.CI,
  retries: 0,
  timeout: 30_000,
  expect: { timeout: 7_000 },
  reporter: [['list']],
  outputDir: 'test-results/e2e',
  globalSetup: './test/e2e/global-setup.ts',
  projects,
  use: {
    browserName: 'chromium',
    trace: 'retain-on-failure',
    screenshot: 'only-on-failure',
    launchOptions: {
      executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
      args: [
        '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
        '--disable-component-update', '--disable-sync', '--disable-dev-shm-usage',
      ],
    },
  },
});
