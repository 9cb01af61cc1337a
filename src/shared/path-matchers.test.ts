/**
 * `unauthenticatedPaths` / `signUpPaths` patterns mean what they mean in Next's `config.matcher`
 * (test/hardening/path-matchers.test.ts checks this against Next itself for generated patterns).
 */
import { describe, expect, it } from 'vitest';
import { AuthKitConfigError } from './errors.js';
import { compilePathMatcher } from './path-matchers.js';

const matches = (pattern: string, path: string) => compilePathMatcher([pattern], 'signUpPaths')(path);

describe('compilePathMatcher (regressions found by the hardening suite)', () => {
  it('keeps optional parameters and {…} groups (they used to be cut off by URL parsing)', () => {
    expect(matches('/blog/:slug?', '/blog')).toBe(true);
    expect(matches('/blog/:slug?', '/blog/first')).toBe(true);
    expect(matches('/file{-:version}?', '/file')).toBe(true);
    expect(matches('/file{-:version}?', '/file-2')).toBe(true);
  });

  it("accepts Next's usual negative-lookahead matcher (it used to throw)", () => {
    expect(matches('/((?!api|_next/static).*)', '/dashboard')).toBe(true);
    expect(matches('/((?!api|_next/static).*)', '/api/data')).toBe(false);
    expect(matches('///{:id}', '///x')).toBe(true);
  });

  it('is case-sensitive, like Next (it used to make /ADMIN match /admin)', () => {
    expect(matches('/admin', '/admin')).toBe(true);
    expect(matches('/admin', '/ADMIN')).toBe(false);
  });

  it('tries the decoded pathname too, like Next', () => {
    expect(matches('/caf\u00e9', '/caf%C3%A9')).toBe(true);
    expect(matches('/a b', '/a%20b')).toBe(true);
  });

  it("matches the page's transport forms, like Next", () => {
    expect(matches('/about', '/about.rsc')).toBe(true);
    expect(matches('/about', '/_next/data/build-1/about.json')).toBe(true);
    expect(matches('/', '/index.rsc')).toBe(true);
    expect(matches('/about', '/about-us')).toBe(false);
  });

  it("repeats a group without prefix the way Next does, and still refuses what Next refuses", () => {
    expect(matches('/x{:rest}*', '/x/a/b')).toBe(true);
    expect(() => compilePathMatcher(['/blog/(unclosed'], 'signUpPaths')).toThrow(AuthKitConfigError);
    expect(() => compilePathMatcher(['/about?x=1'], 'signUpPaths')).toThrow(/^signUpPaths: "\/about\?x=1" is not a valid Next\.js matcher/);
  });
});
