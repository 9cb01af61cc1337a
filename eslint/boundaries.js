/**
 * The kit's folder boundaries, as one map, and an ESLint rule that enforces it (`boundaries/folders`).
 * Each folder of `src/` may import (at run time) only the folders listed for it; type-only imports
 * are free (an interface may be shared across layers, a value goes one way). No two folders may
 * import each other: test/contract/boundaries.test.ts checks the map for that, and the real import
 * graph (dynamic imports included) against the map.
 *
 * Folders: each subfolder of `src/server` and `src/components` is one; `server:entry` is the
 * package's entries (`src/server/index.ts`, `edge.ts`, `client-import-guard.ts`, and `form-actions.ts`,
 * the organization form handlers `src/actions` forwards to), `server:base`
 * the other files directly in `src/server` (the configuration and small leaf helpers).
 */
import { dirname, relative, resolve } from 'node:path';

const SERVER_ENTRIES = new Set(['index.ts', 'edge.ts', 'client-import-guard.ts', 'form-actions.ts']);

/** The folder (as the map names it) of a path relative to `src/`, or undefined outside the map. */
export function folderOf(pathInSrc) {
  const parts = pathInSrc.split('/');
  if (parts.length === 1) return undefined;
  if (parts[0] === 'server') {
    if (parts.length === 2) return SERVER_ENTRIES.has(parts[1]) ? 'server:entry' : 'server:base';
    return `server/${parts[1]}`;
  }
  if (parts[0] === 'components') return parts.length === 2 ? 'components' : `components/${parts[1]}`;
  return parts[0];
}

const base = ['shared', 'server:base'];

/** Which folders each folder may import at run time (itself always). */
export const ALLOWED_IMPORTS = {
  shared: [],
  'server:base': ['shared'],
  'server/crypto': base,
  'server/store': base,
  'server/session': base,
  'server/http': ['shared'],
  // The Redis store (Node only): reached through package.json "imports" (#shared-store), so the Edge
  // runtime's graph never holds it, and only the root chooses it.
  'server/redis': [...base, 'server/store', 'server/crypto'],
  'server/root': [...base, 'server/crypto', 'server/store', 'server/redis'],
  'server/request': [...base, 'server/root', 'server/session'],
  'server/proxy': [...base, 'server/root', 'server/session', 'server/http'],
  'server/callback': [...base, 'server/root', 'server/session', 'server/http'],
  'server/auth': [...base, 'server/root', 'server/session', 'server/request', 'server/callback'],
  // Organizations inside the app: the server API and form handlers over the session and the auth route.
  'server/organizations': [...base, 'server/root', 'server/session', 'server/request', 'server/callback', 'server/auth'],
  'server:entry': [...base, 'server/proxy', 'server/callback', 'server/auth', 'server/organizations', 'server/root', 'server/redis'],
  // The one 'use server' module: thin wrappers over the server API, nothing below it.
  actions: ['shared', 'server:entry'],
  'components/shared': ['shared', 'actions'],
  'components/client': ['shared', 'actions', 'components/shared'],
  'components/server': [...base, 'server:entry', 'server/organizations', 'components/shared', 'components/client'],
  components: ['components/shared', 'components/client', 'components/server'],
  // The test kit reaches the server only through the session root's seams and the seal (and the
  // organization notices, which its mock organization actions leave as the real ones do).
  testing: ['shared', 'components/client', 'server/root', 'server/session', 'server/organizations'],
  emulator: ['shared'],
};

const EDGE_SAFE = [/^next\/(headers|navigation|cache)(\.js)?$/, /^react(-dom)?(\/|$)/, /^node:/, /^@workos-inc\//];

/** Packages a folder may not import at run time (the proxy's graph must stay edge-safe; shared code runs in browsers). */
export const FORBIDDEN_PACKAGES = {
  shared: [/^next(\/|$)/, /^react(-dom)?(\/|$)/, /^server-only$/, /^node:/, /^@workos-inc\//],
  'server/crypto': EDGE_SAFE,
  'server/store': EDGE_SAFE,
  'server/session': EDGE_SAFE,
  'server/root': EDGE_SAFE,
  'server/http': EDGE_SAFE,
  'server/proxy': EDGE_SAFE,
};

const isTypeOnly = (node) =>
  node.importKind === 'type' || node.exportKind === 'type' ||
  (node.specifiers?.length > 0 && node.specifiers.every((specifier) => specifier.importKind === 'type' || specifier.exportKind === 'type'));

/** The file a relative specifier names, relative to `src/` (`.js` written for `.ts` sources). */
export function targetInSrc(fromFile, specifier, srcDir) {
  return relative(srcDir, resolve(dirname(fromFile), specifier)).replace(/\.jsx?$/, '.ts');
}

const rule = {
  meta: {
    type: 'problem',
    docs: { description: "Keeps each folder of src/ to the imports docs/internals.md and eslint/boundaries.js allow it" },
    schema: [],
  },
  create(context) {
    const file = context.filename;
    const srcDir = resolve(context.cwd, 'src');
    const own = relative(srcDir, file);
    const from = own.startsWith('..') ? undefined : folderOf(own);
    if (!from || !(from in ALLOWED_IMPORTS) || /\.(test|stories)\.tsx?$/.test(own)) return {};
    const check = (node, source) => {
      if (!source || typeof source.value !== 'string' || isTypeOnly(node)) return;
      const specifier = source.value;
      if (specifier.startsWith('.')) {
        const to = folderOf(targetInSrc(file, specifier, srcDir));
        if (to === undefined || to === from || ALLOWED_IMPORTS[from].includes(to)) return;
        context.report({ node: source, message: `src/${from} may not import src/${to} at run time (eslint/boundaries.js): pass what it needs as an argument, or import its type only.` });
      } else if ((FORBIDDEN_PACKAGES[from] ?? []).some((pattern) => pattern.test(specifier))) {
        context.report({ node: source, message: `src/${from} may not import ${specifier} (eslint/boundaries.js).` });
      }
    };
    return {
      ImportDeclaration: (node) => check(node, node.source),
      ExportNamedDeclaration: (node) => check(node, node.source),
      ExportAllDeclaration: (node) => check(node, node.source),
      ImportExpression: (node) => check(node, node.source),
    };
  },
};

export default { rules: { folders: rule } };
