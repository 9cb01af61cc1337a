/**
 * Reads the package's `exports` map and resolves a subpath for a set of export conditions the way
 * Node and bundlers do (first matching key in object order wins).
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

export const repoRoot = fileURLToPath(new URL('../../', import.meta.url));

type ExportTarget = string | { [condition: string]: ExportTarget };

export const packageJson = JSON.parse(readFileSync(`${repoRoot}package.json`, 'utf8')) as {
  name: string;
  exports: Record<string, ExportTarget>;
  bin: Record<string, string>;
  sideEffects: boolean;
};

export type ExportsMap = Record<string, ExportTarget>;

/** Resolves `subpath` in an `exports` map (this package's unless another is given). */
export function resolveExport(subpath: string, conditions: readonly string[], exportsMap: ExportsMap = packageJson.exports): string | undefined {
  const visit = (target: ExportTarget | undefined): string | undefined => {
    if (target === undefined) return undefined;
    if (typeof target === 'string') return target;
    for (const [condition, next] of Object.entries(target)) {
      if (condition === 'default' || conditions.includes(condition)) {
        const found = visit(next);
        if (found) return found;
      }
    }
    return undefined;
  };
  return visit(exportsMap[subpath]);
}

/** The TypeScript source a `./dist/…js` target is compiled from. */
export function sourceOf(distPath: string): string {
  return `${repoRoot}${distPath.replace(/^\.\/dist\//, 'src/').replace(/\.js$/, '.ts')}`;
}
