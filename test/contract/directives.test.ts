/**
 * Directive rules that keep server code on the server (the SEC-1219 lesson: a module-level
 * 'use server' once turned session helpers into remotely callable actions).
 * - src/components/client/** starts with 'use client';
 * - src/actions/** starts with 'use server', and no other file anywhere has a 'use server' directive;
 * - src/server/** imports 'server-only' and never says 'use server'.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { repoRoot } from './package-exports.js';

const srcRoot = join(repoRoot, 'src');

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return sourceFiles(path);
    return /\.(ts|tsx)$/.test(name) && !/\.(test|stories)\.tsx?$/.test(name) ? [path] : [];
  });
}

/** The directive prologue: string-literal statements before any other code (comments skipped). */
function directives(source: string): string[] {
  const withoutComments = source.replace(/\/\*[\s\S]*?\*\//g, '').replace(/^\s*\/\/.*$/gm, '');
  const found: string[] = [];
  for (const line of withoutComments.split('\n')) {
    const trimmed = line.trim();
    if (trimmed === '') continue;
    const match = /^(['"])(use [a-z]+)\1;?$/.exec(trimmed);
    if (!match) break;
    found.push(match[2]!);
  }
  return found;
}

const files = sourceFiles(srcRoot).map((path) => ({
  path: relative(srcRoot, path),
  source: readFileSync(path, 'utf8'),
}));
const under = (folder: string) => files.filter((file) => file.path.startsWith(`${folder}/`));

describe('directives', () => {
  it('finds the source tree', () => {
    expect(files.length).toBeGreaterThan(5);
  });

  it("marks every client component module with 'use client'", () => {
    for (const file of under('components/client')) {
      expect(directives(file.source), file.path).toContain('use client');
    }
  });

  it("marks every actions module with 'use server'", () => {
    expect(under('actions').length).toBeGreaterThan(0);
    for (const file of under('actions')) {
      expect(directives(file.source), file.path).toContain('use server');
    }
  });

  it("has no 'use server' outside src/actions, not even inline in a function", () => {
    for (const file of files.filter((f) => !f.path.startsWith('actions/'))) {
      expect(/(['"])use server\1/.test(file.source), file.path).toBe(false);
    }
  });

  it("imports 'server-only' in every server module", () => {
    const serverFiles = under('server').filter((file) => file.path !== 'server/client-import-guard.ts');
    expect(serverFiles.length).toBeGreaterThan(0);
    for (const file of serverFiles) {
      expect(file.source, file.path).toMatch(/^import 'server-only';$/m);
    }
  });

  it("keeps 'use client' out of server, shared and actions code", () => {
    for (const file of [...under('server'), ...under('actions'), ...under('shared'), ...under('components/server')]) {
      expect(directives(file.source), file.path).not.toContain('use client');
    }
  });
});
