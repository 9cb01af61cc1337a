#!/usr/bin/env node
/**
 * Before/after for `withAuth()` (row 5), in ONE process, interleaved, as bench/ab.mjs does for the
 * proxy: the kit as committed at <rev> against the current dist/, each rendering a page that calls
 * `withAuth()` for a signed-out visitor (1 call) and a signed-in one (1 and 50 calls), with the
 * reference's signed-out and signed-in pages for scale. Prints µs per request and for the calls
 * alone, medians over rounds.
 *
 *   npm run build && node bench/ab.mjs <rev> seen 1 && node bench/ab-render.mjs <rev> [rounds] [renders]
 *   (ab.mjs builds <rev> into node_modules/.authkit-bench-ab/<rev>/ first)
 */
import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { relaunch } from './support/relaunch.mjs';

const root = fileURLToPath(new URL('..', import.meta.url));
const [rev = 'HEAD', roundsArg = '7', rendersArg = '200'] = process.argv.slice(2);
relaunch(import.meta.url);

const sha = execFileSync('git', ['rev-parse', '--short', rev], { cwd: root, encoding: 'utf8' }).trim();
const { startBench } = await import('./support/setup.mjs');
const { renderLoop } = await import('./support/render-row.mjs');
const { collectYoung, median } = await import('./support/measure.mjs');
const bench = await startBench();
const before = await import(join(root, 'node_modules', '.authkit-bench-ab', sha, 'dist', 'server', 'index.js'));
const builds = { [`before (${sha})`]: { ...bench, ours: before, oursProxy: before.authkitProxy() }, 'after (dist/)': { ...bench, oursProxy: bench.ours.authkitProxy() } };

try {
  const { sealed } = await bench.mintSession();
  const cases = [];
  for (const [name, build] of Object.entries(builds)) {
    cases.push({ key: `${name} signed out`, run: await renderLoop(build, 'ours', 1, undefined) });
    cases.push({ key: `${name} signed in ×1`, run: await renderLoop(build, 'ours', 1, sealed) });
    cases.push({ key: `${name} signed in ×50`, run: await renderLoop(build, 'ours', 50, sealed) });
  }
  cases.push({ key: 'reference signed out', run: await renderLoop(builds['after (dist/)'], 'reference', 1, undefined) });
  cases.push({ key: 'reference signed in ×1', run: await renderLoop(builds['after (dist/)'], 'reference', 1, sealed) });
  const results = Object.fromEntries(cases.map(({ key }) => [key, { request: [], calls: [] }]));
  const [rounds, renders] = [Number(roundsArg), Number(rendersArg)];
  for (let round = -1; round < rounds; round++) {
    const sums = Object.fromEntries(cases.map(({ key }) => [key, { request: 0, calls: 0 }]));
    collectYoung();
    for (let i = 0; i < renders; i++) {
      for (const { key, run } of i % 2 ? cases : [...cases].reverse()) {
        const { requestUs, callsUs } = await run(1);
        sums[key].request += requestUs;
        sums[key].calls += callsUs;
      }
    }
    if (round < 0) continue;
    for (const { key } of cases) {
      results[key].request.push(sums[key].request / renders);
      results[key].calls.push(sums[key].calls / renders);
    }
  }
  console.log(`\nwithAuth() per request (${rounds} rounds of ${renders} renders, interleaved):`);
  for (const [key, value] of Object.entries(results)) {
    console.log(`  ${key.padEnd(30)} request ${median(value.request).toFixed(1).padStart(8)} µs   calls ${median(value.calls).toFixed(1).padStart(8)} µs`);
  }
} finally {
  await bench.close();
}
