/**
 * The documentation stays true to the repository: every relative link and image resolves to a
 * file (and every `#anchor` to a heading there), every error code has its section in
 * docs/errors.md (messages and readers link to `docs/errors.md#<code>`), every environment variable
 * the configuration reads has its row in docs/configuration.md, and every `npm run` command the
 * docs give is a script of package.json.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { AuthKitErrorCode } from '../../src/shared/errors.js';
import { headingAnchors, isExternal, linkTargets, proseLines, secondLevelHeadings } from '../support/markdown.js';
import { repoRoot } from './package-exports.js';

const DOCUMENTS = [
  'README.md', 'CONTRIBUTING.md', 'SECURITY.md', 'bench/README.md', 'test/hardening/README.md', 'example/README.md',
  ...readdirSync(join(repoRoot, 'docs')).filter((name) => name.endsWith('.md')).map((name) => `docs/${name}`),
];

const read = (path: string) => readFileSync(join(repoRoot, path), 'utf8');

/** Every code of the union, once; the type below fails `npm run typecheck` when one is missing. */
const ERROR_CODES = [
  'missing_auth_params', 'missing_pkce_cookie', 'oauth_state_mismatch', 'missing_tokens', 'authentication_failed',
  'authorization_error', 'config_invalid', 'token_refresh_failed', 'workos_response_invalid', 'provider_missing',
  'server_component_only', 'session_in_cache_scope', 'unknown',
] as const satisfies readonly AuthKitErrorCode[];
type Unlisted = Exclude<AuthKitErrorCode, (typeof ERROR_CODES)[number]>;
const everyCodeListed: [Unlisted] extends [never] ? true : Unlisted = true;

/** The links of one document that do not resolve, as `target (why)`. */
function brokenLinks(document: string): string[] {
  const broken: string[] = [];
  for (const target of linkTargets(read(document))) {
    if (isExternal(target)) continue;
    const [path = '', anchor] = target.split('#');
    const file = path === '' ? join(repoRoot, document) : join(repoRoot, dirname(document), decodeURIComponent(path));
    if (!existsSync(file)) {
      broken.push(`${target} (no such file)`);
    } else if (anchor !== undefined && file.endsWith('.md') && !headingAnchors(readFileSync(file, 'utf8')).has(anchor)) {
      broken.push(`${target} (no heading #${anchor} in ${relative(repoRoot, file)})`);
    }
  }
  return broken;
}

/**
 * The settings a non-test module of src/server reads as `process.env.NAME` (config.ts alone, by
 * convention): `WORKOS_*`, `NEXT_PUBLIC_WORKOS_*` and `AUTHKIT_*`, not Next's own (`NODE_ENV`, `NEXT_RUNTIME`).
 */
function variablesRead(dir = join(repoRoot, 'src/server')): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return variablesRead(path);
    if (!/\.tsx?$/.test(entry.name) || /\.test\.tsx?$/.test(entry.name)) return [];
    return [...readFileSync(path, 'utf8').matchAll(/process\.env\.((?:NEXT_PUBLIC_)?(?:WORKOS|AUTHKIT)_[A-Z0-9_]+)/g)].map((match) => match[1]!);
  });
}

describe('the documentation', () => {
  it.each(DOCUMENTS)('%s: every relative link and image resolves, anchors included', (document) => {
    expect(brokenLinks(document)).toEqual([]);
  });

  it('checks the pages users are sent to (the README links into docs/, which links back)', () => {
    expect(DOCUMENTS).toEqual(expect.arrayContaining(['docs/errors.md', 'docs/configuration.md', 'docs/README.md']));
    expect(linkTargets(read('README.md'))).toEqual(expect.arrayContaining(['docs/README.md', 'docs/errors.md', 'CONTRIBUTING.md']));
  });

  it('the package ships the guide: every link from the README and SECURITY.md into docs/ resolves inside the packed files', () => {
    const [pack] = JSON.parse(execFileSync('npm', ['pack', '--dry-run', '--json', '--ignore-scripts'], { cwd: repoRoot, encoding: 'utf8' })) as [{ files: Array<{ path: string }> }];
    const packed = new Set(pack.files.map((file) => file.path));
    const intoDocs = ['README.md', 'SECURITY.md'].flatMap((document) =>
      linkTargets(read(document)).filter((target) => target.startsWith('docs/') && target.split('#')[0]!.endsWith('.md')),
    );
    expect(intoDocs.length).toBeGreaterThan(10);
    expect(intoDocs.filter((target) => !packed.has(target.split('#')[0]!))).toEqual([]);
    for (const guide of [...packed].filter((path) => path.startsWith('docs/'))) {
      const missing = linkTargets(read(guide)).filter((target) => !isExternal(target) && /^[\w-]+\.md(#|$)/.test(target) && !packed.has(`docs/${target.split('#')[0]}`));
      expect(missing, guide).toEqual([]);
    }
  });

  it('docs/errors.md has one ## section per error code, its anchor the code, and no section for a code that does not exist', () => {
    expect(everyCodeListed).toBe(true);
    const sections = secondLevelHeadings(read('docs/errors.md')).filter((heading) => /^[a-z_]+$/.test(heading));
    expect([...sections].sort()).toEqual([...ERROR_CODES].sort());
    const anchors = headingAnchors(read('docs/errors.md'));
    for (const code of ERROR_CODES) expect(anchors.has(code), code).toBe(true);
  });

  it('every error code the union declares in src/shared/errors.ts is one the docs list', () => {
    const source = read('src/shared/errors.ts').replace(/\/\*\*[\s\S]*?\*\//g, '');
    const callback = /const CALLBACK_ERROR_CODES = \[([^\]]*)\]/.exec(source)?.[1] ?? '';
    const union = /export type AuthKitErrorCode =([^;]*);/.exec(source)?.[1] ?? '';
    const declared = [...`${callback}${union}`.matchAll(/'([a-z_]+)'/g)].map((match) => match[1]!);
    expect(declared.sort()).toEqual([...ERROR_CODES].sort());
  });

  it('docs/configuration.md has a row for every variable the configuration reads, and none it does not read', () => {
    const variables = new Set(variablesRead());
    const rows = proseLines(read('docs/configuration.md'))
      .map((line) => /^\| `([A-Z][A-Z0-9_]*)` \|/.exec(line)?.[1])
      .filter((name): name is string => name !== undefined);
    expect(rows.length).toBe(new Set(rows).size);
    expect([...rows].sort()).toEqual([...variables].sort());
  });

  it.each(DOCUMENTS)('%s: every npm command it gives is a script of package.json', (document) => {
    const scripts = Object.keys((JSON.parse(read('package.json')) as { scripts: Record<string, string> }).scripts);
    const named = [...read(document).matchAll(/\bnpm (?:run ([\w:-]+)|(start|test)\b)/g)].map((match) => match[1] ?? match[2]!);
    expect(named.filter((name) => !scripts.includes(name))).toEqual([]);
  });
});
