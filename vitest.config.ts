import { fileURLToPath } from 'node:url';
import { storybookTest } from '@storybook/addon-vitest/vitest-plugin';
import react from '@vitejs/plugin-react';
import { playwright } from '@vitest/browser-playwright';
import { defineConfig } from 'vitest/config';

// `server-only` throws unless the react-server condition is active; unit tests import server
// modules directly, so it resolves to an empty module here (Next enforces it in real builds).
const serverOnlyStub = fileURLToPath(new URL('./test/support/empty-module.ts', import.meta.url));
// package.json "imports" point at dist/ for the bundlers; tests run the sources (the Node variant).
const refreshExchange = fileURLToPath(new URL('./src/server/session/refresh-exchange.ts', import.meta.url));
const sharedStore = fileURLToPath(new URL('./src/server/redis/shared-store.ts', import.meta.url));

export default defineConfig({
  test: {
    projects: [
      {
        resolve: { alias: { 'server-only': serverOnlyStub, '#refresh-exchange': refreshExchange, '#shared-store': sharedStore } },
        test: {
          name: 'node',
          environment: 'node',
          include: ['src/**/*.test.ts', 'test/**/*.test.ts'],
          exclude: ['test/e2e/**'],
          // The reference package runs through Vite like our sources (test/integration/reference-on-emulator):
          // so `vi.mock('next/headers')` and the server-only stub reach it, as Next's bundler would.
          server: { deps: { inline: [/@workos-inc\/authkit-nextjs/] } },
          // Emulator-backed suites bind loopback ports and spawn nothing heavy; two cores, so stay light.
          maxWorkers: 2,
          testTimeout: 20_000,
          hookTimeout: 30_000,
        },
      },
      {
        plugins: [react()],
        resolve: { alias: { 'server-only': serverOnlyStub, '#refresh-exchange': refreshExchange, '#shared-store': sharedStore } },
        test: {
          name: 'jsdom',
          environment: 'jsdom',
          include: ['src/**/*.test.tsx', 'test/**/*.test.tsx'],
          setupFiles: ['./vitest.setup.ts'],
          maxWorkers: 2,
          testTimeout: 20_000,
        },
      },
      {
        // The stories as tests (`npm run test:stories`), in Debian's Chromium; not part of `npm test`.
        // No server-only alias or react plugin here: the Storybook Next.js framework brings its own.
        plugins: [storybookTest({ configDir: fileURLToPath(new URL('./.storybook', import.meta.url)) })],
        test: {
          name: 'storybook',
          testTimeout: 20_000,
          browser: {
            enabled: true,
            headless: true,
            provider: playwright({
              launchOptions: {
                executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
                args: [
                  '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
                  '--disable-component-update', '--disable-sync', '--disable-dev-shm-usage',
                ],
              },
            }),
            instances: [{ browser: 'chromium' }],
          },
        },
      },
    ],
  },
});
