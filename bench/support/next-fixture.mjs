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
import { spawn } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { createServer } from 'node:net';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { COOKIE_PASSWORD, REDIRECT_URI, sleep } from './setup.mjs';

const root = fileURLToPath(new URL('../..', import.meta.url));
const app = fileURLToPath(new URL('../fixtures/server-gates-app', import.meta.url));
const nextBin = createRequire(join(root, 'package.json')).resolve('next/dist/bin/next');
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

function run(args) {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [nextBin, ...args], { cwd: app, env, stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    child.stdout.on('data', (data) => { output += data; });
    child.stderr.on('data', (data) => { output += data; });
    child.on('error', reject);
    child.on('exit', (code) => (code === 0 ? resolve(output) : reject(new Error(`next ${args[0]} exited ${code}:\n${output.slice(-2000)}`))));
  });
}

function freePort() {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });
}

/** `next start` on a free port; resolves once it answers, with a `stop()` that waits for exit. */
async function start() {
  const port = await freePort();
  const child = spawn(process.execPath, [nextBin, 'start', '-p', String(port), '-H', '127.0.0.1'], { cwd: app, env, stdio: 'ignore' });
  const exited = new Promise((resolve) => child.on('exit', resolve));
  const stop = async () => {
    if (child.exitCode === null) child.kill('SIGTERM');
    await exited;
  };
  const url = `http://127.0.0.1:${port}`;
  for (let attempt = 0; attempt < 100; attempt++) {
    try {
      await fetch(`${url}/_not-found`);
      return { url, stop };
    } catch {
      await sleep(200);
    }
  }
  await stop();
  throw new Error('next start did not answer within 20 s');
}

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
