/**
 * Path globs in Next's matcher syntax, compiled the way `next build` compiles `config.matcher`
 * (`getMiddlewareMatchers`): the raw pattern through path-to-regexp 6 (no URL parsing, so `?`
 * modifiers, `{…}` groups and `(?!…)` lookaheads keep their meaning), wrapped so the same page in
 * its transport forms matches too, only the regexp's source (case-sensitive), and at runtime the
 * raw pathname or its decoded form. Compiled once when the proxy is created; a bad pattern fails
 * right there, naming the option. test/hardening/path-matchers.test.ts holds it to Next's answers.
 */
import { parse, tokensToRegexp, type Token } from 'path-to-regexp';
import { AuthKitConfigError } from './errors.js';

export type PathMatcher = (pathname: string) => boolean;

// Next's wrapping (get-page-static-info): `/_next/data/<build>/….json`, `….rsc`, segment prefetches
// (`….segments/….segment.rsc`) and, for the root, `/index` are the same page.
const DATA_PREFIX = '/:nextData(_next/data/[^/]{1,})?';
const TRANSPORT = '\\.rsc|\\.segments/.+\\.segment\\.rsc';
const ROOT_SUFFIX = `(/?index|/?index\\.json|/?index(?:${TRANSPORT}))?`;
const PAGE_SUFFIX = `{(\\.json|${TRANSPORT})}?`;

/** Next's fallback for a repeated parameter without prefix or suffix: give it a '/' prefix. */
function withRepeatPrefix(tokens: Token[]): Token[] {
  return tokens.map((token) =>
    typeof token === 'object' && (token.modifier === '*' || token.modifier === '+') && token.prefix === '' && token.suffix === ''
      ? { ...token, prefix: '/' }
      : token,
  );
}

function decoded(pathname: string): string {
  try {
    return decodeURIComponent(pathname);
  } catch {
    return pathname;
  }
}

function compileOne(pattern: unknown, option: string): RegExp {
  if (typeof pattern !== 'string' || !pattern.startsWith('/')) {
    throw new AuthKitConfigError(option, `${JSON.stringify(pattern)} is not a path pattern. Use Next.js matcher syntax, e.g. '/about' or '/admin/:path*'.`);
  }
  try {
    parse(pattern); // errors point into the pattern as written
    const tokens = parse(`${DATA_PREFIX}${pattern}${pattern === '/' ? ROOT_SUFFIX : PAGE_SUFFIX}`);
    let source: string;
    try {
      source = tokensToRegexp(tokens).source;
    } catch {
      source = tokensToRegexp(withRepeatPrefix(tokens)).source; // Next's retry (route-pattern-normalizer)
    }
    return new RegExp(source);
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    throw new AuthKitConfigError(option, `${JSON.stringify(pattern)} is not a valid Next.js matcher (${reason}). Use e.g. '/admin/:path*'.`);
  }
}

/** One matcher for a list of patterns (empty list: matches nothing). */
export function compilePathMatcher(patterns: unknown, option: string): PathMatcher {
  if (patterns === undefined) return () => false;
  if (!Array.isArray(patterns)) {
    throw new AuthKitConfigError(option, 'must be an array of path patterns, e.g. [\'/\', \'/about\'].');
  }
  const regexps = patterns.map((pattern) => compileOne(pattern, option));
  return (pathname) => {
    const plain = decoded(pathname);
    return regexps.some((regexp) => regexp.test(pathname) || regexp.test(plain));
  };
}
