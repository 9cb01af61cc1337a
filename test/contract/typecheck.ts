/**
 * Type-checks a set of files as a small project, with the TypeScript API (no tsc process): the
 * files are written into a fresh folder under `<base>/node_modules/.cache/`, so bare imports
 * resolve the way they do for an app installed at `<base>` (its `node_modules`, with the
 * `types`/`import` export conditions), and the folder is removed afterwards.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import ts from 'typescript';

export interface FileDiagnostic {
  file: string;
  /** 1-based line in that file. */
  line: number;
  code: number;
  message: string;
}

/** A Next.js app's compiler settings (rule 7 of reference-readme.ts). */
export const APP_COMPILER_OPTIONS: ts.CompilerOptions = {
  target: ts.ScriptTarget.ES2022,
  lib: ['lib.es2022.d.ts', 'lib.dom.d.ts', 'lib.dom.iterable.d.ts'],
  module: ts.ModuleKind.ESNext,
  moduleResolution: ts.ModuleResolutionKind.Bundler,
  jsx: ts.JsxEmit.ReactJSX,
  strict: true,
  noImplicitAny: false,
  skipLibCheck: true,
  esModuleInterop: true,
  isolatedModules: true,
  allowUmdGlobalAccess: true,
  types: ['node'],
  noEmit: true,
};

/**
 * Writes `files` (name → text) into a temporary project under `base` and type-checks them.
 * `paths` maps module names the way a tsconfig's `paths` does; `compilerOptions` adds to the app's
 * (`customConditions: ['react-server']` reads the package as a server component does). Returns the diagnostics of the
 * written files (by file name), and the whole program for further questions.
 */
export function typecheckProject(
  base: string,
  files: Record<string, string>,
  options: { paths?: Record<string, string[]>; compilerOptions?: ts.CompilerOptions; inspect?: (program: ts.Program) => void } = {},
): FileDiagnostic[] {
  const cache = join(base, 'node_modules', '.cache');
  mkdirSync(cache, { recursive: true });
  const dir = mkdtempSync(join(cache, 'authkit-rsc-typecheck-'));
  try {
    for (const [name, text] of Object.entries(files)) writeFileSync(join(dir, name), text);
    const rootNames = Object.keys(files).map((name) => join(dir, name));
    const compilerOptions = { ...APP_COMPILER_OPTIONS, ...options.compilerOptions, ...(options.paths ? { paths: options.paths } : {}) };
    const program = ts.createProgram({ rootNames, options: compilerOptions });
    options.inspect?.(program);
    return ts.getPreEmitDiagnostics(program).flatMap((diagnostic) => {
      if (!diagnostic.file || !diagnostic.file.fileName.startsWith(dir)) {
        // A problem outside the written files (a missing library, bad options) fails the check too.
        return [{ file: diagnostic.file?.fileName ?? '(options)', line: 0, code: diagnostic.code, message: ts.flattenDiagnosticMessageText(diagnostic.messageText, '\n') }];
      }
      const { line } = diagnostic.file.getLineAndCharacterOfPosition(diagnostic.start ?? 0);
      return [{ file: diagnostic.file.fileName.slice(dir.length + 1), line: line + 1, code: diagnostic.code, message: ts.flattenDiagnosticMessageText(diagnostic.messageText, '\n') }];
    });
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
