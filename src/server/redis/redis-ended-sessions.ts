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
import { MAX_ENDED_SESSIONS, OUTLIVES_ACCESS_TOKENS_MS } from '../store/retention.js';
import { UNAVAILABLE, type RedisLink } from './redis-link.js';
import type { StoreKeys } from './store-keys.js';

/** Ended sessions through Redis, with this process's view answering `has()`. */
export function createRedisEndedSessions(link: RedisLink, keys: StoreKeys): EndedSessionStore {
  const local = createEndedSessions();
  const unsent = new Set<string>();
  const list = keys.key('ended', 'sessions');
  const channel = keys.channel('ended');

  const send = async (sessionId: string) => {
    const sent = await link.call((client) =>
      client.multi().zAdd(list, { score: Date.now() + OUTLIVES_ACCESS_TOKENS_MS, value: sessionId }).publish(channel, sessionId).exec(),
    );
    if (sent === UNAVAILABLE) unsent.add(sessionId);
    else unsent.delete(sessionId);
  };

  const catchUp = async () => {
    for (const sessionId of [...unsent]) await send(sessionId);
    const now = Date.now();
    const ids = await link.call(async (client) => {
      await client.zRemRangeByScore(list, '-inf', now);
      return client.zRangeByScore(list, now, '+inf', { LIMIT: { offset: 0, count: MAX_ENDED_SESSIONS } });
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
