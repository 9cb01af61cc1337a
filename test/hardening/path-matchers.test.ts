/**
 * Property: `middlewareAuth.unauthenticatedPaths` and `signUpPaths` give the same answer as Next's
 * own matcher for the same pattern and request path, and a pattern Next would refuse is refused
 * when the proxy is created, with an error naming the option.
 *
 * The oracle is Next itself: `getMiddlewareMatchers` (how `next build` compiles `config.matcher`,
 * with its vendored path-to-regexp, wrapped to accept the transport forms of a page:
 * `/_next/data/<build>/….json`, `….rsc`, segment prefetches, `/index` for the root) and the runtime
 * rule of `resolve-routes` (the regexp is tried on the raw pathname and on its decoded form).
 */
import { createRequire } from 'node:module';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { setTestEnv } from '../support/env.js';
import { authkitProxy } from '../../src/server/proxy/authkit-proxy.js';
import { compilePathMatcher } from '../../src/shared/path-matchers.js';
import { TestBrowser } from '../support/http.js';
import { AuthKitConfigError } from '../../src/shared/errors.js';
import { outcomes, runs } from './support/hostile.js';

type NextMatcher = { regexp: string };
const require = createRequire(import.meta.url);
const { getMiddlewareMatchers } = require('next/dist/build/analysis/get-page-static-info.js') as {
  getMiddlewareMatchers: (matcher: string[], nextConfig: object) => NextMatcher[];
};
const { MiddlewareConfigInputSchema } = require('next/dist/build/segment-config/middleware/middleware-config.js') as {
  MiddlewareConfigInputSchema: { safeParse: (value: unknown) => { success: boolean } };
};

class NextRefused extends Error {}

const nextCache = new Map<string, RegExp | null>();
/** Next's compiled matcher for `pattern`, or null when `next build` would refuse it. */
function nextMatcher(pattern: string): RegExp | null {
  if (nextCache.has(pattern)) return nextCache.get(pattern)!;
  // Next reports a bad matcher and exits the build; here the exit becomes an exception.
  const exit = vi.spyOn(process, 'exit').mockImplementation(() => {
    throw new NextRefused();
  });
  const quiet = vi.spyOn(console, 'error').mockImplementation(() => {});
  let result: RegExp | null;
  try {
    // `next build` first validates the config as written (parseMiddlewareConfig), then compiles it.
    if (!MiddlewareConfigInputSchema.safeParse({ matcher: [pattern] }).success) throw new NextRefused();
    const [compiled] = getMiddlewareMatchers([pattern], {});
    result = compiled?.regexp ? new RegExp(compiled.regexp) : null;
  } catch {
    result = null;
  } finally {
    exit.mockRestore();
    quiet.mockRestore();
  }
  nextCache.set(pattern, result);
  return result;
}

/** Next's runtime rule (resolve-routes): the raw pathname, or its decoded form, matches. */
function nextMatches(regexp: RegExp, pathname: string): boolean {
  let decoded = pathname;
  try {
    decoded = decodeURIComponent(pathname);
  } catch {
    // not decodable: only the raw form is tried
  }
  return regexp.test(pathname) || regexp.test(decoded);
}

const WORDS = ['a', 'b', 'api', 'blog', 'docs', 'x', 'A', 'Blog', 'API', '1', '42', 'foo-bar', 'v1.2', 'a_b', '~u', 'caf%C3%A9', 'a%20b', '%2F', 'sign-up'];
const word = fc.constantFrom(...WORDS);
const name = fc.constantFrom('id', 'slug', 'path', 'rest', 'p0');
const modifier = fc.constantFrom('', '', '?', '*', '+');
const regex = fc.constantFrom('.*', '\\d+', '[a-z]+', '(?!api).*', '[^/]+', 'a|b', '.+');

/** One piece of a Next matcher: a word, a named parameter, a custom regexp, or a `{…}` group. */
const piece: fc.Arbitrary<string> = fc.oneof(
  { weight: 4, arbitrary: word },
  { weight: 3, arbitrary: fc.tuple(name, modifier).map(([n, m]) => `:${n}${m}`) },
  { weight: 2, arbitrary: fc.tuple(fc.option(name), regex, modifier).map(([n, r, m]) => `${n ? `:${n}` : ''}(${r})${m}`) },
  { weight: 2, arbitrary: fc.tuple(fc.constantFrom('', '-', '/', '.'), name, fc.constantFrom('', '-'), modifier).map(([p, n, s, m]) => `{${p}:${n}${s}}${m}`) },
);

