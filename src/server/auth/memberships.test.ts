/**
 * The per-process memberships cache behind listOrganizationMemberships(): what display costs at
 * WorkOS (counted by the emulator), how old it may get, and when it is dropped.
 */
import { afterAll, afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
vi.mock('next/headers', async () => (await import('../../testing/next-headers.js')).nextHeadersMock);
vi.mock('next/cache', () => ({ revalidatePath: vi.fn(), revalidateTag: vi.fn() }));
import { signedInRequest } from '../../../test/support/components-request.js';
import { emulatorSuite } from '../../../test/support/emulator-suite.js';
import { redirectOf } from '../../../test/support/http.js';
import { mockRequest } from '../../testing/next-headers.js';
import { MEMBERSHIPS_TTL_MS } from '../../shared/constants.js';
import { listOrganizationMemberships } from './memberships.js';
import { refreshSession } from './refresh-session.js';
import { signOut } from './sign-out.js';

const suite = emulatorSuite();
const emulator = () => suite.emulator;
const LISTING = 'GET /user_management/organization_memberships';

/** Listing calls WorkOS (the emulator) has answered so far, read from its control surface. */
async function listingCalls(): Promise<number> {
  const { counters } = (await (await fetch(`${emulator().url}/_emulator/counters`)).json()) as { counters: Record<string, number> };
  return counters[LISTING] ?? 0;
}

/** A new request (a page view) carrying `sealed`, listing the memberships as the layout's switcher does. */
async function render(sealed: string, readOnly = true) {
  mockRequest.reset({ cookies: { 'wos-session': sealed }, readOnly });
  return listOrganizationMemberships();
}

const ids = (list: { id: string; current: boolean }[]) => list.map((org) => (org.current ? `${org.id}*` : org.id));

// Each test starts with an empty cache: a new configuration empties it (this is also how a
// rotated password or another WorkOS environment never sees another's entries).
let run = 0;
beforeEach(() => {
  process.env.WORKOS_COOKIE_MAX_AGE = String(86_400 + (run += 1));
});
afterEach(() => {
  vi.useRealTimers();
});
afterAll(() => {
  delete process.env.WORKOS_COOKIE_MAX_AGE;
});

describe('the memberships cache (display)', () => {
  it('N page views of one user within the TTL make one listing call; `current` follows each request’s session', async () => {
    const inAcme = (await signedInRequest(emulator(), { user: 'alice@example.com', organizationId: 'org_acme' })).sealed;
    const inGlobex = (await signedInRequest(emulator(), { user: 'alice@example.com', organizationId: 'org_globex' })).sealed;
    for (let view = 0; view < 10; view += 1) {
      expect(ids(await render(inAcme))).toEqual(['org_acme*', 'org_globex']);
      expect(ids(await render(inGlobex))).toEqual(['org_acme', 'org_globex*']);
    }
    expect(await listingCalls()).toBe(1);
    // Another user has an entry of their own.
    const bob = (await signedInRequest(emulator(), { user: 'bob@example.com' })).sealed;
    expect(ids(await render(bob))).toEqual(['org_acme*']);
    expect(await listingCalls()).toBe(2);
  });

  it('asks WorkOS again once the TTL has passed (30 s)', async () => {
    vi.useFakeTimers({ toFake: ['Date'] });
    const { sealed } = await signedInRequest(emulator(), { user: 'alice@example.com', organizationId: 'org_acme' });
    await render(sealed);
    expect(MEMBERSHIPS_TTL_MS).toBe(30_000);
    vi.setSystemTime(Date.now() + MEMBERSHIPS_TTL_MS - 1);
    await render(sealed);
    expect(await listingCalls()).toBe(1);
    vi.setSystemTime(Date.now() + 2);
    await render(sealed);
    expect(await listingCalls()).toBe(2);
    await render(sealed);
    expect(await listingCalls()).toBe(2);
  });

  it('serves display up to the TTL stale: a membership removed at WorkOS is still listed until then', async () => {
    vi.useFakeTimers({ toFake: ['Date'] });
    const { sealed } = await signedInRequest(emulator(), { user: 'alice@example.com', organizationId: 'org_acme' });
    expect(ids(await render(sealed))).toEqual(['org_acme*', 'org_globex']);
    emulator().control.removeMembership('om_alice_globex');
    expect(ids(await render(sealed))).toEqual(['org_acme*', 'org_globex']);
    vi.setSystemTime(Date.now() + MEMBERSHIPS_TTL_MS + 1);
    expect(ids(await render(sealed))).toEqual(['org_acme*']);
  });

  it('concurrent page views share one call; a failed call is not remembered', async () => {
    const { sealed } = await signedInRequest(emulator(), { user: 'dave@example.com', organizationId: 'org_globex' });
    mockRequest.reset({ cookies: { 'wos-session': sealed }, readOnly: true });
    const lists = await Promise.all(Array.from({ length: 8 }, () => listOrganizationMemberships()));
    expect(new Set(lists.map((list) => JSON.stringify(list))).size).toBe(1);
    expect(await listingCalls()).toBe(1);

    const alice = (await signedInRequest(emulator(), { user: 'alice@example.com', organizationId: 'org_acme' })).sealed;
    emulator().control.injectFault({ endpoint: LISTING, status: 503, retry_after: 0, times: 10 });
    await expect(render(alice)).rejects.toMatchObject({ status: 503 });
    emulator().control.clearFaults();
    const callsBefore = await listingCalls();
    expect(ids(await render(alice))).toEqual(['org_acme*', 'org_globex']);
    expect(await listingCalls()).toBe(callsBefore + 1);
  });

  it('is emptied when the configuration changes', async () => {
    const { sealed } = await signedInRequest(emulator(), { user: 'alice@example.com', organizationId: 'org_acme' });
    await render(sealed);
    process.env.WORKOS_COOKIE_MAX_AGE = '3600';
    await render(sealed);
    expect(await listingCalls()).toBe(2);
  });
});

describe('fresh listings and dropped entries', () => {
  it('{ fresh: true } always asks WorkOS, and what it learns serves display from then on', async () => {
    const { sealed } = await signedInRequest(emulator(), { user: 'alice@example.com', organizationId: 'org_acme' });
    await render(sealed);
    emulator().control.removeMembership('om_alice_globex');
    expect(ids(await listOrganizationMemberships({ fresh: true }))).toEqual(['org_acme*']);
    expect(ids(await listOrganizationMemberships({ fresh: true }))).toEqual(['org_acme*']);
    expect(await listingCalls()).toBe(3);
    expect(ids(await render(sealed))).toEqual(['org_acme*']);
    expect(await listingCalls()).toBe(3);
  });

  it('a user’s entry is dropped, and their Next cache tag expired, when they switch organisation or sign out here', async () => {
    const { revalidateTag } = await import('next/cache');
    vi.mocked(revalidateTag).mockClear();
    const { sealed } = await signedInRequest(emulator(), { user: 'alice@example.com', organizationId: 'org_acme' });
    await render(sealed);
    mockRequest.reset({ cookies: { 'wos-session': sealed } });
    const switched = await refreshSession({ organizationId: 'org_globex' });
    expect(switched.organizationId).toBe('org_globex');
    const afterSwitch = mockRequest.cookie('wos-session')!;
    expect(ids(await render(afterSwitch))).toEqual(['org_acme', 'org_globex*']);
    expect(await listingCalls()).toBe(2);

    mockRequest.reset({ cookies: { 'wos-session': afterSwitch } });
    await redirectOf(() => signOut());
    const again = (await signedInRequest(emulator(), { user: 'alice@example.com', organizationId: 'org_acme' })).sealed;
    await render(again);
    expect(await listingCalls()).toBe(3);
    expect(vi.mocked(revalidateTag).mock.calls).toEqual([['authkit:user:user_alice', { expire: 0 }], ['authkit:user:user_alice', { expire: 0 }]]);
  });

  it('a plain refresh (no switch) keeps the entry', async () => {
    const { sealed } = await signedInRequest(emulator(), { user: 'alice@example.com', organizationId: 'org_acme' });
    await render(sealed);
    mockRequest.reset({ cookies: { 'wos-session': sealed } });
    await refreshSession();
    await render(mockRequest.cookie('wos-session')!);
    expect(await listingCalls()).toBe(1);
  });
});
