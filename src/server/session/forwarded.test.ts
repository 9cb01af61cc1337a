/**
 * The proxy → render hand-over signature (docs/internals.md §3).
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { FORWARDED_HEADERS } from '../../shared/constants.js';
import { setTestEnv } from '../../../test/support/env.js';
import { readForwardedContext, SIGNATURE_HEADER, writeForwardedContext } from './forwarded.js';
import { sessionRoot } from '../root/current-root.js';

let restore: () => void;
beforeEach(() => {
  restore = setTestEnv();
});
afterEach(() => restore());

describe('forwarded context', () => {
  it('round-trips, and refuses any value changed after signing', async () => {
    const headers = new Headers();
    await writeForwardedContext(sessionRoot(), headers, { session: 'Fe26.2*seal', path: '/a?b=1', redirectUri: 'http://localhost:3000/callback', signUpPaths: ['/join'] });
    expect(await readForwardedContext(sessionRoot(), headers)).toEqual({ session: 'Fe26.2*seal', path: '/a?b=1', redirectUri: 'http://localhost:3000/callback', signUpPaths: ['/join'] });
    headers.set(FORWARDED_HEADERS.url, '/elsewhere');
    expect(await readForwardedContext(sessionRoot(), headers)).toBeUndefined();
    expect(await readForwardedContext(sessionRoot(), new Headers({ [SIGNATURE_HEADER]: '0'.repeat(64), [FORWARDED_HEADERS.session]: '', [FORWARDED_HEADERS.url]: '/' }))).toBeUndefined();
  });

  // Found by test/hardening/session-cookies.test.ts: a cookie value with a trailing space still
  // unseals, but Headers trimmed it, so the signature (over the untrimmed value) never verified.
  it('signs what the headers carry when a value has surrounding whitespace', async () => {
    const headers = new Headers();
    await writeForwardedContext(sessionRoot(), headers, { session: ' Fe26.2*seal~2 ', path: '/' });
    expect(await readForwardedContext(sessionRoot(), headers)).toMatchObject({ session: 'Fe26.2*seal~2', path: '/' });
  });
});
