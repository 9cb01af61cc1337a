import 'server-only';
/**
 * The events cursor shared through Redis: one instance polls WorkOS's events API per interval
 * (a turn is a `SET NX PX` key that lapses after the interval, so a poller that dies hands the
 * next turn on by itself) and resumes from the last event id any instance applied. While Redis
 * is away every instance polls on its own from its own cursor: events are applied more than once,
 * which changes nothing, and none is missed.
 */
import type { EventCursorStore } from '../store/session-store.js';
import { UNAVAILABLE, type RedisLink } from './redis-link.js';
import type { StoreKeys } from './store-keys.js';

/** Longer than WorkOS keeps events (30 days): an idle app's cursor is still there when it wakes. */
const KEEP_CURSOR_MS = 31 * 24 * 60 * 60 * 1000;

/** The events cursor in Redis, with this process's last cursor for when Redis cannot answer. */
export function createRedisEventCursor(link: RedisLink, keys: StoreKeys): EventCursorStore {
  const turnKey = keys.key('events', 'turn');
  const cursorKey = keys.key('events', 'cursor');
  let local: string | undefined;
  return {
    async takeTurn(intervalMs) {
      const answer = await link.call((client) =>
        client.multi().set(turnKey, '1', { condition: 'NX', expiration: { type: 'PX', value: Math.max(1, Math.floor(intervalMs)) } }).get(cursorKey).exec(),
      );
      if (answer === UNAVAILABLE) return { after: local };
      const [taken, cursor] = answer as unknown as [string | null, string | null];
      if (taken !== 'OK') return null;
      return { after: cursor ?? local };
    },
    async save(after) {
      local = after;
      await link.call((client) => client.set(cursorKey, after, { expiration: { type: 'PX', value: KEEP_CURSOR_MS } }));
    },
  };
}
