import 'server-only';
/**
 * Memberships shared by every instance: a listing one instance made is kept in Redis for the rest
 * of its `MEMBERSHIPS_TTL_MS` (with its expiry, checked against this process's clock), and in this
 * process for the same time. `forget()` (an org switch, a sign-out, a membership event) deletes
 * the Redis entry and tells every instance to drop its own copy. Organisation names and roles are
 * what is kept, never a token. A change the kit's organization actions make (`noteChange`) is
 * published so every connected instance refreshes that member's outdated token on its next
 * request; `isOutdated` reads only the local view (hot path). Without Redis it behaves as the
 * in-process store.
 */
import { MEMBERSHIPS_TTL_MS } from '../../shared/constants.js';
import { BoundedMap } from '../store/bounded-map.js';
import { membershipChanges, type MembershipChange } from '../store/membership-changes.js';
import type { Membership, MembershipStore } from '../store/session-store.js';
import { UNAVAILABLE, type RedisLink } from './redis-link.js';
import type { StoreKeys } from './store-keys.js';
import { currentTimeMs } from '../../shared/clock.js';

interface Entry {
  memberships: Promise<Membership[]>;
  expiresAtMs: number;
}

/** Memberships through Redis, with a local copy per user. */
export function createRedisMemberships(link: RedisLink, keys: StoreKeys): MembershipStore {
  const local = new BoundedMap<string, Entry>(1000);
  const channel = keys.channel('memberships-changed');
  link.subscribe(channel, (userId) => local.delete(userId));
  const changes = membershipChanges();
  const changesChannel = keys.channel('membership-role-changed');
  link.subscribe(changesChannel, (message) => {
    const change = parseChange(message);
    if (change) changes.record(change);
  });

  const shared = async (userId: string): Promise<{ memberships: Membership[]; expiresAtMs: number } | undefined> => {
    const kept = await link.call((client) => client.get(keys.key('memberships', userId)));
    if (kept === UNAVAILABLE || !kept) return undefined;
    const entry = JSON.parse(kept) as { memberships: Membership[]; expiresAtMs: number };
    return entry.expiresAtMs > currentTimeMs() ? entry : undefined;
  };

  const share = (userId: string, memberships: Membership[], expiresAtMs: number) =>
    link.call((client) =>
      client.set(keys.key('memberships', userId), JSON.stringify({ memberships, expiresAtMs }), { expiration: { type: 'PX', value: MEMBERSHIPS_TTL_MS } }),
    );

  // Another instance's listing when there is a fresh one (and no fresh listing was asked for), else `list()`'s, shared.
  const fill = async (userId: string, entry: Entry, list: () => Promise<Membership[]>, fresh: boolean) => {
    const known = fresh ? undefined : await shared(userId);
    if (known) {
      entry.expiresAtMs = known.expiresAtMs;
      return known.memberships;
    }
    const memberships = await list();
    await share(userId, memberships, entry.expiresAtMs); // one more round trip after a WorkOS call: then every instance sees it
    return memberships;
  };

  return {
    get(userId, list, { fresh }) {
      const hit = local.get(userId);
      if (hit && !fresh && hit.expiresAtMs > currentTimeMs()) return hit.memberships;
      const entry: Entry = { memberships: Promise.resolve([]), expiresAtMs: currentTimeMs() + MEMBERSHIPS_TTL_MS };
      entry.memberships = fill(userId, entry, list, fresh);
      local.set(userId, entry);
      entry.memberships.catch(() => {
        if (local.get(userId) === entry) local.delete(userId); // a failure is never kept
      });
      return entry.memberships;
    },
    forget(userId) {
      local.delete(userId);
      void link.call((client) => client.multi().del(keys.key('memberships', userId)).publish(channel, userId).exec());
    },
    noteChange(userId, organizationId, role) {
      const change: MembershipChange = { userId, organizationId, role, atSeconds: Math.floor(currentTimeMs() / 1000) };
      changes.record(change);
      void link.call((client) => client.publish(changesChannel, JSON.stringify(change)));
    },
    isOutdated: (claims) => changes.isOutdated(claims),
  };
}

/** A published change, or undefined for anything malformed (the channel is ours, but a message is still input). */
function parseChange(message: string): MembershipChange | undefined {
  try {
    const { userId, organizationId, role, atSeconds } = JSON.parse(message) as Partial<MembershipChange>;
    const roleOk = role === null || typeof role === 'string';
    return typeof userId === 'string' && typeof organizationId === 'string' && roleOk && typeof atSeconds === 'number'
      ? { userId, organizationId, role: role!, atSeconds }
      : undefined;
  } catch {
    return undefined;
  }
}
