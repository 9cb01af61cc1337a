/**
 * The export names of the reference package and of this kit, per entry, each resolved through its
 * own package.json `exports` with the conditions its environment uses. Runtime names come from
 * the built JavaScript (esbuild's analysis of the entry and what it re-exports, nothing run: the
 * reference's entries import `server-only` and `'use server'` modules); type names (values and
 * types) from the declaration files, through the TypeScript checker.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { build } from 'esbuild';
import ts from 'typescript';
import { type ExportsMap, repoRoot, resolveExport } from './package-exports.js';
import { referenceRoot } from './reference-readme.js';

export interface EntryFace {
  /** Which package, entry and face, e.g. `authkit-rsc/components (react-server)`. */
  label: string;
  /** The built JavaScript file. */
  file: string;
}

const referenceExports = (JSON.parse(readFileSync(join(referenceRoot, 'package.json'), 'utf8')) as { exports: ExportsMap }).exports;

function resolved(root: string, subpath: string, conditions: string[], exportsMap?: ExportsMap): string {
  const target = resolveExport(subpath, conditions, exportsMap);
  if (!target) throw new Error(`${subpath} does not resolve under ${conditions.join(', ')}`);
  return join(root, target);
}

/** The reference's entries: ESM only (`import`), its components entry a `'use client'` module. */
export const REFERENCE_ENTRIES = {
  root: { label: '@workos-inc/authkit-nextjs', file: resolved(referenceRoot, '.', ['import'], referenceExports), types: resolved(referenceRoot, '.', ['types'], referenceExports) },
  components: {
    label: '@workos-inc/authkit-nextjs/components',
    file: resolved(referenceRoot, './components', ['import'], referenceExports),
    types: resolved(referenceRoot, './components', ['types'], referenceExports),
  },
};

/** This kit's faces of the same entries: the root as server code loads it, and both component faces. */
export const KIT_ENTRIES = {
  root: [
    { label: 'authkit-rsc (react-server)', file: resolved(repoRoot, '.', ['react-server', 'node', 'import']) },
    { label: 'authkit-rsc (node, route handlers and proxy)', file: resolved(repoRoot, '.', ['node', 'import']) },
  ],
  components: [
    { label: 'authkit-rsc/components (react-server)', file: resolved(repoRoot, './components', ['react-server', 'node', 'import']) },
    { label: 'authkit-rsc/components (client)', file: resolved(repoRoot, './components', ['node', 'import']) },
  ],
  types: { root: resolved(repoRoot, '.', ['types']), components: resolved(repoRoot, './components', ['types']) },
};

/** The names a built ESM entry exports at run time (following its relative re-exports). */
export async function runtimeExportNames(file: string): Promise<string[]> {
  const result = await build({
    entryPoints: [file], bundle: true, packages: 'external', metafile: true, write: false, format: 'esm',
    platform: 'neutral', outdir: 'out', logLevel: 'silent',
  });
  const [output] = Object.values(result.metafile.outputs).filter((entry) => entry.entryPoint);
  return [...output!.exports].sort();
}

/** Every name (value or type) each declaration file exports. */
export function declaredExportNames(files: string[]): Record<string, string[]> {
  const program = ts.createProgram({ rootNames: files, options: { module: ts.ModuleKind.ESNext, moduleResolution: ts.ModuleResolutionKind.Bundler, skipLibCheck: true, noEmit: true } });
  const checker = program.getTypeChecker();
  return Object.fromEntries(
    files.map((file) => {
      const source = program.getSourceFile(file);
      const symbol = source && checker.getSymbolAtLocation(source);
      if (!symbol) throw new Error(`${file} is not a module`);
      return [file, checker.getExportsOfModule(symbol).map((exported) => exported.name).sort()];
    }),
  );
}
