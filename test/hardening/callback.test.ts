/**
 * Property: whatever a callback URL carries (`code`, `state`, `error` in any combination, valid or
 * forged) and whatever flow cookies the browser holds (its own, another tab's, another
 * browser's, tampered, expired, of another purpose), `handleAuth()` answers with a sign-in or
 * with a `CallbackError` of exactly the right code, handed to `onError` once: nothing else, never
 * a throw, and no code or state value in the error.
 */
import fc from 'fast-check';
import { afterAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { signInThroughHostedPage } from '../support/hosted-sign-in.js';
import { flowCookieName } from '../../src/shared/flow-cookie-name.js';
import { handleAuth } from '../../src/server/callback/handle-auth.js';
import { sealForPurpose } from '../../src/server/session/session-seal.js';
import { emulatorSuite } from '../support/emulator-suite.js';
import { TestBrowser } from '../support/http.js';
import { mintSession } from '../support/sessions.js';
import { CallbackError, type CallbackErrorCode } from '../../src/shared/errors.js';
import { anyText, isSameOriginPath, outcomes, runs } from './support/hostile.js';
import { sessionRoot } from '../../src/server/root/current-root.js';

const ORIGIN = 'http://localhost:3000';
const suite = emulatorSuite();
const seen = outcomes('callback');
afterAll(() => seen.report());
beforeEach(() => {
  vi.spyOn(console, 'warn').mockImplementation(() => {});
});

interface Flow {
  state: string;
  cookieName: string;
  cookieValue: string;
  authorizeUrl: string;
}

async function startFlow(): Promise<Flow> {
  const browser = new TestBrowser();
  const response = browser.receive(await handleAuth()(browser.request('/callback')));
  const authorizeUrl = response.headers.get('location')!;
  const state = new URL(authorizeUrl).searchParams.get('state')!;
  const [cookieName, cookieValue] = [...browser.jar][0]!;
  expect(cookieName).toBe(flowCookieName(state));
  return { state, cookieName, cookieValue, authorizeUrl };
}

async function codeFor(flow: Flow): Promise<string> {
  const back = await signInThroughHostedPage(flow.authorizeUrl, 'bob@example.com');
  return back.searchParams.get('code')!;
}

/** Choices with weights, so most runs get past the first checks to the cookie and the code. */
const weighted = <T extends string>(choices: Record<T, number>) =>
  fc.oneof(...(Object.entries(choices) as [T, number][]).map(([value, weight]) => ({ weight, arbitrary: fc.constant(value) })));
const param = <T extends string>(...choices: T[]) => fc.constantFrom(...choices);

const scenario = fc.record({
  code: weighted({ absent: 1, empty: 1, random: 3, 'valid-mine': 4, 'valid-other': 2 }),
  state: weighted({ absent: 1, empty: 1, random: 1, mine: 6, other: 2, 'mine-extended': 1 }),
  error: fc.oneof({ weight: 12, arbitrary: param('absent') }, { weight: 1, arbitrary: param('empty', 'access_denied') }, { weight: 1, arbitrary: anyText }),
  errorDescription: fc.option(anyText),
  /** What the browser holds under the name its own flow's state points to. */
  cookie: param('mine', 'mine', 'none', 'empty', 'other-flow', 'tampered', 'garbage', 'session-seal', 'custom-state-seal', 'expired'),
  /** Another tab's flow cookie, under its own name. */
  otherTab: fc.boolean(),
  junk: fc.array(fc.tuple(fc.stringMatching(/^[0-9a-f]{8}$/), anyText), { maxLength: 3 }),
  random: anyText,
  withOnError: fc.boolean(),
});
type Scenario = typeof scenario extends fc.Arbitrary<infer T> ? T : never;

/** The documented outcome (internals §4, README "The auth route"). */
function expectedOutcome(s: Scenario, query: URLSearchParams, mine: Flow, other: Flow, jar: Map<string, string>): CallbackErrorCode | 'signed-in' | 'start' {
  if (!query.has('code') && !query.has('state') && !query.has('error')) return 'start';
  if (query.get('error')) return 'authorization_error';
  const code = query.get('code');
  const state = query.get('state');
  if (!code || !state) return 'missing_auth_params';
  const value = jar.get(flowCookieName(state));
  if (!value) return 'missing_pkce_cookie';
  const flow = [mine, other].find((candidate) => candidate.state === state && candidate.cookieValue === value);
  if (!flow || s.cookie === 'expired') return 'oauth_state_mismatch';
  const codeFromThisFlow = (s.code === 'valid-mine' && flow === mine) || (s.code === 'valid-other' && flow === other);
  return codeFromThisFlow ? 'signed-in' : 'authentication_failed';
}

async function cookieValue(kind: Scenario['cookie'], mine: Flow, other: Flow, random: string): Promise<string | undefined> {
  switch (kind) {
    case 'mine':
    case 'expired':
      return mine.cookieValue;
    case 'none':
      return undefined;
    case 'empty':
      return '';
    case 'other-flow':
      return other.cookieValue;
    case 'tampered':
      return mine.cookieValue.replace(/\*(.)/, (_m, c: string) => `*${c === 'A' ? 'B' : 'A'}`);
    case 'garbage':
      return random;
    case 'session-seal':
      return (await mintSession(suite.emulator)).sealed;
    case 'custom-state-seal':
      return sealForPurpose(sessionRoot(), 'custom-state', { state: mine.state }, 0);
  }
}

describe('callback query strings and flow cookies (property)', () => {
  it('sign in, or a CallbackError with exactly the right code, and nothing else', async () => {
    await fc.assert(
      fc.asyncProperty(scenario, async (s) => {
        const [mine, other] = await Promise.all([startFlow(), startFlow()]);
        const codes = { 'valid-mine': () => codeFor(mine), 'valid-other': () => codeFor(other) } as const;
        const query = new URLSearchParams();
        if (s.code !== 'absent') query.set('code', s.code === 'empty' ? '' : s.code === 'random' ? s.random : await codes[s.code]());
        const states = { empty: '', random: s.random, mine: mine.state, other: other.state, 'mine-extended': `${mine.state}x` } as const;
        if (s.state !== 'absent') query.set('state', states[s.state]);
        if (s.error !== 'absent') query.set('error', s.error === 'empty' ? '' : s.error);
        if (s.errorDescription !== null) query.set('error_description', s.errorDescription);

        const browser = new TestBrowser();
        const mineValue = await cookieValue(s.cookie, mine, other, s.random);
        if (mineValue !== undefined) browser.jar.set(mine.cookieName, mineValue);
        if (s.otherTab) browser.jar.set(other.cookieName, other.cookieValue);
        for (const [hash, value] of s.junk) browser.jar.set(`wos-auth-verifier-${hash}`, value);
        const expected = expectedOutcome(s, query, mine, other, browser.jar);

        const errors: unknown[] = [];
        const GET = handleAuth(s.withOnError ? { onError: ({ error }) => (errors.push(error), new Response('handled', { status: 499 })) } : {});
        if (s.cookie === 'expired') {
          vi.useFakeTimers({ toFake: ['Date'] });
          vi.setSystemTime(Date.now() + 11 * 60_000); // the flow cookie's seal lives 10 minutes
        }
        let response: Response;
        try {
          response = await GET(browser.request(`/callback?${query}`));
        } finally {
          vi.useRealTimers();
        }
        seen.count(expected);

        if (expected === 'start') {
          expect(response.status).toBe(302);
          expect(response.headers.get('location')).toMatch(/\/user_management\/authorize\?/);
          expect(errors).toEqual([]);
          return;
        }
        if (expected === 'signed-in') {
          expect(response.status).toBe(307);
          expect(isSameOriginPath(new URL(response.headers.get('location')!).pathname)).toBe(true);
          expect(new URL(response.headers.get('location')!).origin).toBe(ORIGIN);
          expect(response.headers.getSetCookie().join('\n')).toMatch(/^wos-session=Fe26\.2/m);
          expect(errors).toEqual([]);
          return;
        }
        // A failure: the right code, once; no session written; this state's flow cookie expired.
        let code: string;
        if (s.withOnError) {
          expect(response.status).toBe(499);
          expect(errors).toHaveLength(1);
          expect(errors[0]).toBeInstanceOf(CallbackError);
          const error = errors[0] as CallbackError;
          code = error.code;
          for (const secret of [query.get('code'), query.get('state')]) {
            if (secret && secret.length >= 6) expect(error.message).not.toContain(secret);
          }
          expect(JSON.stringify(error.context)).not.toContain(mine.state);
        } else {
          expect(response.status).toBe(['missing_tokens', 'authentication_failed'].includes(expected) ? 500 : 400);
          code = ((await response.json()) as { error: { code: string } }).error.code;
        }
        expect(code).toBe(expected);
        const setCookies = response.headers.getSetCookie();
        expect(setCookies.join('\n')).not.toMatch(/^wos-session=Fe26/m);
        const state = query.get('state');
        if (state) expect(setCookies).toContainEqual(expect.stringMatching(new RegExp(`^${flowCookieName(state)}=; .*Max-Age=0`)));
      }),
      { numRuns: runs(600) },
    );
  });
});
