/**
 * The drop-in contract, checked against the reference package itself (`@workos-inc/authkit-nextjs`,
 * pinned in the bench workspace): its export names per entry are all ours, its functions' and
 * classes' types accept ours, and every code block of its README that compiles against it
 * compiles against this kit with only the import path changed. Runs on the build (`dist/`), as an
 * app would see the package; `npm test` builds first.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { repoRoot } from './package-exports.js';
import { declaredExportNames, KIT_ENTRIES, REFERENCE_ENTRIES, runtimeExportNames } from './reference-exports.js';
import {
  asModule, PLACEHOLDERS, REFERENCE_PACKAGE, referenceReadmeBlocks, referenceRoot, rewriteImportPath, splitRedeclaringBlock,
} from './reference-readme.js';
import { type FileDiagnostic, typecheckProject } from './typecheck.js';

// Each check builds a TypeScript program over the kit's and the reference's declarations: seconds
// on a quiet machine, minutes on a busy one.
const SLOW = 180_000;

/** Same name, same role, different on purpose (docs/migrating.md lists them). */
const DELIBERATELY_DIFFERENT_TYPES: Record<string, string> = {
  AUTHKIT_REQUEST_HEADERS: "the kit's proxy forwards its own signed x-authkit-* headers, not x-workos-*/x-url",
  StateSchema: 'a Standard Schema (v1) validator, not a valibot schema: the kit does not depend on valibot',
  CallbackError:
    "its code has two more values, 'authentication_failed' and 'authorization_error', for the failures the reference hands to onError as raw SDK errors",
};

/** README blocks that do not compile against the reference either (mistakes in its README). */
const README_MISTAKES: Record<string, string> = {
  'block-25': "Session Refresh Callbacks: reads error.message although onSessionRefreshError's error is unknown",
  'block-32': 'Get the access token: renders a fetch Response as a React child',
  'block-36': 'Custom authentication flows: passes process.env.WORKOS_CLIENT_ID (string | undefined) as clientId',
};

const names = { reference: { root: [] as string[], components: [] as string[] } };

beforeAll(async () => {
  names.reference.root = await runtimeExportNames(REFERENCE_ENTRIES.root.file);
  names.reference.components = await runtimeExportNames(REFERENCE_ENTRIES.components.file);
}, SLOW);

describe('the reference package', () => {
  it('is 4.3.2, pinned, with a client components entry', () => {
    const bench = JSON.parse(readFileSync(join(repoRoot, 'bench/package.json'), 'utf8')) as { dependencies: Record<string, string> };
    expect(bench.dependencies[REFERENCE_PACKAGE]).toBe('4.3.2');
    expect((JSON.parse(readFileSync(join(referenceRoot, 'package.json'), 'utf8')) as { version: string }).version).toBe('4.3.2');
    // Its /components is client code throughout; ours carries the same names in both faces.
    expect(readFileSync(REFERENCE_ENTRIES.components.file.replace(/index\.js$/, 'authkit-provider.js'), 'utf8')).toMatch(/^'use client';/);
    expect(names.reference.root).toContain('handleAuthkitHeaders');
    expect(names.reference.components).toContain('useRecentAuth');
  });
});

describe('export names, per entry and face', () => {
  it.each(['root', 'components'] as const)('every runtime export of the reference %s entry is one in each face of ours', async (entry) => {
    for (const face of KIT_ENTRIES[entry]) {
      const ours = await runtimeExportNames(face.file);
      expect(names.reference[entry].filter((name) => !ours.includes(name)), face.label).toEqual([]);
    }
  });

  it('every type export (and value) of the reference is exported by our declarations', { timeout: SLOW }, () => {
    const declared = declaredExportNames([REFERENCE_ENTRIES.root.types, REFERENCE_ENTRIES.components.types, KIT_ENTRIES.types.root, KIT_ENTRIES.types.components]);
    const missing = (reference: string, ours: string) => declared[reference]!.filter((name) => !declared[ours]!.includes(name));
    expect(declared[REFERENCE_ENTRIES.root.types]).toEqual(expect.arrayContaining(['CookieOptions', 'GetAuthURLResult', 'State', 'AuthkitHeadersResult']));
    expect(missing(REFERENCE_ENTRIES.root.types, KIT_ENTRIES.types.root)).toEqual([]);
    expect(missing(REFERENCE_ENTRIES.components.types, KIT_ENTRIES.types.components)).toEqual([]);
  });
});

