/**
 * Row 1r: row 1 (the proxy, a valid session seen before) with the Redis store on (issue 16), a
 * real redis-server started here (test/support/redis-server.mjs; it must be installed: CI installs
 * it). The kit binds the store as an app does (`setSessionStore` + `createRedisStore`); the
 * reference runs as in row 1. The seen-before path must not ask Redis: the row counts the
 * commands Redis processed while it ran (INFO `total_commands_processed`), and afterwards checks
 * that the store really is shared (a session ended through another store is refused here).
 *
 * The row runs in a process of its own (`redisRowApart`), fresh as row 1's: measured in the
 * process that had just run row 1 with the in-process store, whichever of the two ran second came
 * out slower (two runs on a busy machine: 78 µs first, 119 µs second; 204 µs first, 219 µs
 * second the other way round), with no Redis command in either: the order, not Redis.
 */
import { spawnSync } from 'node:child_process';
import { readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createClient } from 'redis';
import { startTestRedis } from '../../test/support/redis-server.mjs';
import { compareRounds } from './measure.mjs';
import { row } from './proxy-rows.mjs';
import { sleep } from './setup.mjs';

const PREFIX = 'authkit-bench:';

/** Commands Redis has processed so far (this query counted by the next one). */
async function commandsProcessed(client) {
  const stats = await client.info('stats');
  return Number(/total_commands_processed:(\d+)/.exec(stats)?.[1]);
}

/** How long until the proxy reads `sealed` as signed out after another instance ends its session (throws after 5 s). */
async function refusedAfterEnding(bench, redis, sealed, sessionId) {
  const { createRedisStore } = bench.ours;
  const other = createRedisStore({ url: redis.url, cookiePassword: process.env.WORKOS_COOKIE_PASSWORD, prefix: PREFIX });
  try {
    if (!(await other.ready())) throw new Error('row 1r: a second store could not connect to redis-server');
    const start = performance.now();
    other.endedSessions.add(sessionId);
    while ((await bench.ours.authkit(bench.request(sealed))).session.user) {
      if (performance.now() - start > 5_000) throw new Error('row 1r: a session ended through another store was still accepted after 5 s: the store is not shared');
      await sleep(1);
    }
    return performance.now() - start;
  } finally {
    await other.close();
  }
}

/** Row 1r; throws when redis-server is missing, when the store does not connect, or when the path asks Redis per request. */
export async function redisSeenBeforeRow(bench, plan) {
  const redis = await startTestRedis();
  const { createRedisStore, setSessionStore } = bench.ours;
  let store;
  setSessionStore((config) => (store = createRedisStore({ url: redis.url, cookiePassword: config.cookiePassword, prefix: PREFIX })));
  const client = createClient({ url: redis.url });
  try {
    await client.connect();
    const { session, sealed } = await bench.mintSession();
    const first = await bench.ours.authkit(bench.request(sealed)); // binds the store
    if (!(await store?.ready())) throw new Error('row 1r: the Redis store did not connect');
    if (first.session.user?.email !== session.user.email) throw new Error('row 1r: the valid session did not read as alice with the Redis store');
    await sleep(200); // the store's start-up reads (the ended sessions, once) are not the path's
    const requests = (count) => Array.from({ length: count }, () => bench.request(sealed));
    const before = await commandsProcessed(client);
    const results = await compareRounds([
      { name: 'ours', prepare: requests, run: bench.oursProxy },
      { name: 'reference', prepare: requests, run: bench.referenceProxy },
    ], { rounds: plan.rounds, iterations: plan.proxyIterations });
    const commands = (await commandsProcessed(client)) - before - 1;
    const calls = (plan.rounds + 1) * plan.proxyIterations;
    if (commands / calls >= 0.5) throw new Error(`row 1r: Redis processed ${commands} commands during ${calls} seen-before requests: the hot path asks Redis`);
    const refusedMs = await refusedAfterEnding(bench, redis, sealed, first.session.sessionId);
    return row('1r', 'proxy, valid session seen before, Redis store on', results, {
      target: { kind: 'ratio-at-least', value: 10 },
      redis: { commands, calls, refusedMs },
      note: `Redis commands during the ${calls.toLocaleString('en-US')} requests: ${commands}; a session ended through another store refused after ${refusedMs.toFixed(0)} ms`,
    });
  } finally {
    setSessionStore(undefined);
    client.destroy();
    await store?.close();
    await redis.stop();
  }
}

/** Row 1r measured by `entry` (bench/run.mjs) in a child process with this one's flags; throws if it fails. */
export function redisRowApart(entry, args) {
  const out = join(tmpdir(), `authkit-rsc-bench-row-1r-${process.pid}.json`);
  const rest = args.filter((arg) => !arg.startsWith('--only=') && !arg.startsWith('--row-out='));
  const child = spawnSync(process.execPath, [...process.execArgv, entry, ...rest, '--only=1r', `--row-out=${out}`], { stdio: 'inherit', env: process.env });
  if (child.status !== 0) throw new Error(`row 1r: its process failed (status ${child.status ?? child.signal}; output above)`);
  try {
    return JSON.parse(readFileSync(out, 'utf8'));
  } finally {
    rmSync(out, { force: true });
  }
}
