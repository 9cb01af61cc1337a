/**
 * Row 8, the Next.js proof (full runs only): builds ../fixtures/server-gates-app with
 * `next build --webpack` (as the example app builds), serves it with `next start` on a free
 * loopback port, and reads the JavaScript each page actually loads: the chunks its HTML names
 * (script tags, inline RSC payload) and those a client-side navigation's RSC payload names. A chunk is kit JavaScript when Next's client
 * reference manifest places one of the kit's client modules in it.
 *
 * - `/` uses only `<SignedIn>`, `<SignedOut>` and `<RequireAuth>`: it must load no such chunk.
 * - `/with-provider` (the control) uses `<AuthKitProvider>`: it must load one, or the check is blind.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { runNext, startNext } from './next-app.mjs';
import { COOKIE_PASSWORD, REDIRECT_URI } from './setup.mjs';

const root = fileURLToPath(new URL('../..', import.meta.url));
const app = fileURLToPath(new URL('../fixtures/server-gates-app', import.meta.url));
const env = {
  ...process.env,
  NODE_ENV: 'production',
  NEXT_TELEMETRY_DISABLED: '1',
  // Not contacted: the fixture is only built and rendered signed out.
  WORKOS_CLIENT_ID: 'client_bench_fixture',
  WORKOS_API_KEY: 'sk_test_bench_fixture',
  WORKOS_COOKIE_PASSWORD: COOKIE_PASSWORD,
  NEXT_PUBLIC_WORKOS_REDIRECT_URI: REDIRECT_URI,
};

const run = (args) => runNext(app, args, env);

const start = () => startNext(app, env);

/** The chunks Next's client manifest places the kit's client modules in. */
function kitChunks() {
  const manifests = join(app, '.next', 'server', 'app');
  const chunks = new Set();
  const load = (file) => {
    const sandbox = { self: {} };
    new Function('self', 'globalThis', readFileSync(file, 'utf8'))(sandbox.self, sandbox.self);
    for (const page of Object.values(sandbox.self.__RSC_MANIFEST ?? {})) {
      for (const [path, entry] of Object.entries(page.clientModules)) {
        if (path.startsWith(join(root, 'dist'))) for (const chunk of entry.chunks) if (chunk.endsWith('.js')) chunks.add(chunk);
      }
    }
  };
  const walk = (directory) => {
    for (const entry of readdirSync(directory, { withFileTypes: true })) {
      const path = join(directory, entry.name);
      if (entry.isDirectory()) walk(path);
      else if (entry.name.endsWith('_client-reference-manifest.js')) load(path);
    }
  };
  walk(manifests);
  return chunks;
}

const gzipOf = (chunk) => gzipSync(readFileSync(join(app, '.next', chunk)), { level: 9 }).length;

/**
 * The `static/chunks/…` files a page loads: those its HTML names (script tags and the inline RSC
 * payload) and those the RSC payload of a client-side navigation to it names (`RSC: 1`).
 */
async function loadedChunks(url) {
  const html = await (await fetch(url)).text();
  const flight = await (await fetch(url, { headers: { RSC: '1' } })).text();
  return [...new Set(`${html}\n${flight}`.match(/static\/chunks\/[\w/.-]+?\.js/g) ?? [])];
}

export async function nextFixtureProof() {
  // Once more on failure: another build of dist/ in this tree may have been half done.
  await run(['build', '--webpack']).catch(() => run(['build', '--webpack']));
  const kit = kitChunks();
  if (kit.size === 0) throw new Error('row 8: the fixture build placed no kit client module anywhere; the control page is broken');
  const server = await start();
  try {
    const pages = {};
    for (const [name, path] of [['serverGatesOnly', '/'], ['control', '/with-provider']]) {
      const chunks = await loadedChunks(`${server.url}${path}`);
      const kitLoaded = chunks.filter((chunk) => kit.has(chunk));
      pages[name] = { path, chunks, kitChunks: kitLoaded, kitGzip: kitLoaded.reduce((sum, chunk) => sum + gzipOf(chunk), 0) };
    }
    if (pages.control.kitChunks.length === 0) throw new Error('row 8: the control page loads no kit chunk; the check cannot see kit JavaScript');
    return pages;
  } finally {
    await server.stop();
  }
}
