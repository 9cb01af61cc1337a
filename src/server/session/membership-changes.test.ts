/** The membership-change marker: which tokens read as due for refresh after a change made here. */
import { afterEach, describe, expect, it, vi } from 'vitest';
import { forgetMembershipChanges, hasOutdatedMembership, noteMembershipChanged } from './membership-changes.js';

const NOW = Date.parse('2026-03-01T12:00:00Z');
const seconds = (ms: number) => Math.floor(ms / 1000);

afterEach(() => {
  forgetMembershipChanges();
  vi.useRealTimers();
});

describe('hasOutdatedMembership', () => {
  it('is true for a token issued before the change that still shows another role in that organization', () => {
    vi.useFakeTimers({ toFake: ['Date'], now: NOW });
    noteMembershipChanged('user_bob', 'org_acme', 'admin');
    const before = { sub: 'user_bob', org_id: 'org_acme', role: 'member', iat: seconds(NOW) - 60 };
    expect(hasOutdatedMembership(before)).toBe(true);
    expect(hasOutdatedMembership({ ...before, role: 'admin' })).toBe(false); // already refreshed
    expect(hasOutdatedMembership({ ...before, org_id: 'org_globex' })).toBe(false); // another organization
    expect(hasOutdatedMembership({ ...before, sub: 'user_alice' })).toBe(false); // another user
    expect(hasOutdatedMembership({ sub: 'user_bob', role: 'member', iat: seconds(NOW) - 60 })).toBe(false); // no organization
  });

  it('never counts a token issued after the change, so one refresh settles it', () => {
    vi.useFakeTimers({ toFake: ['Date'], now: NOW });
    noteMembershipChanged('user_bob', 'org_acme', 'admin');
    expect(hasOutdatedMembership({ sub: 'user_bob', org_id: 'org_acme', role: 'member', iat: seconds(NOW) + 1 })).toBe(false);
  });

  it('reads a removal as "no role"', () => {
    vi.useFakeTimers({ toFake: ['Date'], now: NOW });
    noteMembershipChanged('user_bob', 'org_acme', null);
    expect(hasOutdatedMembership({ sub: 'user_bob', org_id: 'org_acme', role: 'member', iat: seconds(NOW) })).toBe(true);
    expect(hasOutdatedMembership({ sub: 'user_bob', org_id: 'org_acme', iat: seconds(NOW) })).toBe(false);
  });

  it('forgets a change after a day', () => {
    vi.useFakeTimers({ toFake: ['Date'], now: NOW });
    noteMembershipChanged('user_bob', 'org_acme', 'admin');
    vi.setSystemTime(NOW + 24 * 60 * 60 * 1000);
    expect(hasOutdatedMembership({ sub: 'user_bob', org_id: 'org_acme', role: 'member', iat: seconds(NOW) - 1 })).toBe(false);
  });
});
