/**
 * The membership-change half of the SessionStore contract (run by session-store-contract.ts):
 * which tokens read as due for refresh after a membership change made through the kit.
 */
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { SessionStore } from '../../src/server/store/session-store.js';

const NOW = Date.parse('2026-03-01T12:00:00Z');
const seconds = (ms: number) => Math.floor(ms / 1000);

export function membershipChangesContract(create: () => SessionStore | Promise<SessionStore>): void {
  describe('memberships.isOutdated after noteChange', () => {
    afterEach(() => vi.useRealTimers());
    const changed = async (role: string | null) => {
      vi.useFakeTimers({ toFake: ['Date'], now: NOW });
      const { memberships } = await create();
      memberships.noteChange('user_bob', 'org_acme', role);
      return memberships;
    };

    it('is true for a token issued before the change that still shows another role in that organization', async () => {
      const memberships = await changed('admin');
      const before = { sub: 'user_bob', org_id: 'org_acme', role: 'member', iat: seconds(NOW) - 60 };
      expect(memberships.isOutdated(before)).toBe(true);
      expect(memberships.isOutdated({ ...before, role: 'admin' })).toBe(false); // already refreshed
      expect(memberships.isOutdated({ ...before, org_id: 'org_globex' })).toBe(false); // another organization
      expect(memberships.isOutdated({ ...before, sub: 'user_alice' })).toBe(false); // another user
      expect(memberships.isOutdated({ sub: 'user_bob', role: 'member', iat: seconds(NOW) - 60 })).toBe(false); // no organization
    });

    it('never counts a token issued after the change, so one refresh settles it', async () => {
      const memberships = await changed('admin');
      expect(memberships.isOutdated({ sub: 'user_bob', org_id: 'org_acme', role: 'member', iat: seconds(NOW) + 1 })).toBe(false);
    });

    it('reads a removal as "no role"', async () => {
      const memberships = await changed(null);
      expect(memberships.isOutdated({ sub: 'user_bob', org_id: 'org_acme', role: 'member', iat: seconds(NOW) })).toBe(true);
      expect(memberships.isOutdated({ sub: 'user_bob', org_id: 'org_acme', iat: seconds(NOW) })).toBe(false);
    });

    it('forgets a change after a day', async () => {
      const memberships = await changed('admin');
      vi.setSystemTime(NOW + 24 * 60 * 60 * 1000);
      expect(memberships.isOutdated({ sub: 'user_bob', org_id: 'org_acme', role: 'member', iat: seconds(NOW) - 1 })).toBe(false);
    });
  });
}
