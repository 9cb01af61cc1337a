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

/** Headers as the proxy forwards them: its Cookie header holds the session it settled on. */
function forwardedWith(session: string): Headers {
  return new Headers({ cookie: `theme=dark; ${sessionRoot().config.cookieName}=${encodeURIComponent(session)}` });
}

describe('forwarded context', () => {
  it('round-trips, and refuses any value changed after signing', async () => {
    const headers = forwardedWith('Fe26.2*seal');
    await writeForwardedContext(sessionRoot(), headers, { session: 'Fe26.2*seal', path: '/a?b=1', redirectUri: 'http://localhost:3000/callback', signUpPaths: ['/join'] });
    expect(await readForwardedContext(sessionRoot(), headers)).toEqual({ session: 'Fe26.2*seal', path: '/a?b=1', redirectUri: 'http://localhost:3000/callback', signUpPaths: ['/join'] });
    const moved = new Headers(headers);
    moved.set(FORWARDED_HEADERS.url, '/elsewhere');
    expect(await readForwardedContext(sessionRoot(), moved)).toBeUndefined();
    expect(await readForwardedContext(sessionRoot(), new Headers({ [SIGNATURE_HEADER]: '0'.repeat(64), [FORWARDED_HEADERS.url]: '/' }))).toBeUndefined();
  });

  it('binds the session the forwarded Cookie header holds: another cookie, or none, fails the signature', async () => {
    const headers = forwardedWith('Fe26.2*alice');
    await writeForwardedContext(sessionRoot(), headers, { session: 'Fe26.2*alice', path: '/' });
    for (const cookie of [`${sessionRoot().config.cookieName}=Fe26.2*bob`, 'theme=dark', null]) {
      const swapped = new Headers(headers);
      if (cookie === null) swapped.delete('cookie');
      else swapped.set('cookie', cookie);
      expect(await readForwardedContext(sessionRoot(), swapped)).toBeUndefined();
    }
  });

  it('reads a signed-out hand-over (no session cookie) as the empty session', async () => {
    const headers = new Headers({ cookie: 'theme=dark' });
    await writeForwardedContext(sessionRoot(), headers, { session: '', path: '/pricing' });
    expect(await readForwardedContext(sessionRoot(), headers)).toEqual({ session: '', path: '/pricing', redirectUri: undefined, signUpPaths: undefined });
  });

  it('reads a session split into cookie chunks as the joined value', async () => {
    const name = sessionRoot().config.cookieName;
    const headers = new Headers({ cookie: `${name}.0=Fe26.2*first; other=1; ${name}.1=half~2` });
    await writeForwardedContext(sessionRoot(), headers, { session: 'Fe26.2*firsthalf~2', path: '/' });
    expect(await readForwardedContext(sessionRoot(), headers)).toMatchObject({ session: 'Fe26.2*firsthalf~2' });
  });

  // Found by test/hardening/session-cookies.test.ts: Headers trims surrounding whitespace, so the
  // signature must cover what the headers carry, not what the proxy was given.
  it('signs what the headers carry when a value has surrounding whitespace', async () => {
    const headers = forwardedWith('Fe26.2*seal~2');
    await writeForwardedContext(sessionRoot(), headers, { session: 'Fe26.2*seal~2', path: '/ ', redirectUri: ' http://localhost:3000/callback' });
    expect(await readForwardedContext(sessionRoot(), headers)).toMatchObject({ session: 'Fe26.2*seal~2', path: '/', redirectUri: 'http://localhost:3000/callback' });
  });
});
