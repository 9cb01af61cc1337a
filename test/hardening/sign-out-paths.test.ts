/**
 * Property: no return path the kit produces starts with `//` or `/\` (a browser reads both as
 * another host), whatever the entry point and whatever the caller passes: `signOut({ returnTo })`
 * signed in (the `return_to` WorkOS's logout gets) and signed out (the kit's own redirect),
 * `signOutAction`, and `switchToOrganization({ returnTo })`. Values are hostile paths, arbitrary
 * text, and absolute URLs on the app's own origin and on another one (`http://app//evil.example/x`,
 * `http://app/\evil`, `http://app/x/..//evil` …), whose path is what the kit used to pass on.
 * (The auth route, the proxy and `getSignInUrl` are covered by return-paths.test.ts.)
 */
import fc from 'fast-check';
import { beforeEach, describe, expect, it, vi } from 'vitest';
vi.mock('next/headers', async () => (await import('../../src/testing/next-headers.js')).nextHeadersMock);
vi.mock('next/cache', () => ({ revalidatePath: () => {}, revalidateTag: () => {} }));
import { mockRequest } from '../../src/testing/next-headers.js';
import { signOutAction } from '../../src/actions/index.js';
import { signOut } from '../../src/server/auth/sign-out.js';
import { switchToOrganization } from '../../src/server/auth/switch-organization.js';
import { emulatorSuite } from '../support/emulator-suite.js';
import { redirectOf } from '../support/http.js';
import { mintSession } from '../support/sessions.js';
import { anyText, hostilePath, isSameOriginPath, outcomes, runs } from './support/hostile.js';

const APP = 'http://localhost:3000';
const suite = emulatorSuite();
const stats = outcomes('sign-out return paths');
beforeEach(() => {
  vi.spyOn(console, 'warn').mockImplementation(() => {});
});

/** Hostile text, and absolute URLs on this origin or another whose path is hostile. */
const returnTo = fc.oneof(
  anyText,
  hostilePath.map((path) => `${APP}${path.startsWith('/') ? '' : '/'}${path}`),
  fc.constantFrom('//evil.example/x', '/\\evil.example', '/x/..//evil.example', '/.//evil.example').map((path) => `${APP}${path}`),
  hostilePath.map((path) => `https://other.example${path.startsWith('/') ? '' : '/'}${path}`),
  fc.constantFrom('/bye', '/signed-out?from=menu#top', `${APP}/bye?x=1`, 'https://other.example/signed-out'),
);

/** The URL's own path (path + query + hash) as a browser would request it. */
const pathOf = (url: URL) => `${url.pathname}${url.search}${url.hash}`;

/** A redirect the kit sends: on the app's origin, a same-origin path; elsewhere WorkOS's logout. */
function checkRedirect(location: string): void {
  const url = new URL(location, APP);
  if (url.origin === APP) {
    expect(location.startsWith('//') || location.startsWith('/\\')).toBe(false);
    expect(isSameOriginPath(pathOf(url))).toBe(true);
    stats.count('to the app');
    return;
  }
  expect(`${url.origin}${url.pathname}`).toBe(`${suite.emulator.url}/user_management/sessions/logout`);
  const back = url.searchParams.get('return_to');
  if (back === null) return stats.count('to WorkOS, no return_to');
  // WorkOS's logout only takes absolute URLs; whatever origin, the path must be a plain path.
  const target = new URL(back);
  expect(['http:', 'https:']).toContain(target.protocol);
  expect(isSameOriginPath(pathOf(target))).toBe(true);
  stats.count(target.origin === APP ? 'to WorkOS, back to the app' : 'to WorkOS, back elsewhere');
}

async function signedIn(): Promise<void> {
  const { sealed } = await mintSession(suite.emulator, { organization_id: 'org_acme' });
  mockRequest.reset({ cookies: { 'wos-session': sealed } });
}

describe('return paths of sign-out and organization switches (property)', () => {
  it('signOut({ returnTo }) and signOutAction, signed in or out, never produce // or /\\ paths', async () => {
    await fc.assert(
      fc.asyncProperty(returnTo, fc.constantFrom('signOut', 'signOutAction', 'form'), fc.boolean(), async (value, entry, withSession) => {
        if (withSession) await signedIn();
        else mockRequest.reset();
        const form = new FormData();
        form.set('returnTo', value);
        const call = entry === 'signOut' ? () => signOut({ returnTo: value }) : () => signOutAction(entry === 'form' ? form : { returnTo: value });
        checkRedirect((await redirectOf(call)).url);
      }),
      { numRuns: runs(400) },
    );
    stats.report();
  });

  it('switchToOrganization({ returnTo }) redirects only to a same-origin path', async () => {
    await fc.assert(
      fc.asyncProperty(returnTo, async (value) => {
        await signedIn();
        checkRedirect((await redirectOf(() => switchToOrganization('org_globex', { returnTo: value }))).url);
      }),
      { numRuns: runs(60) },
    );
  });
});
