import 'server-only';
/**
 * Path globs in Next's matcher syntax (path-to-regexp 6, as Next compiles `config.matcher`),
 * compiled once when the proxy is created. A bad pattern fails right there, naming the option.
 */
import { parse, tokensToRegexp } from 'path-to-regexp';
import { AuthKitConfigError } from '../../shared/errors.js';

export type PathMatcher = (pathname: string) => boolean;

function compileOne(pattern: unknown, option: string): RegExp {
  if (typeof pattern !== 'string' || !pattern.startsWith('/')) {
    throw new AuthKitConfigError(option, `${JSON.stringify(pattern)} is not a path pattern. Use Next.js matcher syntax, e.g. '/about' or '/admin/:path*'.`);
  }
  try {
    const url = new URL(pattern, 'https://placeholder.invalid');
    return tokensToRegexp(parse(`${url.pathname}${url.hash}`));
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
  return (pathname) => regexps.some((regexp) => regexp.test(pathname));
}
