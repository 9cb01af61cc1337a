/** Types of eslint/boundaries.js (the contract test imports its map). */
import type { ESLint } from 'eslint';

export function folderOf(pathInSrc: string): string | undefined;
export function targetInSrc(fromFile: string, specifier: string, srcDir: string): string;
export const ALLOWED_IMPORTS: Record<string, readonly string[]>;
export const FORBIDDEN_PACKAGES: Record<string, readonly RegExp[]>;
declare const plugin: ESLint.Plugin;
export default plugin;
