import 'server-only';
/**
 * The in-process store's record of memberships the kit's organization actions have just changed
 * (a new role, a removal). A member's access token carries their role until it is refreshed, up
 * to its lifetime (5 minutes by default at WorkOS): a token issued before the change that still
 * shows another role reads as due for refresh (`read-session.ts`), so the member's next request
 * here refreshes and sees the change at once. Other instances see it when the token is next
 * refreshed anyway. Keyed by user and organization, bounded like the ended sessions.
 */
import type { MembershipClaims, MembershipStore } from './session-store.js';
import { BoundedMap } from './bounded-map.js';
import { OUTLIVES_ACCESS_TOKENS_MS } from './retention.js';
import { currentTimeMs } from '../../shared/clock.js';

interface Change {
  /** The member's role now; null when they were removed. */
  role: string | null;
  /** When the change was made, in the tokens' unit (seconds). */
  atSeconds: number;
  untilMs: number;
}

const keyOf = (userId: string, organizationId: string) => `${userId} ${organizationId}`;

/** A change as another instance announces it (a shared store's channel). */
export interface MembershipChange {
  userId: string;
  organizationId: string;
  role: string | null;
  atSeconds: number;
}

/** The change-tracking half of the in-process `MembershipStore`, plus `record` for a change made elsewhere. */
export type MembershipChanges = Pick<MembershipStore, 'noteChange' | 'isOutdated'> & { record(change: MembershipChange): void };

/** A new, empty record of membership changes. */
export function membershipChanges(): MembershipChanges {
  const changes = new BoundedMap<string, Change>(10_000);
  const record = ({ userId, organizationId, role, atSeconds }: MembershipChange) => {
    changes.set(keyOf(userId, organizationId), { role, atSeconds, untilMs: currentTimeMs() + OUTLIVES_ACCESS_TOKENS_MS });
  };
  return {
    record,
    noteChange(userId, organizationId, role) {
      record({ userId, organizationId, role, atSeconds: Math.floor(currentTimeMs() / 1000) });
    },
    isOutdated(claims: MembershipClaims) {
      if (changes.size === 0 || !claims.org_id) return false;
      const key = keyOf(claims.sub, claims.org_id);
      const change = changes.get(key);
      if (!change) return false;
      if (change.untilMs <= currentTimeMs()) {
        changes.delete(key);
        return false;
      }
      return (claims.role ?? null) !== change.role && (claims.iat ?? 0) <= change.atSeconds;
    },
  };
}
