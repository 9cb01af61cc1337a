// End-to-end tests: Debian's Chromium drives the built example app and the two fixture apps
// (Cache Components off; Next 15 with middleware.ts), each with its own WorkOS emulator, started by
// test/e2e/global-setup.ts on loopback ports distinct from `npm start`'s.
import { defineConfig, type Project } from '@playwright/test';
import { SELECTED, TARGETS } from './test/e2e/ports.js';

// The example runs every spec; the fixture apps run the flows every set-up must support, and the
// organization lifecycle once more with JavaScript disabled (with Cache Components on, the
// example's streamed parts need JavaScript to appear, so it runs that spec with JavaScript only).
const FIXTURE_SPECS = /(core-flows|organizations-lifecycle)\.spec\.ts/;
const projects = SELECTED.flatMap((name): Project[] => {
  const project = { use: { baseURL: TARGETS[name].appUrl }, metadata: { target: name } };
  if (name === 'example') return [{ ...project, name, testMatch: /.*\.spec\.ts/, testIgnore: /core-flows\.spec\.ts/ }];
  return [
    { ...project, name, testMatch: FIXTURE_SPECS },
    { ...project, name: `${name} (no JavaScript)`, testMatch: /organizations-lifecycle\.spec\.ts/, use: { ...project.use, javaScriptEnabled: false } },
  ];
});

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
