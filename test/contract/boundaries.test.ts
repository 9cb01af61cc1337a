/**
 * The folder boundaries of src/ (eslint/boundaries.js): the map allows no two folders to import
 * each other, every run-time import in the source (static and dynamic) keeps to it, and the ESLint
 * rule that guards it in editors and `npm run lint` does report a breach.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { ESLint } from 'eslint';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';
import { ALLOWED_IMPORTS, folderOf, targetInSrc } from '../../eslint/boundaries.js';
import { repoRoot } from './package-exports.js';

const src = join(repoRoot, 'src');

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return sourceFiles(path);
    return /\.tsx?$/.test(name) && !/\.(test|stories)\.tsx?$|\.d\.ts$/.test(name) ? [path] : [];
  });
}

/** The relative specifiers a file imports at run time: type-only imports and exports left out. */
function runtimeImports(file: string): string[] {
  const source = ts.createSourceFile(file, readFileSync(file, 'utf8'), ts.ScriptTarget.Latest, true);
  const found: string[] = [];
  const visit = (node: ts.Node) => {
    if (ts.isImportDeclaration(node) && ts.isStringLiteral(node.moduleSpecifier)) {
      const clause = node.importClause;
      const named = clause?.namedBindings && ts.isNamedImports(clause.namedBindings) ? clause.namedBindings.elements : undefined;
      const typeOnly = clause?.isTypeOnly || (clause && !clause.name && named && named.length > 0 && named.every((element) => element.isTypeOnly));
      if (!typeOnly) found.push(node.moduleSpecifier.text);
    } else if (ts.isExportDeclaration(node) && node.moduleSpecifier && ts.isStringLiteral(node.moduleSpecifier) && !node.isTypeOnly) {
      found.push(node.moduleSpecifier.text);
    } else if (ts.isCallExpression(node) && node.expression.kind === ts.SyntaxKind.ImportKeyword && ts.isStringLiteral(node.arguments[0]!)) {
      found.push((node.arguments[0] as ts.StringLiteral).text);
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  return found.filter((specifier) => specifier.startsWith('.'));
}

describe('folder boundaries', () => {
  it('lets no two folders import each other, and names only folders it knows', () => {
    const folders = Object.keys(ALLOWED_IMPORTS);
    for (const [folder, allowed] of Object.entries(ALLOWED_IMPORTS)) {
      for (const other of allowed) {
        expect(folders, `${folder} allows ${other}`).toContain(other);
        expect(ALLOWED_IMPORTS[other], `${folder} ↔ ${other}`).not.toContain(folder);
      }
    }
  });

  it('holds for every run-time import in src/, dynamic ones included', () => {
    const files = sourceFiles(src);
    expect(files.length).toBeGreaterThan(100);
    const breaches: string[] = [];
    for (const file of files) {
      const from = folderOf(relative(src, file));
      if (!from) continue;
      expect(Object.keys(ALLOWED_IMPORTS), relative(src, file)).toContain(from);
      for (const specifier of runtimeImports(file)) {
        const to = folderOf(targetInSrc(file, specifier, src));
        if (to && to !== from && !ALLOWED_IMPORTS[from]!.includes(to)) breaches.push(`${relative(src, file)} → ${specifier}`);
      }
    }
    expect(breaches).toEqual([]);
  });

  it('is enforced by ESLint (boundaries/folders), types free', async () => {
    const eslint = new ESLint({ cwd: repoRoot });
    const lint = async (path: string, code: string) =>
      (await eslint.lintText(code, { filePath: join(repoRoot, path) }))[0]!.messages.filter((message) => message.ruleId === 'boundaries/folders');
    const breach = await lint('src/server/session/example.ts', "import 'server-only';\nimport { sessionRoot } from '../root/current-root.js';\nexport const root = sessionRoot();\n");
    expect(breach.map((message) => message.message)).toEqual([expect.stringContaining('src/server/session may not import src/server/root')]);
    expect(await lint('src/server/session/example.ts', "import 'server-only';\nimport type { SessionRoot } from '../root/session-root.js';\nexport type Root = SessionRoot;\n")).toEqual([]);
    expect((await lint('src/server/proxy/example.ts', "import 'server-only';\nimport { cookies } from 'next/headers';\nexport const read = cookies;\n")).length).toBe(1);
    expect((await lint('src/actions/example.ts', "'use server';\nimport { getSession } from '../server/request/get-session.js';\nexport const read = getSession;\n")).length).toBe(1);
  });
});
