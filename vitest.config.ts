import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vitest/config';

// `server-only` throws unless the react-server condition is active; unit tests import server
// modules directly, so it resolves to an empty module here (Next enforces it in real builds).
const serverOnlyStub = fileURLToPath(new URL('./test/support/empty-module.ts', import.meta.url));

export default defineConfig({
  test: {
    projects: [
      {
        resolve: { alias: { 'server-only': serverOnlyStub } },
        test: {
          name: 'node',
          environment: 'node',
          include: ['src/**/*.test.ts', 'test/**/*.test.ts'],
          exclude: ['test/e2e/**'],
          // Emulator-backed suites bind loopback ports and spawn nothing heavy; two cores, so stay light.
          maxWorkers: 2,
          testTimeout: 20_000,
          hookTimeout: 30_000,
        },
      },
      {
        plugins: [react()],
        resolve: { alias: { 'server-only': serverOnlyStub } },
        test: {
          name: 'jsdom',
          environment: 'jsdom',
          include: ['src/**/*.test.tsx', 'test/**/*.test.tsx'],
          setupFiles: ['./vitest.setup.ts'],
          maxWorkers: 2,
          testTimeout: 20_000,
        },
      },
    ],
  },
});
