import 'server-only';
/**
 * The default `SessionStore`: everything in this process's memory, bounded. Each of Next's
 * bundles (the proxy's and the app's) has its own, except the ended sessions and the membership
 * changes, which the session root shares per process (`root/current-root.ts`); across instances the kit
 * relies on the retry marker cookie, the tokens' own expiry and WorkOS's refresh-token reuse
 * window, as the reference does (the Redis store shares them).
 */
import { MEMBERSHIPS_TTL_MS } from '../../shared/constants.js';
import { refreshBufferSeconds } from '../../shared/token-expiry.js';
import type { SignedInState } from '../session/session-state.js';
import { BoundedMap } from './bounded-map.js';
import { membershipChanges, type MembershipChanges } from './membership-changes.js';
import { createRefreshFlights } from './refresh-flights.js';
import { MAX_ENDED_SESSIONS, OUTLIVES_ACCESS_TOKENS_MS } from './retention.js';
import type { EndedSessionStore, Membership, MembershipStore, SessionStore, VerifiedSessionCache } from './session-store.js';
import { currentTimeMs } from '../../shared/clock.js';

/** Ended sessions in this process (a shared store keeps its local view in one). */
export function createEndedSessions(): EndedSessionStore {
  const ended = new BoundedMap<string, number>(MAX_ENDED_SESSIONS);
  return {
    add: (sessionId) => ended.set(sessionId, currentTimeMs() + OUTLIVES_ACCESS_TOKENS_MS),
    has(sessionId) {
      if (ended.size === 0) return false;
      const until = ended.get(sessionId);
      if (until === undefined || until > currentTimeMs()) return until !== undefined;
      ended.delete(sessionId);
      return false;
    },
  };
}

/** Each entry lives until its token is due for a refresh (the reference's buffer before `exp`). */
export function createVerifiedSessions(): VerifiedSessionCache {
  const entries = new BoundedMap<string, { state: SignedInState; expiresAtMs: number }>(1000);
  return {
    recall(sealed) {
      const entry = entries.get(sealed);
      if (!entry || entry.expiresAtMs > currentTimeMs()) return entry?.state;
      entries.delete(sealed);
      return undefined;
    },
    remember(sealed, state) {
      const { exp } = state.claims;
      const expiresAtMs = typeof exp === 'number' ? (exp - refreshBufferSeconds(state.claims)) * 1000 : 0;
      if (expiresAtMs > currentTimeMs()) entries.set(sealed, { state, expiresAtMs });
    },
  };
}

/** The entry holds the listing's promise, so concurrent misses for one user share one call. */
function memberships(changes: MembershipChanges): MembershipStore {
  const entries = new BoundedMap<string, { memberships: Promise<Membership[]>; expiresAtMs: number }>(1000);
  return {
    get(userId, list, { fresh }) {
      const hit = entries.get(userId);
      if (hit && !fresh && hit.expiresAtMs > currentTimeMs()) return hit.memberships;
      const entry = { memberships: list(), expiresAtMs: currentTimeMs() + MEMBERSHIPS_TTL_MS };
      entries.set(userId, entry);
      entry.memberships.catch(() => {
        if (entries.get(userId) === entry) entries.delete(userId); // a failure is never kept
      });
      return entry.memberships;
    },
    forget: (userId) => entries.delete(userId),
    noteChange: changes.noteChange,
    isOutdated: changes.isOutdated,
  };
}

/** A new in-process store (the session root makes one per configuration). */
export function createInProcessStore({ changes = membershipChanges(), ended = createEndedSessions() }: { changes?: MembershipChanges; ended?: EndedSessionStore } = {}): SessionStore {
  return { refreshes: createRefreshFlights(), endedSessions: ended, verifiedSessions: createVerifiedSessions(), memberships: memberships(changes) };
}
