import 'server-only';
/**
 * Single-flight refresh across instances. In each process the in-process flights still run first
 * (one flight per key, the outcome kept 30 s, the backoff); only their exchange goes through Redis:
 *
 * 1. an outcome another instance kept for this key (sealed, sealed-outcome.ts) is used as is;
 * 2. else a short lock (`SET NX PX`) elects one instance to call WorkOS; it keeps the sealed
 *    outcome (30 s; a transient failure for the first backoff step, so a failing WorkOS sees one
 *    attempt per session across instances), publishes that it is there and releases the lock;
 * 3. every other instance waits: woken by the publication, or polling in case it was missed.
 *
 * Redis keys name a key by its HMAC (keyed from the cookie password), never the refresh token.
 * When Redis cannot answer, the exchange runs here, as with the in-process store (WorkOS's reuse
 * window then covers two instances refreshing at once).
 */
import type { RefreshOutcome } from '../session/refresh.js';
import type { RefreshStore } from '../store/session-store.js';
import { FIRST_BACKOFF_MS } from '../store/refresh-backoff.js';
import { OUTCOME_TTL_MS, createRefreshFlights } from '../store/refresh-flights.js';
import { UNAVAILABLE, type RedisLink } from './redis-link.js';
import { openOutcome, sealOutcome } from './sealed-outcome.js';
import type { StoreKeys } from './store-keys.js';

/** Longer than a refresh usually takes; a crashed holder's lock frees itself after this. */
const LOCK_MS = 15_000;
const POLL_MS = 100;

// One atomic step: the kept outcome if there is one, else the lock if it is free. (Reading the
// outcome and taking the lock in two calls would let an instance take the lock just released by a
// holder whose outcome it read too early, and refresh a second time.)
const KEPT_OR_LOCK = `
local kept = redis.call('get', KEYS[1])
if kept then return { 'kept', kept } end
if redis.call('set', KEYS[2], ARGV[1], 'NX', 'PX', ARGV[2]) then return { 'lead' } end
return { 'wait' }`;
// Deletes the lock only if it is still ours (it may have expired and been taken by another instance).
const RELEASE = "if redis.call('get', KEYS[1]) == ARGV[1] then return redis.call('del', KEYS[1]) else return 0 end";

export interface RedisRefreshOptions {
  link: RedisLink;
  keys: StoreKeys;
  /** Seals kept outcomes (the current cookie password). */
  password: string;
  /** Open kept outcomes: the current cookie password, then previous ones. */
  passwords: readonly string[];
}

/** The cross-instance refresh store (see above). */
export function createRedisRefreshes(options: RedisRefreshOptions): RefreshStore {
  const { link, keys } = options;
  const waiting = new Map<string, Set<() => void>>();
  link.subscribe(keys.channel('refreshed'), (id) => waiting.get(id)?.forEach((wake) => wake()));

  const wakeOrPoll = (id: string) =>
    new Promise<void>((resolve) => {
      const wake = () => {
        clearTimeout(timer);
        waiting.get(id)?.delete(wake);
        resolve();
      };
      const timer = setTimeout(wake, POLL_MS);
      waiting.set(id, (waiting.get(id) ?? new Set()).add(wake));
    });

  const keep = async (id: string, outcome: RefreshOutcome) => {
    const transient = !outcome.ok && outcome.error.isTransient;
    const ttl = transient ? FIRST_BACKOFF_MS : OUTCOME_TTL_MS;
    const sealed = await sealOutcome(outcome, Date.now() + ttl, options.password);
    await link.call((client) =>
      client.multi().set(keys.key('refresh', id), sealed, { expiration: { type: 'PX', value: ttl } }).publish(keys.channel('refreshed'), id).exec(),
    );
  };

  const lead = async (id: string, token: string, exchange: () => Promise<RefreshOutcome>) => {
    try {
      const outcome = await exchange();
      await keep(id, outcome);
      return outcome;
    } finally {
      await link.call((client) => client.eval(RELEASE, { keys: [keys.key('refresh-lock', id)], arguments: [token] }));
    }
  };

  const acrossInstances = async (key: string, exchange: () => Promise<RefreshOutcome>): Promise<RefreshOutcome> => {
    const id = keys.digest(key);
    const giveUpAt = performance.now() + LOCK_MS + POLL_MS;
    while (performance.now() < giveUpAt) {
      const token = globalThis.crypto.randomUUID(); // Web Crypto (Node 20 has it): no node: import in this graph
      const step = await link.call(
        (client) => client.eval(KEPT_OR_LOCK, { keys: [keys.key('refresh', id), keys.key('refresh-lock', id)], arguments: [token, String(LOCK_MS)] }) as Promise<string[]>,
      );
      if (step === UNAVAILABLE) return exchange();
      const known = step[0] === 'kept' ? await openOutcome(step[1]!, options.passwords) : undefined;
      if (known) return known;
      if (step[0] === 'lead') return lead(id, token, exchange);
      if (step[0] === 'kept') await link.call((client) => client.del(keys.key('refresh', id))); // expired or not ours: make way
      else await wakeOrPoll(id);
    }
    return exchange(); // the lock outlived its holder's answer: refresh here rather than wait on
  };

  const local = createRefreshFlights();
  return { singleFlight: (key, exchange) => local.singleFlight(key, () => acrossInstances(key, exchange)) };
}
