#!/usr/bin/env node
/**
 * One package, one path, in a loop, under `node --cpu-prof`: where a missed target's time goes.
 *
 *   node bench/profile.mjs <case> [ours|reference] [iterations]
 *     case: seen (row 1, seen before) | first (row 1, first seen) | render1 | render50 | render-signed-out (row 5)
 *   node bench/support/profile-summary.mjs <the .cpuprofile it names> --top 30
 *
 * The loop runs after a warm-up, so the profile is mostly the steady state.
 */
import { relaunch } from './support/relaunch.mjs';

relaunch(import.meta.url, { profile: true });

const [kase = 'seen', who = 'ours', count] = process.argv.slice(2);
const iterations = Number(count ?? (kase === 'first' ? 2000 : 20000));
const { startBench } = await import('./support/setup.mjs');
const { elapsedUs } = await import('./support/measure.mjs');
const bench = await startBench();
const packageOf = who === 'reference' ? bench.reference : bench.ours;
const proxy = packageOf.authkitProxy();
bench.oursProxy = bench.ours.authkitProxy();
bench.referenceProxy = bench.reference.authkitProxy();

try {
  const { session, sealed } = await bench.mintSession();
  let run;
  if (kase === 'seen' || kase === 'first') {
    // Fresh seals are made up front, so the profile of the loop holds no sealing.
    const fresh = kase === 'first' ? await Promise.all(Array.from({ length: iterations + Math.ceil(iterations / 4) }, () => bench.reseal(session))) : [];
    const cookie = () => (kase === 'seen' ? sealed : fresh.pop());
    run = async (n) => {
      const requests = [];
      for (let i = 0; i < n; i++) requests.push(bench.request(cookie()));
      const start = process.hrtime.bigint();
      for (const request of requests) await proxy(request);
      return elapsedUs(start) / n;
    };
  } else if (kase === 'render1' || kase === 'render50' || kase === 'render-signed-out') {
    const { renderLoop } = await import('./support/render-row.mjs');
    const loop = await renderLoop(bench, who, kase === 'render50' ? 50 : 1, kase === 'render-signed-out' ? undefined : sealed);
    run = async (n) => (await loop(n)).requestUs;
  } else {
    throw new Error(`unknown case ${kase}`);
  }
  await run(Math.ceil(iterations / 4));
  console.log(`${who} ${kase}: ${(await run(iterations)).toFixed(1)} µs per call (${iterations} calls)`);
} finally {
  await bench.close();
}
