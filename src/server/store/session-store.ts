import 'server-only';
/**
 * The `SessionStore` seam: everything the kit remembers between requests. The session root binds
 * one (`root/session-root.ts`); the default keeps it all in this process (`in-process-store.ts`).
 * A store shared by many instances (Redis: `redis/redis-store.ts`) implements the same four parts (and may share the events cursor); each says
 * below what it must guarantee and whether the proxy's hot path reads it (then it must answer
 * from memory, a shared store keeping a local view current).
 */
import type { AccessToken, OrganizationChoice } from '../../shared/types.js';
import type { RefreshOutcome } from '../session/refresh.js';
import type { SignedInState } from '../session/session-state.js';

/**
 * Refreshes: at most one refresh-token grant per key at a time, its outcome kept briefly so that
 * requests still carrying the old cookie get the new session, and a backoff after a transient
 * failure. Across instances this is the lock and the kept (sealed, so encrypted) result.
 */
export interface RefreshStore {
  /**
   * `exchange()`'s outcome for `key`, or the outcome already known: kept from a refresh moments
   * ago, a backoff's failure (without calling `exchange`), or the refresh of `key` already running.
   */
  singleFlight(key: string, exchange: () => Promise<RefreshOutcome>): Promise<RefreshOutcome>;
}

/** Sessions known to have ended (sign-out, revocation). Read on the hot path: answer from memory. */
export interface EndedSessionStore {
  add(sessionId: string): void;
  has(sessionId: string): boolean;
}

/**
 * Cookies already unsealed and verified, by their exact sealed value, until their token is due
 * for a refresh. Read on every request: always local (each instance checks a cookie once).
 */
export interface VerifiedSessionCache {
  recall(sealed: string): SignedInState | undefined;
  remember(sealed: string, state: SignedInState): void;
}

/** One of a user's memberships as the kit keeps it (`current` is per request, never kept). */
export type Membership = Omit<OrganizationChoice, 'current'>;

/** The claims a membership change is checked against. */
export type MembershipClaims = Pick<AccessToken, 'sub' | 'org_id' | 'role' | 'iat'>;

/**
 * Each user's organisation memberships, for display: kept for `MEMBERSHIPS_TTL_MS` (shared/constants.ts), one listing
 * at a time per user, a failed listing never kept. And the memberships the kit's organization
 * actions have just changed (a new role, a removal), for a day: a token issued before the change,
 * still showing another role in that organisation, reads as due for refresh, so the member's next
 * request sees the change at once. `isOutdated` is read on the hot path: answer from memory.
 */
export interface MembershipStore {
  /** The kept list while fresh (unless `fresh`), else `list()`'s, which is then kept. */
  get(userId: string, list: () => Promise<Membership[]>, options: { fresh: boolean }): Promise<Membership[]>;
  forget(userId: string): void;
  /** Remembers that `userId`'s membership of `organizationId` now has `role` (null: removed). */
  noteChange(userId: string, organizationId: string, role: string | null): void;
  /** True when the token predates a change to its membership and still shows another role (a token issued after it never does). */
  isOutdated(claims: MembershipClaims): boolean;
}

/**
 * Where polling WorkOS's events API resumes (`pollWorkOSEvents`), shared so that one instance
 * polls per interval and a restarted one resumes where the last poll ended. Optional: without it
 * each process polls on its own, from its own cursor (applying an event twice is harmless).
 */
export interface EventCursorStore {
  /**
   * The last event id applied (undefined: none yet) when it is this instance's turn to poll;
   * null when another instance took the turn less than `intervalMs` ago.
   */
  takeTurn(intervalMs: number): Promise<{ after: string | undefined } | null>;
  /** Remembers `after`, the id of the last event applied. */
  save(after: string): Promise<void>;
}

export interface SessionStore {
  readonly refreshes: RefreshStore;
  readonly endedSessions: EndedSessionStore;
  readonly verifiedSessions: VerifiedSessionCache;
  readonly memberships: MembershipStore;
  readonly eventCursor?: EventCursorStore;
}
