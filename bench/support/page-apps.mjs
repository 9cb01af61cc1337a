/**
 * The builds row 9 serves with `next start`, how each is built, and how one is started with its
 * own emulator and a signed-in cookie. The same page in each (test/fixtures/app's home page under
 * the README's layout with auth in the header):
 *
 * - `cache-on`   the kit, Cache Components on (scripts/fixture-apps.mjs `cache-on`);
 * - `cache-off`  the kit, Cache Components off (the e2e suite's `cache-off` fixture);
 * - `reference`  @workos-inc/authkit-nextjs 4.3.2 (bench/fixtures/reference-app), Cache Components
 *                off: its withAuth() reads headers() outside any boundary, which such a build refuses;
 * - `control-on`, `control-off` (full runs): bench/fixtures/control-app, the same page with no
 *                auth package, request data in the same places: what Next itself costs per mode.
 */
import { cpSync, existsSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildFixture, FIXTURES, FIXTURES_DIR } from '../../scripts/fixture-apps.mjs';
import { runNext, startNext } from './next-app.mjs';
import { BROWSER_HEADERS, COOKIE_PASSWORD, keyFile, REDIRECT_URI } from './setup.mjs';

const fixture = (name) => fileURLToPath(new URL(`../fixtures/${name}`, import.meta.url));

/** Not contacted while building; the reference's modules read them at load. */
const BUILD_ENV = {
  NODE_ENV: 'production', NEXT_TELEMETRY_DISABLED: '1',
  WORKOS_CLIENT_ID: 'client_bench_fixture', WORKOS_API_KEY: 'sk_test_bench_fixture',
  WORKOS_COOKIE_PASSWORD: COOKIE_PASSWORD, NEXT_PUBLIC_WORKOS_REDIRECT_URI: REDIRECT_URI,
};

/** The control app copied to .fixtures/<name> with Cache Components on or off, then built. */
async function buildControl(dir, cacheComponents) {
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  cpSync(fixture('control-app'), dir, { recursive: true });
  writeFileSync(join(dir, 'package.json'), '{ "private": true, "type": "module" }\n');
  writeFileSync(join(dir, 'next.config.mjs'), `export default ${JSON.stringify(cacheComponents ? { cacheComponents: true, partialPrefetching: true } : {})};\n`);
  writeFileSync(join(dir, 'mode.js'), `export const cacheComponents = ${cacheComponents};\n`);
  await runNext(dir, ['build'], { ...process.env, ...BUILD_ENV });
}

const control = (name, cacheComponents) => {
  const dir = join(FIXTURES_DIR, name);
  return { name, dir, control: true, build: () => buildControl(dir, cacheComponents) };
};

/** Every build row 9 can serve; `control` ones only in full runs. */
export const PAGE_BUILDS = [
  { name: 'cache-on', dir: FIXTURES['cache-on'].dir, build: async () => buildFixture('cache-on') },
  { name: 'cache-off', dir: FIXTURES['cache-off'].dir, build: async () => buildFixture('cache-off') },
  { name: 'reference', dir: fixture('reference-app'), build: () => runNext(fixture('reference-app'), ['build'], { ...process.env, ...BUILD_ENV }) },
  control('control-on', true),
  control('control-off', false),
];

export const isBuilt = (build) => existsSync(join(build.dir, '.next', 'BUILD_ID'));

/**
 * `next start` for one build, with its own emulator, and a real cookie for alice minted there and
 * sealed with the app's password. The requests' headers are Chromium's for a navigation.
 */
export async function startPageServer(build, testing) {
  const { createEmulator } = await import('../../dist/emulator/index.js');
  const emulator = await createEmulator({ port: 0, quiet: true, keyFile: keyFile() });
  const env = { ...process.env, ...BUILD_ENV, ...emulator.env };
  let app;
  try {
    app = await startNext(build.dir, env, join(tmpdir(), `authkit-rsc-bench-page-${build.name}.log`));
    // An hour-long access token: no refresh (and no new cookie the client would drop) mid-run.
    const { cookieHeader } = await testing.createTestSession({ emulatorUrl: emulator.url, cookiePassword: COOKIE_PASSWORD, expiresIn: 3600 });
    const headers = { ...BROWSER_HEADERS, cookie: cookieHeader };
    delete headers.host; // fetch sets the server's own
    const stop = async () => {
      await app.stop();
      await emulator.close();
    };
    return { ...build, url: `${app.url}/`, pid: app.pid, headers, stop };
  } catch (error) {
    await app?.stop();
    await emulator.close();
    throw error;
  }
}
