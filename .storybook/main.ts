/**
 * Storybook for the component kit: Next.js through Vite, with async server components rendered in
 * the browser (`experimentalRSC`), and the stories doubling as tests (`@storybook/addon-vitest`).
 */
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import type { StorybookConfig } from '@storybook/nextjs-vite';
import { mergeConfig } from 'vite';
import { MOCK_AUTH_ENV } from '../src/testing/mock-env.js';

const require = createRequire(import.meta.url);

// The kit imports Next's modules with explicit extensions (`next/headers.js`, as Node's ESM
// resolution wants), which the framework's mocks (keyed `next/headers`) do not match on their own.
const nextMock = (name: string) => require.resolve(`vite-plugin-storybook-nextjs/browser/mocks/${name}`);
const NEXT_MOCKS = ['headers', 'navigation', 'cache'] as const;

// A static build replaces `process.env` with `{}`: give the kit's configuration the test kit's
// placeholders (the mock session needs a cookie password and a redirect URI, nothing real).
const define = Object.fromEntries(Object.entries(MOCK_AUTH_ENV).map(([name, value]) => [`process.env.${name}`, JSON.stringify(value)]));

const config: StorybookConfig = {
  stories: ['../stories/**/*.stories.@(ts|tsx)'],
  addons: ['@storybook/addon-vitest'],
  framework: { name: '@storybook/nextjs-vite', options: {} },
  features: { experimentalRSC: true },
  core: { disableTelemetry: true },
  viteFinal: (vite) =>
    mergeConfig(vite, {
      define,
      resolve: {
        alias: [
          ...NEXT_MOCKS.map((name) => ({ find: `next/${name}.js`, replacement: nextMock(name) })),
          { find: /^next\/server(\.js)?$/, replacement: fileURLToPath(new URL('./next-server.ts', import.meta.url)) },
        ],
      },
    }),
};

export default config;
