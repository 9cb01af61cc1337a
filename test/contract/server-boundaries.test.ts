/**
 * Two boundaries of the server core that a refactor could silently break:
 *
 * 1. Session modules can never become server actions (the SEC-1219 lesson). Besides the directive
 *    rules in directives.test.ts, nothing that reads, writes or seals a session may be exported
 *    from the one 'use server' module, where every export is remotely callable.
 * 2. The proxy is edge-safe: nothing it imports, directly or through other kit modules, touches
 *    `next/headers`, `next/navigation`, React or a Node built-in.
 */
import { builtinModules } from 'node:module';
import { readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { repoRoot } from './package-exports.js';

const src = join(repoRoot, 'src');

/** The modules a file imports at run time (`import type` / `export type` are erased, so skipped). */
function importsOf(file: string): string[] {
  const source = readFileSync(file, 'utf8');
  return [...source.matchAll(/^\s*(?:import|export)\b(?!\s+type\b)[^'"]*?from\s*['"]([^'"]+)['"]|^\s*import\s*['"]([^'"]+)['"]/gm)].map(
    (match) => (match[1] ?? match[2])!,
  );
}

/** Every kit file reachable from `entry` through relative imports, and every bare specifier met. */
function importGraph(entry: string): { files: Set<string>; packages: Map<string, string> } {
  const files = new Set<string>();
  const packages = new Map<string, string>();
  const visit = (file: string) => {
    if (files.has(file)) return;
    files.add(file);
    for (const specifier of importsOf(file)) {
      if (specifier.startsWith('.')) visit(resolve(dirname(file), specifier.replace(/\.js$/, '.ts')));
      // package.json "imports": what the Edge runtime's conditions pick.
      else if (specifier === '#refresh-exchange') visit(join(src, 'server/session/refresh-exchange-edge.ts'));
      else if (specifier === '#shared-store') visit(join(src, 'server/redis/shared-store-edge.ts'));
      else packages.set(specifier, relative(src, file));
    }
  };
  visit(entry);
  return { files, packages };
}

const FORBIDDEN_IN_EDGE = [/^next\/headers/, /^next\/navigation/, /^next\/cache/, /^react(-dom)?(\/|$)/, /^node:/];
const NODE_BUILTINS = new Set(builtinModules);

describe('server boundaries', () => {
  it('keeps the proxy and everything it imports edge-safe', () => {
    for (const entry of ['proxy/authkit-proxy.ts', 'proxy/authkit.ts']) {
      const { files, packages } = importGraph(join(src, 'server', entry));
      expect(files.size).toBeGreaterThan(5);
      for (const [specifier, importer] of packages) {
        const bad = FORBIDDEN_IN_EDGE.some((pattern) => pattern.test(specifier)) || NODE_BUILTINS.has(specifier.split('/')[0]!);
        expect(bad, `${importer} imports ${specifier}, which the edge runtime lacks`).toBe(false);
      }
    }
  });

  it("keeps the Edge entry (a Next 15 middleware.ts) away from the WorkOS SDK and jose's index", () => {
    // Next's Edge-runtime check flags Node-only code in both (the SDK's runtime detection, jose's JWE deflate).
    const { packages } = importGraph(join(src, 'server', 'edge.ts'));
    for (const [specifier, importer] of packages) {
      expect(specifier === 'jose' || specifier.startsWith('@workos-inc/'), `${importer} imports ${specifier}`).toBe(false);
      const bad = FORBIDDEN_IN_EDGE.some((pattern) => pattern.test(specifier)) || NODE_BUILTINS.has(specifier.split('/')[0]!);
      expect(bad, `${importer} imports ${specifier}, which the edge runtime lacks`).toBe(false);
    }
  });

  it('exports no session primitive from the server-actions module', async () => {
    const actions = Object.keys(await import('../../src/actions/index.js'));
    const sessionModules = [
      '../../src/server/index.js',
      '../../src/server/request/get-session.js',
      '../../src/server/request/write-session.js',
      '../../src/server/session/read-session.js',
      '../../src/server/session/session-seal.js',
      '../../src/server/session/refresh.js',
      '../../src/server/root/current-root.js',
    ];
    const serverNames = new Set<string>();
    for (const path of sessionModules) for (const name of Object.keys(await import(path))) serverNames.add(name);
    expect(serverNames.has('saveSession')).toBe(true);
    expect(actions.filter((name) => serverNames.has(name))).toEqual([]);
  });
});
