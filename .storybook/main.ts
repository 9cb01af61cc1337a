/**
 * Storybook for the component kit: Next.js through Vite, with async server components rendered in
 * the browser (`experimentalRSC`), and the stories doubling as tests (`@storybook/addon-vitest`).
 */
import { fileURLToPath } from 'node:url';
import type { StorybookConfig } from '@storybook/nextjs-vite';
import { mergeConfig } from 'vite';
import { MOCK_AUTH_ENV } from '../src/testing/mock-env.js';

// A static build replaces `process.env` with `{}`: give the kit's configuration the test kit's
// placeholders (the mock session needs a cookie password and a redirect URI, nothing real).
const define = Object.fromEntries(Object.entries(MOCK_AUTH_ENV).map(([name, value]) => [`process.env.${name}`, JSON.stringify(value)]));

const config: StorybookConfig = {
  stories: ['../stories/**/*.stories.@(ts|tsx)'],
  addons: ['@storybook/addon-docs', '@storybook/addon-vitest'],
  framework: { name: '@storybook/nextjs-vite', options: {} },
  features: { experimentalRSC: true },
  core: { disableTelemetry: true },
  viteFinal: (vite) =>
    mergeConfig(vite, {
      define,
      resolve: {
        // The framework mocks next/headers, next/navigation and next/cache but not next/server,
        // whose full module crashes in a browser; the kit's server modules only need two classes.
        // The shared store (Redis, Node only) never runs in a browser: the catalogue gets the Edge
        // stand-in, which keeps sessions in memory as the test kit expects.
        alias: [
          { find: /^next\/server(\.js)?$/, replacement: fileURLToPath(new URL('./next-server.ts', import.meta.url)) },
          { find: /^#shared-store$/, replacement: fileURLToPath(new URL('../src/server/redis/shared-store-edge.ts', import.meta.url)) },
        ],
      },
    }),
};

export default config;
