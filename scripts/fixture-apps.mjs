#!/usr/bin/env node
// The fixture apps: one shared app (test/fixtures/app: the README's layout, a home page, a page
// that reads the session at its top, a RequireAuth page, the callback route) built in several
// set-ups. The end-to-end suite runs the first two besides the example (which has Cache Components on):
//
//   cache-off  Next 16 with Cache Components off, proxy.ts (Node runtime), from the workspace
//   next15     Next 15 with middleware.ts (Edge runtime), installed like a user would: its own
//              node_modules (test/fixtures/next15's pinned lockfile) and authkit-rsc from `npm pack`
//   cache-on   Next 16 with what create-next-app@16 writes (Cache Components and partial
//              prefetching on), proxy.ts; the same page as cache-off, for the bench's page rows
//              (its build must report `/` as partially prerendered)
//
// Each is written to .fixtures/<name> (git-ignored) and built there with `next build`.
//
//   node scripts/fixture-apps.mjs [cache-off] [next15] [cache-on]   # default: the e2e suite's two
import { execFileSync, spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
export const FIXTURES_DIR = `${root}.fixtures`;
const template = `${root}test/fixtures/app`;

const PROXY = `import { authkitProxy } from 'authkit-rsc';

// Everything the fixture shows is public; the pages decide (ensureSignedIn, RequireAuth).
export default authkitProxy({ middlewareAuth: { enabled: true, unauthenticatedPaths: ['/', '/account', '/admin'] } });
export const config = { matcher: ['/((?!_next/static|_next/image|favicon.ico).*)'] };
`;

const TSCONFIG = {
  compilerOptions: {
    target: 'ES2022', lib: ['dom', 'dom.iterable', 'esnext'], allowJs: false, skipLibCheck: true, strict: true, noEmit: true,
    esModuleInterop: true, module: 'esnext', moduleResolution: 'bundler', resolveJsonModule: true, isolatedModules: true,
    jsx: 'react-jsx', incremental: false, plugins: [{ name: 'next' }],
  },
  include: ['next-env.d.ts', '**/*.ts', '**/*.tsx', '.next/types/**/*.ts'],
  exclude: ['node_modules'],
};

/** The set-ups the end-to-end suite runs (and `node scripts/fixture-apps.mjs` builds by default). */
export const E2E_FIXTURES = ['cache-off', 'next15'];

/** The fixture set-ups: where each lives and what makes it different. */
export const FIXTURES = {
  'cache-off': {
    dir: `${FIXTURES_DIR}/cache-off`,
    files: {
      'next.config.ts': "import type { NextConfig } from 'next';\n\n// Cache Components off: every page renders on demand.\nconst nextConfig: NextConfig = { cacheComponents: false };\n\nexport default nextConfig;\n",
      'proxy.ts': PROXY,
    },
  },
  'cache-on': {
    dir: `${FIXTURES_DIR}/cache-on`,
    files: {
      'next.config.ts': "import type { NextConfig } from 'next';\n\n// What create-next-app@16 writes: a static shell per page, request data streamed into it.\nconst nextConfig: NextConfig = { cacheComponents: true, partialPrefetching: true };\n\nexport default nextConfig;\n",
      'proxy.ts': PROXY,
    },
    // The home page's only request data is auth, so it must keep a static shell.
    partiallyPrerendered: ['/'],
  },
  next15: {
    dir: `${FIXTURES_DIR}/next15`,
    files: {
      // Next 15 infers the tracing root from lockfiles and lints during builds; this app has its
      // own lockfile, and no ESLint set-up (the repo's would be found otherwise).
      'next.config.mjs': "/** @type {import('next').NextConfig} */\nexport default { outputFileTracingRoot: import.meta.dirname, eslint: { ignoreDuringBuilds: true } };\n",
      'middleware.ts': PROXY.replace('authkitProxy', 'authkitMiddleware').replace('authkitProxy(', 'authkitMiddleware('),
    },
  },
};

function run(command, args, cwd) {
  execFileSync(command, args, { cwd, stdio: 'inherit', env: { ...process.env, NEXT_TELEMETRY_DISABLED: '1' } });
}

/**
 * `next build`, failing on an Edge-runtime warning: "A Node.js API is used (…) which is not
 * supported in the Edge Runtime" means the middleware's bundle reached Node-only code.
 */
function nextBuild(dir, partiallyPrerendered = []) {
  const nextBin = createRequire(`${dir}/`).resolve('next/dist/bin/next');
  const build = spawnSync(process.execPath, [nextBin, 'build'], {
    cwd: dir, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, NEXT_TELEMETRY_DISABLED: '1' },
  });
  const output = `${build.stdout}${build.stderr}`;
  process.stdout.write(output);
  if (build.status !== 0) throw new Error(`${dir}: next build failed (exit ${build.status})`);
  if (/A Node\.js API is used/.test(output)) throw new Error(`${dir}: the build warns about Node.js APIs on the Edge runtime (see above)`);
  for (const route of partiallyPrerendered) {
    if (!routeSymbol(output, route)?.includes('◐')) throw new Error(`${dir}: next build does not report ${route} as partially prerendered (◐)`);
  }
}

