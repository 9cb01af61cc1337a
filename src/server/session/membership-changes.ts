import 'server-only';
/**
 * Memberships this process has just changed through the kit's organization actions (a new role, a
 * removal). The member's access token carries their role until it is refreshed, up to its lifetime
 * (5 minutes by default at WorkOS). Remembering the change here makes a token issued before it,
 * still showing the old role in that organization, read as due for refresh, so the member's next
 * request in this process refreshes and sees the change at once. Other processes see it when the
 * token is next refreshed anyway. Keyed by user and organization; bounded like `ended-sessions`.
 * Kept on globalThis: Next bundles the proxy and the app separately, and the proxy (on Node, in
 * the same process) should refresh such a session before the render sees it.
 */
import type { AccessToken } from '../../shared/types.js';

/** Longer than any access token WorkOS issues lives: after that every token postdates the change. */
const REMEMBER_MS = 24 * 60 * 60 * 1000;
const MAX_ENTRIES = 10_000;

interface Change {
  /** The member's role now; null when they were removed. */
  role: string | null;
  /** When the change was made, in the tokens' unit (seconds). */
  atSeconds: number;
  untilMs: number;
}

const REGISTRY = Symbol.for('authkit-rsc.membership-changes');
const host = globalThis as typeof globalThis & { [REGISTRY]?: Map<string, Change> };
const changes = () => (host[REGISTRY] ??= new Map<string, Change>());
const keyOf = (userId: string, organizationId: string) => `${userId} ${organizationId}`;

/** Remembers that `userId`'s membership of `organizationId` now has `role` (null: removed). */
export function noteMembershipChanged(userId: string, organizationId: string, role: string | null): void {
  const map = changes();
  const key = keyOf(userId, organizationId);
  map.delete(key);
  map.set(key, { role, atSeconds: Math.floor(Date.now() / 1000), untilMs: Date.now() + REMEMBER_MS });
  if (map.size > MAX_ENTRIES) map.delete(map.keys().next().value!);
}

/**
 * True when the token predates a change to its organization membership and still shows another
 * role. A token issued after the change never counts, so a refresh always settles it.
 */
export function hasOutdatedMembership(claims: Pick<AccessToken, 'sub' | 'org_id' | 'role' | 'iat'>): boolean {
  const map = changes();
  if (map.size === 0 || !claims.org_id) return false;
  const key = keyOf(claims.sub, claims.org_id);
  const change = map.get(key);
  if (!change) return false;
  if (change.untilMs <= Date.now()) {
    map.delete(key);
    return false;
  }
  return (claims.role ?? null) !== change.role && (claims.iat ?? 0) <= change.atSeconds;
}

/** Forgets every change (tests start from a clean slate; production never needs it). */
export function forgetMembershipChanges(): void {
  changes().clear();
}
