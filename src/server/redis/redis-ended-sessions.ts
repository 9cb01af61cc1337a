import 'server-only';
/**
 * Ended sessions shared by every instance, read from memory. `has()` is on the proxy's hot path,
 * so it only ever reads this process's view; Redis keeps the list (a sorted set scored by when
 * each entry may be forgotten) and a channel tells every instance about a new entry at once. An
 * instance that connects (or reconnects after an outage) reads the list again, so it misses
 * nothing published while it was away; an entry added while Redis was away is written when it is
 * back.
 */
import type { EndedSessionStore } from '../store/session-store.js';
import { createEndedSessions } from '../store/in-process-store.js';
import { UNAVAILABLE, type RedisLink } from './redis-link.js';
import type { StoreKeys } from './store-keys.js';

/** Longer than any access token WorkOS issues lives (the in-process store's bound too). */
const REMEMBER_MS = 24 * 60 * 60 * 1000;
/** The most entries an instance reads back (the in-process view's bound). */
const MAX_LOADED = 10_000;

/** Ended sessions through Redis, with this process's view answering `has()`. */
export function createRedisEndedSessions(link: RedisLink, keys: StoreKeys): EndedSessionStore {
  const local = createEndedSessions();
  const unsent = new Set<string>();
  const list = keys.key('ended', 'sessions');
  const channel = keys.channel('ended');

  const send = async (sessionId: string) => {
    const sent = await link.call((client) =>
      client.multi().zAdd(list, { score: Date.now() + REMEMBER_MS, value: sessionId }).publish(channel, sessionId).exec(),
    );
    if (sent === UNAVAILABLE) unsent.add(sessionId);
    else unsent.delete(sessionId);
  };

  const catchUp = async () => {
    for (const sessionId of [...unsent]) await send(sessionId);
    const now = Date.now();
    const ids = await link.call(async (client) => {
      await client.zRemRangeByScore(list, '-inf', now);
      return client.zRangeByScore(list, now, '+inf', { LIMIT: { offset: 0, count: MAX_LOADED } });
    });
    if (ids !== UNAVAILABLE) for (const sessionId of ids) local.add(sessionId);
  };

  link.subscribe(channel, (sessionId) => local.add(sessionId));
  link.onConnect(() => void catchUp());
  void catchUp();

  return {
    add(sessionId) {
      local.add(sessionId);
      void send(sessionId);
    },
    has: (sessionId) => local.has(sessionId),
  };
}
