// The soak's Redis form (`--redis`, issue 16): the app instances share one real redis-server
// (test/support/redis-server.mjs, through AUTHKIT_REDIS_URL), which is restarted at random moments
// while the users browse (its data is gone each time: nothing is persisted). The app must not
// notice beyond falling back to per-process behaviour while it is away. Shared-refresh rounds run
// meanwhile; their refreshes are counted per session at the emulator (`tapRefreshes`), since the
// users' own refreshes go through the same endpoint at the same time.
import { randomUUID } from 'node:crypto';
import diagnostics from 'node:diagnostics_channel';
import { startTestRedis } from '../support/redis-server.mjs';

/** Starts the soak's redis-server (a free port); fails loudly when redis-server is not installed. */
export async function startSoakRedis() {
  const redis = await startTestRedis();
  return { redis, appEnv: { AUTHKIT_REDIS_URL: redis.url } };
}

/**
 * Stops and starts `redis` at random moments until `until` (ms since the epoch): up for 1.5–5 s,
 * then down for 0.2–2 s (several restarts even in the short form). Records each restart in
 * `stats` ({ restarts, downMs, state, outages: [{ stoppingAt, downAt, startingAt, upAt }] }),
 * calls `onChange(state)` as Redis starts stopping ('stopping'), is down ('down'), starts
 * ('starting') and is back ('up'), and leaves it up.
 */
export async function restartAtRandom(redis, { until, between, sleep, stats, onChange = () => {} }) {
  const enter = (state, outage, field) => {
    outage[field] = Date.now();
    stats.state = state;
    onChange(state);
  };
  stats.state = 'up';
  stats.outages = [];
  while (Date.now() < until) {
    await sleep(between(1500, 5000));
    if (Date.now() >= until) break;
    const downFor = between(200, 2000);
    const outage = {};
    stats.outages.push(outage);
    enter('stopping', outage, 'stoppingAt');
    await redis.stop();
    enter('down', outage, 'downAt');
    await sleep(downFor);
    enter('starting', outage, 'startingAt');
    await redis.start();
    enter('up', outage, 'upAt');
    stats.restarts += 1;
    stats.downMs += outage.upAt - outage.stoppingAt;
  }
}

/**
 * How Redis was from `from` to `to` (ms since the epoch), after `outages`: 'down' (stopped the whole
 * time), 'restarting' (it stopped or started meanwhile), 'just-back' (up the whole time, but back
 * less than `settleMs` before: the instances may still be reconnecting, up to 2 s apart) or 'up'.
 */
export function redisDuring(outages, from, to, settleMs = 3000) {
  let answer = 'up';
  for (const { stoppingAt, downAt, startingAt, upAt = Infinity } of outages) {
    if (stoppingAt <= to && upAt >= from) {
      if (downAt !== undefined && downAt <= from && (startingAt ?? Infinity) >= to) return 'down';
      return 'restarting';
    }
    if (upAt < from && upAt >= from - settleMs) answer = 'just-back';
  }
  return answer;
}

/**
 * Watches the emulator in this process (the only HTTP server here, on `port`) for refresh-token
 * grants, and counts them for the refresh tokens `track`ed: `refreshes` (one per Idempotency-Key:
 * the SDK's retries of one refresh share it), `attempts` (HTTP calls) and their `statuses`
 * ('dropped' when no answer was written). It reads the request body by observing the 'data' events
 * the emulator's own reading emits, never consuming the stream.
 */
export function tapRefreshes(port) {
  const tracked = new Map();
  const count = (body, request, response) => {
    const seen = tracked.get(refreshTokenIn(body));
    if (!seen) return;
    seen.attempts += 1;
    seen.keys.add(String(request.headers['idempotency-key'] ?? randomUUID()));
    response.once('close', () => {
      const status = response.writableFinished ? String(response.statusCode) : 'dropped';
      seen.statuses[status] = (seen.statuses[status] ?? 0) + 1;
    });
  };
  const onRequest = ({ request, response }) => {
    if (request.socket.localPort !== port || !request.url?.startsWith('/user_management/authenticate')) return;
    const chunks = [];
    const emit = request.emit;
    request.emit = function observed(event, ...rest) {
      if (event === 'data') chunks.push(Buffer.from(rest[0]));
      if (event === 'end') count(Buffer.concat(chunks).toString('utf8'), request, response);
      return emit.call(this, event, ...rest);
    };
  };
  diagnostics.subscribe('http.server.request.start', onRequest);
  return {
    /** Starts counting `refreshToken`'s refreshes; the live counts ({ keys, attempts, statuses }). */
    track(refreshToken) {
      if (typeof refreshToken !== 'string' || refreshToken === '') throw new TypeError('tapRefreshes: track() needs a refresh token');
      const seen = { keys: new Set(), attempts: 0, statuses: {} };
      tracked.set(refreshToken, seen);
      return seen;
    },
    stop: () => diagnostics.unsubscribe('http.server.request.start', onRequest),
  };
}

/** The `refresh_token` of a refresh grant (JSON, as the SDK sends it, or a form), else undefined. */
function refreshTokenIn(body) {
  let params;
  try {
    params = JSON.parse(body);
  } catch {
    params = Object.fromEntries(new URLSearchParams(body));
  }
  return params?.grant_type === 'refresh_token' && typeof params.refresh_token === 'string' ? params.refresh_token : undefined;
}
