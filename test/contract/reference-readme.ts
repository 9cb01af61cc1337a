/**
 * The reference package's README code blocks, as files a type-checker can take: extraction and
 * the few wrapper rules a block needs to be a file at all. The rules are the same for the
 * reference and for this kit (only the import path differs), so a block that compiles against the
 * reference and not against the kit is the kit's fault, never the wrapper's.
 *
 * The rules, all mechanical (no block is edited by hand):
 * 1. Blocks fenced as ts, typescript, tsx, jsx or js are checked (sh and unlabelled ones are
 *    shell commands or prose). A fence inside a `> ` quote counts; the quote marker is removed.
 * 2. The import path: `@workos-inc/authkit-nextjs` becomes `authkit-rsc` (for this kit's run).
 * 3. Every block is its own module (`export {}` is appended), so blocks never see each other.
 * 4. A name the package exports that a block uses without importing it (the README's fragments:
 *    `await signOut(…)`, `handleAuth({ … })`) is imported from the entry that exports it.
 * 5. A block that declares the same top-level name twice (one fragment showing a server and a
 *    client variant, each introduced by a `//` comment) is split at those comments into parts.
 * 6. Names the README leaves to the reader (`saveTokens`, `thirdPartyClient`, `request`, …) are
 *    declared once, ambiently, in `PLACEHOLDERS`: app functions loosely, the values the package's
 *    API takes with the type it takes.
 * 7. The compiler settings are a Next.js app's (strict, JSX, bundler resolution), with
 *    `noImplicitAny` off: the README's JavaScript-flavoured blocks leave parameters untyped.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

export const REFERENCE_PACKAGE = '@workos-inc/authkit-nextjs';
export const referenceRoot = fileURLToPath(new URL(`../../bench/node_modules/${REFERENCE_PACKAGE}/`, import.meta.url));

export interface ReadmeBlock {
  /** `block-07` (or `block-07b` for the second part of a split block). */
  id: string;
  /** The README section heading the block sits under. */
  section: string;
  /** 1-based line of the block's first code line in the README. */
  line: number;
  lang: string;
  code: string;
}

const CHECKED = new Set(['ts', 'typescript', 'tsx', 'jsx', 'js']);
const FENCE = /^(>\s?)?```(\w*)\s*$/;

/** Rule 1: the checked code blocks of a README, in order, with their section and line. */
export function extractBlocks(markdown: string): ReadmeBlock[] {
  const lines = markdown.split('\n');
  const blocks: ReadmeBlock[] = [];
  let section = '';
  for (let index = 0; index < lines.length; index += 1) {
    const heading = /^#{1,6}\s+(.*)$/.exec(lines[index]!);
    if (heading) section = heading[1]!.trim();
    const open = FENCE.exec(lines[index]!);
    if (!open) continue;
    const quote = open[1] ?? '';
    const start = index + 1;
    let end = start;
    while (end < lines.length && !FENCE.test(lines[end]!)) end += 1;
    const code = lines.slice(start, end).map((line) => (quote && line.startsWith('>') ? line.replace(/^>\s?/, '') : line)).join('\n');
    if (CHECKED.has(open[2]!)) blocks.push({ id: `block-${String(blocks.length + 1).padStart(2, '0')}`, section, line: start + 1, lang: open[2]!, code });
    index = end;
  }
  return blocks;
}

/** The reference's README, as the installed (pinned) package ships it. */
export function referenceReadmeBlocks(): ReadmeBlock[] {
  return extractBlocks(readFileSync(`${referenceRoot}README.md`, 'utf8'));
}

/** Rule 2. */
export function rewriteImportPath(code: string, packageName: string): string {
  return code.replaceAll(`'${REFERENCE_PACKAGE}`, `'${packageName}`).replaceAll(`"${REFERENCE_PACKAGE}`, `"${packageName}`);
}

const TOP_LEVEL_DECLARATION = /^(?:export\s+)?(?:const|let|var)\s+(?:\{([^}]*)\}|(\w+))/gm;

function declaredNames(code: string): string[] {
  const names: string[] = [];
  for (const match of code.matchAll(TOP_LEVEL_DECLARATION)) {
    if (match[2]) names.push(match[2]);
    else names.push(...match[1]!.split(',').map((part) => part.split(':').pop()!.trim().replace(/^\.\.\./, '')).filter(Boolean));
  }
  return names;
}

/** Rule 5: a block that redeclares a top-level name, split at its top-level `//` comments. */
export function splitRedeclaringBlock(block: ReadmeBlock): ReadmeBlock[] {
  const names = declaredNames(block.code);
  if (new Set(names).size === names.length) return [block];
  const parts: string[] = [];
  for (const line of block.code.split('\n')) {
    if (/^\/\/ /.test(line) || parts.length === 0) parts.push(line);
    else parts[parts.length - 1] += `\n${line}`;
  }
  return parts.map((code, index) => ({ ...block, id: `${block.id}${String.fromCharCode(97 + index)}`, code }));
}

/** The names an import statement of `code` brings in from `from`. */
function importedNames(code: string): Set<string> {
  const names = new Set<string>();
  for (const match of code.matchAll(/import\s+(?:type\s+)?\{([^}]*)\}\s+from/g)) {
    for (const part of match[1]!.split(',')) {
      const name = part.replace(/^\s*type\s+/, '').split(/\s+as\s+/).pop()!.trim();
      if (name) names.add(name);
    }
  }
  return names;
}

/**
 * Rules 3 and 4: the block as a module, with an import added for every name of `entries`
 * (module specifier → exported names) that it uses but does not import.
 */
export function asModule(code: string, entries: Record<string, readonly string[]>): string {
  const imported = importedNames(code);
  const declared = new Set(declaredNames(code));
  const added: string[] = [];
  for (const [specifier, names] of Object.entries(entries)) {
    const used = names.filter((name) => !imported.has(name) && !declared.has(name) && new RegExp(`(?<![.\\w$])${name}\\s*\\(`).test(code));
    if (used.length > 0) added.push(`import { ${used.join(', ')} } from '${specifier}';`);
  }
  return `${added.join('\n')}${added.length ? '\n' : ''}${code}\nexport {};\n`;
}

/** Rule 6: what the README leaves to the reader, declared for every block. `PACKAGE` is replaced. */
export const PLACEHOLDERS = `// The README's placeholders (see test/contract/reference-readme.ts, rule 6).
declare function saveTokens(tokens: unknown): Promise<void>;
declare function saveAuthMethod(userId: string, method: unknown): Promise<void>;
declare function addUserToTeam(userId: string, teamId: string): Promise<void>;
declare function trackFeatureActivation(userId: string, feature: string): Promise<void>;
declare function notifyMonitoring(event: string, data: unknown): Promise<void>;
declare const analytics: { track(event: string, data: unknown): Promise<void> };
declare const thirdPartyClient: { authenticate(token: string): void };
declare function AdvancedAnalytics(): import('react').ReactNode;
declare function BasicAnalytics(): import('react').ReactNode;
declare const request: import('next/server').NextRequest;
declare const req: import('next/server').NextRequest;
declare const headers: Headers;
declare const session: import('PACKAGE').Session;
`;