/** The symbol `next build`'s route table gives `route` (○ static, ◐ partial prerender, ƒ dynamic). */
export function routeSymbol(output, route) {
  const escaped = route.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  return new RegExp(`^\\S*\\s+(\\S+)\\s+${escaped}(?:\\s|$)`, 'm').exec(output)?.[1];
}

/** Writes the shared app and the set-up's own files into its folder (keeping an installed node_modules). */
function writeApp(name) {
  const { dir, files } = FIXTURES[name];
  mkdirSync(dir, { recursive: true });
  for (const entry of readdirSync(dir)) if (entry !== 'node_modules') rmSync(`${dir}/${entry}`, { recursive: true, force: true });
  cpSync(template, dir, { recursive: true });
  for (const [file, text] of Object.entries(files)) writeFileSync(`${dir}/${file}`, text);
  // Next 15 wants the JSX left to its compiler; Next 16 the automatic runtime.
  const jsx = name === 'next15' ? 'preserve' : 'react-jsx';
  writeFileSync(`${dir}/tsconfig.json`, `${JSON.stringify({ ...TSCONFIG, compilerOptions: { ...TSCONFIG.compilerOptions, jsx } }, null, 2)}\n`);
}

/** The kit as a user installs it: `npm pack` of the built package. */
function packKit() {
  const out = `${FIXTURES_DIR}/pack`;
  rmSync(out, { recursive: true, force: true });
  mkdirSync(out, { recursive: true });
  execFileSync('npm', ['pack', '--silent', '--pack-destination', out], { cwd: root, stdio: ['ignore', 'ignore', 'inherit'] });
  const [tarball] = readdirSync(out);
  return `${out}/${tarball}`;
}

function prepareNext15() {
  const { dir } = FIXTURES.next15;
  cpSync(`${root}test/fixtures/next15/package.json`, `${dir}/package.json`);
  cpSync(`${root}test/fixtures/next15/package-lock.json`, `${dir}/package-lock.json`);
  run('npm', ['ci', '--no-audit', '--no-fund', '--loglevel=error'], dir);
  run('npm', ['install', '--no-save', '--no-audit', '--no-fund', '--loglevel=error', packKit()], dir);
}

/** Prepares and builds one fixture app. */
export function buildFixture(name) {
  const { dir, partiallyPrerendered } = FIXTURES[name];
  writeApp(name);
  if (name === 'next15') prepareNext15();
  else writeFileSync(`${dir}/package.json`, '{ "private": true, "type": "module" }\n');
  nextBuild(dir, partiallyPrerendered);
}

/** True when the fixture has a production build. */
export const fixtureIsBuilt = (name) => existsSync(`${FIXTURES[name].dir}/.next/BUILD_ID`);

if (import.meta.url === `file://${process.argv[1]}`) {
  const names = process.argv.slice(2).length ? process.argv.slice(2) : E2E_FIXTURES;
  for (const name of names) {
    if (!FIXTURES[name]) throw new Error(`Unknown fixture '${name}'; known: ${Object.keys(FIXTURES).join(', ')}`);
    console.log(`\n=== fixture ${name}`);
    buildFixture(name);
  }
}
