/**
 * Row 8: what the components cost a browser, both packages measured the same way (esbuild bundle,
 * minified, gzip -9; react, react-dom, next and the server-actions module external, since a
 * bundler replaces server actions by references), and proof that a page using only the server
 * gates ships no client JavaScript of the kit.
 *
 * - Ours: `scripts/measure-client-bundle.mjs --json` (the repo's one measurement of the client face).
 * - Reference: its `./components` entry (`dist/esm/components/index.js`), whole and the same set.
 * - Server gates only: the import graph of `SignedIn`/`SignedOut`/`RequireAuth` from the server face
 *   (`react-server` condition), bundled and tree-shaken: every kit module in it is listed, and none
 *   may be a `'use client'` module (only those reach a browser). The Next.js build of a fixture
 *   page (./next-fixture.mjs, full runs) checks the same in Next's own client manifest.
 */
import { execFile } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { gzipSync } from 'node:zlib';

const root = fileURLToPath(new URL('../..', import.meta.url));
const requireFromRoot = createRequire(join(root, 'package.json'));
// The reference's exports are import-only: resolve its root entry the ESM way.
const referenceComponents = join(dirname(fileURLToPath(import.meta.resolve('@workos-inc/authkit-nextjs'))), 'components', 'index.js');
const REFERENCE_SET = ['AuthKitProvider', 'useAuth', 'useAccessToken', 'Impersonation'];
const EXTERNAL = ['react', 'react-dom', 'react/*', 'react-dom/*', 'next', 'next/*'];

async function esbuild() {
  return import(requireFromRoot.resolve('esbuild'));
}

/** The reference's components entry (or a set of its names), bundled as its size was measured. */
async function measureReference(names) {
  const { build } = await esbuild();
  const contents = names ? `export { ${names.join(', ')} } from ${JSON.stringify(referenceComponents)};` : `export * from ${JSON.stringify(referenceComponents)};`;
  const result = await build({
    stdin: { contents, resolveDir: root, loader: 'js', sourcefile: 'reference-entry.js' },
    bundle: true, minify: true, write: false, format: 'esm', platform: 'browser', target: 'es2022',
    external: EXTERNAL, logLevel: 'error',
    plugins: [{
      name: 'external-actions',
      setup(b) { b.onResolve({ filter: /(^|\/)actions\.js$/ }, (args) => ({ path: args.path, external: true })); },
    }],
  });
  const code = result.outputFiles[0].contents;
  return { minified: code.length, gzip: gzipSync(code, { level: 9 }).length };
}

async function measureOurs() {
  // The script sets exit code 1 when over its own budgets; its JSON is still what we want.
  const script = join(root, 'scripts', 'measure-client-bundle.mjs');
  const { stdout } = await promisify(execFile)(process.execPath, [script, '--json'], { cwd: root }).catch((error) => error);
  const rows = JSON.parse(stdout);
  const find = (prefix) => rows.find((entry) => entry.label.startsWith(prefix));
  return { referenceSet: find('reference set'), whole: find('whole client face') };
}

/** Kit modules in the server gates' browser-reachable graph, and which of them are client modules. */
async function serverGatesGraph() {
  const { build } = await esbuild();
  const result = await build({
    stdin: { contents: "export { SignedIn, SignedOut, RequireAuth } from 'authkit-rsc/components';", resolveDir: root, loader: 'js' },
    bundle: true, write: false, format: 'esm', platform: 'neutral', conditions: ['react-server'], mainFields: ['module', 'main'],
    metafile: true, logLevel: 'error',
    plugins: [{
      // Everything that is not the kit stays outside: only the kit's own modules are in question.
      name: 'only-the-kit',
      setup(b) {
        b.onResolve({ filter: /^[^./]/ }, (args) => (args.path.startsWith('authkit-rsc') ? undefined : { path: args.path, external: true }));
      },
    }],
  });
  const [output] = Object.values(result.metafile.outputs);
  const modules = Object.entries(output.inputs)
    .filter(([, info]) => info.bytesInOutput > 0)
    .map(([path]) => relative(root, join(root, path)));
  const isClient = (path) => /^\s*['"]use client['"]/.test(readFileSync(join(root, path), 'utf8'));
  return { modules, clientModules: modules.filter(isClient) };
}

export async function bundleRow() {
  const [ours, reference, referenceSet, graph] = await Promise.all([measureOurs(), measureReference(), measureReference(REFERENCE_SET), serverGatesGraph()]);
  if (graph.modules.length === 0) throw new Error('row 8: the server gates bundled to nothing; the graph check is broken');
  return { id: '8', label: 'client bundle (esbuild, minified + gzip -9)', unit: 'bytes', ours, reference: { whole: reference, referenceSet }, graph };
}