/** A pattern: slash-separated pieces (sometimes glued), now and then broken the ways people break them. */
const pattern: fc.Arbitrary<string> = fc.oneof(
  { weight: 10, arbitrary: fc.array(fc.tuple(fc.constantFrom('/', '/', '/', ''), piece), { minLength: 1, maxLength: 4 }).map((parts) => `/${parts.map(([sep, p]) => sep + p).join('').replace(/^\/+/, '')}`) },
  { weight: 1, arbitrary: fc.constant('/') },
  {
    weight: 3,
    arbitrary: fc
      .tuple(fc.array(piece, { minLength: 1, maxLength: 3 }), fc.constantFrom('(', ')', '{', '}', ':', '?', '*', '+', '\\', '?x=1', '#top', '', '//', ' '), fc.nat(40))
      .map(([parts, junk, at]) => {
        const clean = `/${parts.join('/')}`;
        const cut = at % (clean.length + 1);
        return `${clean.slice(0, cut)}${junk}${clean.slice(cut)}`;
      }),
  },
  { weight: 1, arbitrary: fc.string({ maxLength: 12 }) },
);

/** A request path: words, a trailing slash now and then, and sometimes one of Next's transport forms of it. */
const pagePath: fc.Arbitrary<string> = fc
  .tuple(
    fc.array(word, { maxLength: 5 }),
    fc.boolean(),
    fc.constantFrom('', '', '', '', '/_next/data/build1'),
    fc.constantFrom('', '', '', '', '.json', '.rsc', '.segments/_tree.segment.rsc', '/index', '/index.json'),
  )
  .map(([words, slash, prefix, suffix]) => {
    const page = `/${words.join('/')}`;
    if (!suffix) return `${prefix}${page}${slash && words.length > 0 ? '/' : ''}`;
    if (page !== '/') return `${prefix}${page}${suffix}`;
    return `${prefix}${suffix.startsWith('/') ? suffix : `/index${suffix}`}`; // the root's forms
  });

let restoreEnv: () => void;
const seen = outcomes('path matchers');
beforeAll(() => {
  restoreEnv = setTestEnv();
});
afterAll(() => {
  restoreEnv();
  seen.report();
});

describe('unauthenticatedPaths / signUpPaths against Next’s matcher (property)', () => {
  it('accepts exactly the patterns Next accepts, and then matches exactly the paths Next matches', () => {
    fc.assert(
      fc.property(pattern, fc.array(pagePath, { minLength: 1, maxLength: 8 }), (source, paths) => {
        const next = nextMatcher(source);
        let kit: ((path: string) => boolean) | undefined;
        try {
          kit = compilePathMatcher([source], 'middlewareAuth.unauthenticatedPaths');
        } catch (error) {
          expect(error).toBeInstanceOf(AuthKitConfigError);
          expect((error as Error).message).toMatch(/^middlewareAuth\.unauthenticatedPaths: .+/);
          expect(next, `Next accepts ${JSON.stringify(source)}, the kit refused it`).toBeNull();
          seen.count('pattern refused by both');
          return;
        }
        expect(next, `Next refuses ${JSON.stringify(source)}, the kit accepted it`).not.toBeNull();
        seen.count('pattern accepted by both');
        for (const path of paths) {
          const answer = nextMatches(next!, path);
          expect(kit(path), `${JSON.stringify(source)} on ${path}`).toBe(answer);
          seen.count(answer ? 'pair: match' : 'pair: no match');
        }
      }),
      { numRuns: runs(4_000) },
    );
  });

  it('the proxy lets exactly the paths Next would match through without a session', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(pattern, { minLength: 1, maxLength: 3 }), pagePath, async (sources, path) => {
        const next = sources.map(nextMatcher);
        if (next.some((regexp) => regexp === null)) {
          expect(() => authkitProxy({ middlewareAuth: { enabled: true, unauthenticatedPaths: sources } })).toThrow(AuthKitConfigError);
          return;
        }
        const proxy = authkitProxy({ middlewareAuth: { enabled: true, unauthenticatedPaths: sources } });
        const response = await proxy(new TestBrowser().request(path));
        const isPublic = next.some((regexp) => nextMatches(regexp!, path));
        expect(response.status, `${JSON.stringify(sources)} on ${path}`).toBe(isPublic ? 200 : 307);
      }),
      { numRuns: runs(600) },
    );
  });

  it('rejects a non-array, a non-string entry or a pattern without a leading slash, naming the option', () => {
    for (const bad of ['/about', [42], ['about'], [''], [null]]) {
      expect(() => authkitProxy({ signUpPaths: bad as string[] })).toThrow(/^signUpPaths: /);
    }
  });
});