describe('signatures', () => {
  it("each runtime export of ours is assignable to the reference's type, except the deliberate differences", () => {
    const lines = [
      `import * as Reference from '${REFERENCE_PACKAGE}';`, "import * as Kit from 'authkit-rsc';",
      `import * as ReferenceComponents from '${REFERENCE_PACKAGE}/components';`, "import * as KitComponents from 'authkit-rsc/components';",
      ...names.reference.root.map((name) => `export const root_${name}: typeof Reference.${name} = Kit.${name};`),
      ...names.reference.components.map((name) => `export const components_${name}: typeof ReferenceComponents.${name} = KitComponents.${name};`),
    ];
    // One @workos-inc/node for both, as in an app (the kit's: 11); the reference types against it.
    const diagnostics = typecheckProject(join(repoRoot, 'bench'), { 'signatures.ts': lines.join('\n') }, {
      paths: { '@workos-inc/node': [join(repoRoot, 'node_modules/@workos-inc/node/lib/index.d.mts')] },
    });
    const failing = diagnostics.map((diagnostic) => /^export const root_(\w+)/.exec(lines[diagnostic.line - 1] ?? '')?.[1] ?? diagnostic.message);
    expect(failing.sort()).toEqual(Object.keys(DELIBERATELY_DIFFERENT_TYPES).sort());
  }, SLOW);
});

describe("the reference README's code blocks, type-checked", () => {
  const blocks = referenceReadmeBlocks().flatMap(splitRedeclaringBlock);
  const results = { reference: [] as FileDiagnostic[], kit: [] as FileDiagnostic[] };

  function filesFor(packageName: string): Record<string, string> {
    const entries = { [packageName]: names.reference.root, [`${packageName}/components`]: names.reference.components };
    const files: Record<string, string> = { 'placeholders.d.ts': PLACEHOLDERS.replace('PACKAGE', packageName) };
    for (const block of blocks) files[`${block.id}.tsx`] = asModule(rewriteImportPath(block.code, packageName), entries);
    return files;
  }

  beforeAll(() => {
    results.reference = typecheckProject(join(repoRoot, 'bench'), filesFor(REFERENCE_PACKAGE));
    results.kit = typecheckProject(repoRoot, filesFor('authkit-rsc'));
  }, SLOW);

  const failingBlocks = (diagnostics: FileDiagnostic[]) => [...new Set(diagnostics.map((diagnostic) => diagnostic.file.replace(/\.tsx$/, '')))].sort();

  it('finds every checked block (39, two of them the halves of one fragment)', { timeout: SLOW }, () => {
    expect(blocks).toHaveLength(39);
    expect(blocks.filter((block) => /^block-19[ab]$/.test(block.id)).map((block) => block.code.split('\n')[0])).toEqual(['// Server component', '// Client component']);
  });

  it.each([
    ['composable-proxy', 'Composable proxy/middleware'],
    ['composable-proxy-rewrite', 'Advanced: Composing with rewrites'],
    ['api-key-route', 'Validate an API key'],
  ])('example/snippets/%s.ts (run by readme-snippets.test.ts) is the README block "%s" with only the import path changed', (file, section) => {
    const block = blocks.find((candidate) => candidate.section === section && /export (default|async)/.test(candidate.code))!;
    const snippet = readFileSync(join(repoRoot, `example/snippets/${file}.ts`), 'utf8');
    expect(snippet.trim()).toBe(rewriteImportPath(block.code, 'authkit-rsc').trim());
  });

  it('the reference fails only on the mistakes in its own README (so the harness is sound)', { timeout: SLOW }, () => {
    expect(failingBlocks(results.reference)).toEqual(Object.keys(README_MISTAKES));
  });

  it('every block compiles against the kit wherever it compiles against the reference, and fails no other way', { timeout: SLOW }, () => {
    const key = (diagnostic: FileDiagnostic) => `${diagnostic.file}:${diagnostic.line} TS${diagnostic.code}`;
    const expected = new Set(results.reference.map(key));
    const extra = results.kit.filter((diagnostic) => !expected.has(key(diagnostic)));
    expect(extra.map((diagnostic) => `${key(diagnostic)} ${diagnostic.message}`)).toEqual([]);
    expect(failingBlocks(results.kit)).toEqual(Object.keys(README_MISTAKES));
  });
});
