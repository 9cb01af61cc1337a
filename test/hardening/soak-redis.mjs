// The soak's Redis form (`--redis`, issue 16): the app instances share one real redis-server
// (test/support/redis-server.mjs, through AUTHKIT_REDIS_URL), which is restarted at random moments
// while the users browse (its data is gone each time: nothing is persisted). The app must not
// notice beyond falling back to per-process behaviour while it is away.
import { startTestRedis } from '../support/redis-server.mjs';

/** Starts the soak's redis-server (a free port); fails loudly when redis-server is not installed. */
export async function startSoakRedis() {
  const redis = await startTestRedis();
  return { redis, appEnv: { AUTHKIT_REDIS_URL: redis.url } };
}

/**
 * Stops and starts `redis` at random moments until `until` (ms since the epoch): up for 1.5–5 s,
 * then down for 0.2–2 s (several restarts even in the short form). Records each restart in
 * `stats` ({ restarts, downMs }) and leaves it up.
 */
export async function restartAtRandom(redis, { until, between, sleep, stats }) {
  while (Date.now() < until) {
    await sleep(between(1500, 5000));
    if (Date.now() >= until) break;
    const downFor = between(200, 2000);
    await redis.stop();
    await sleep(downFor);
    await redis.start();
    stats.restarts += 1;
    stats.downMs += downFor;
  }
}
