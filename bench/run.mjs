#!/usr/bin/env node
/**
 * `npm run bench`: authkit-rsc against @workos-inc/authkit-nextjs (the reference), in one process,
 * on one local WorkOS emulator (issue 7). Prints the table and writes bench/results.md.
 *
 *   npm run bench                       # full run (a few minutes; take final numbers at load < 1)
 *   npm run bench -- --smoke            # a few hundred iterations, no results file (CI)
 *   npm run bench -- --only=1,5         # some rows: 1 2 3 (proxy, with 7), 1r (Redis store), 4, 5, 6, 8, 9, mem
 *   npm run bench -- --rounds=9         # more rounds
 *   npm run bench -- --no-next          # no Next.js builds: row 8 from the import graph only, no row 9
 *   npm run bench -- --reuse-builds     # row 9 with the app builds already there (.fixtures/, bench/fixtures/reference-app)
 *   npm run bench -- --profile          # write a .cpuprofile (node --cpu-prof) to the temp directory
 *   npm run bench -- --render           # rewrite bench/results.md from the last full run's bench/results.json
 *
 * Needs `npm run build` first (it runs against dist/). It re-executes itself with the flags it
 * needs: --conditions=react-server, --expose-gc, the module hooks, NODE_ENV=production.
 */
import { execFileSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, totalmem } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { relaunch } from './support/relaunch.mjs';

const here = fileURLToPath(new URL('.', import.meta.url));
const root = join(here, '..');
const args = process.argv.slice(2);
const flag = (name) => args.includes(`--${name}`);
const option = (name) => args.find((arg) => arg.startsWith(`--${name}=`))?.split('=')[1];

relaunch(import.meta.url, { profile: flag('profile') });

const smoke = flag('smoke');
/** Set in the process that measures row 1r alone (see redis-row.mjs): where it writes the row. */
const rowOut = option('row-out');
const only = option('only')?.split(',');
const wants = (row) => !only || only.includes(row);

const plan = smoke
  ? {
    rounds: 1, proxyIterations: 40, firstSeenIterations: 10, refreshIterations: 3, stampede: 20, stampedeRounds: 1,
    renderIterations: 10, memoryWarmup: 50, memoryRequests: 200, churnSessions: 10, churnRequests: 30, next: false,
    pageRounds: 1, pageRequests: 3, pageWarmup: 2, pageRebuild: false, pageControls: false,
  }
  : {
    rounds: 7, proxyIterations: 1000, firstSeenIterations: 200, refreshIterations: 20, stampede: 20, stampedeRounds: 3,
    renderIterations: 100, memoryWarmup: 5000, memoryRequests: 100_000, churnSessions: 2000, churnRequests: 6000, next: !flag('no-next'),
    pageRounds: 7, pageRequests: 20, pageWarmup: 20, pageRebuild: !flag('reuse-builds'), pageControls: true,
  };
if (option('rounds')) plan.rounds = plan.pageRounds = Number(option('rounds'));

const load = () => loadavg()[0].toFixed(2);
const say = (message) => console.log(`bench: ${message}`);

const { startBench } = await import('./support/setup.mjs');
const { proxyRows, refreshRow, stampedeRow } = await import('./support/proxy-rows.mjs');
const { withAuthRow } = await import('./support/render-row.mjs');
const { bundleRow } = await import('./support/bundle-row.mjs');
const { memoryCheck } = await import('./support/memory.mjs');
const { renderResultsFile, renderTable } = await import('./support/report.mjs');
const { pageDetail } = await import('./support/page-report.mjs');

if (flag('render')) {
  // The report's text changed, not the numbers: no need to measure again.
  const saved = JSON.parse(readFileSync(join(here, 'results.json'), 'utf8'));
  writeFileSync(join(here, 'results.md'), renderResultsFile(saved.results, saved.context));
  say(`wrote bench/results.md from bench/results.json (${saved.context.date})`);
  process.exit(0);
}

const loadBefore = load();
if (!rowOut) say(`${smoke ? 'smoke run' : 'full run'}; load average ${loadBefore} (${cpus().length} cores)${Number(loadBefore) >= 1 && !smoke ? ': the machine is busy, timings will be noisy' : ''}`);

const bench = await startBench();
bench.oursProxy = bench.ours.authkitProxy();
bench.referenceProxy = bench.reference.authkitProxy();
const results = {};
let sealedLength;
try {
  sealedLength = (await bench.mintSession()).sealed.length;
  if (rowOut) {
    const { redisSeenBeforeRow } = await import('./support/redis-row.mjs');
    writeFileSync(rowOut, JSON.stringify(await redisSeenBeforeRow(bench, plan)));
  } else if (wants('1') || wants('2') || wants('3') || wants('7')) {
    say('rows 1, 2, 3, 7: proxy paths and the floor');
    results.proxy = await proxyRows(bench, plan);
  }
  if (!rowOut && (wants('1') || wants('1r'))) {
    say('row 1r: proxy, valid session seen before, with the Redis store on (a redis-server started for it; a process of its own)');
    const { redisRowApart } = await import('./support/redis-row.mjs');
    const redisRow = redisRowApart(fileURLToPath(import.meta.url), args);
    results.proxy = results.proxy ?? [];
    results.proxy.splice(results.proxy.findIndex((row) => row.id === '1c') + 1 || results.proxy.length, 0, redisRow);
  }
  if (wants('4')) {
    say('row 4: expired access token, refreshed at the emulator');
    results.refresh = await refreshRow(bench, plan);
  }
  if (wants('5')) {
    say('row 5: withAuth() in a request scope');
    results.withAuth = await withAuthRow(bench, plan);
  }
  if (wants('6')) {
    say(`row 6: ${plan.stampede} concurrent requests with one expired session`);
    results.stampede = await stampedeRow(bench, plan);
  }
  results.loadAfterTimed = load();
  if (wants('mem')) {
    say(`memory: ${plan.memoryRequests.toLocaleString('en-US')} valid-session requests`);
    results.memory = await memoryCheck(bench, plan);
  }
} finally {
  await bench.close();
}
if (rowOut) process.exit(0);
if (wants('8')) {
  say('row 8: client bundles');
  results.bundle = await bundleRow();
  if (plan.next) {
    say('row 8: Next.js build of the server-gates fixture (about a minute)');
    const { nextFixtureProof } = await import('./support/next-fixture.mjs');
    results.bundle.next = await nextFixtureProof();
  }
}
if (wants('9') && (smoke || !flag('no-next'))) {
  say('row 9: a signed-in page with auth in the header under next start (the kit with Cache Components on and off, the reference)');
  const { pageRows } = await import('./support/page-rows.mjs');
  results.page = await pageRows(plan, say);
}

const { table, targets } = renderTable(results, { judge: !smoke });
console.log(`\n${table}\n`);
if (results.page) console.log(`Row 9 in detail: ${pageDetail(results.page)}\n`);
if (smoke) say('smoke run: too few iterations to judge the targets; the numbers only show that every row runs.');
else console.log(`${targets}\n`);

if (!smoke) {
  const packageVersion = (path) => JSON.parse(readFileSync(join(root, path), 'utf8')).version;
  let commit = 'unknown';
  try {
    commit = execFileSync('git', ['rev-parse', '--short', 'HEAD'], { cwd: root, encoding: 'utf8' }).trim();
  } catch { /* not a git checkout */ }
  const loadAfter = results.loadAfterTimed ?? load();
  const context = {
    date: new Date().toISOString().replace(/\.\d+Z$/, 'Z'),
    machine: `${cpus()[0]?.model ?? 'unknown CPU'}, ${cpus().length} cores, ${(totalmem() / 2 ** 30).toFixed(0)} GiB, ${process.platform} ${process.arch}`,
    oursVersion: packageVersion('package.json'),
    commit,
    referenceVersion: packageVersion('bench/node_modules/@workos-inc/authkit-nextjs/package.json'),
    referenceSdkVersion: packageVersion('bench/node_modules/@workos-inc/node/package.json'),
    loadBefore,
    loadAfter,
    // The bench keeps one core busy itself, so the 1-minute average climbs towards 1 while it runs.
    quiet: Number(loadBefore) < 1 && Number(loadAfter) < 2,
    sealedLength,
    plan,
  };
  if (only) say('a partial run (--only): bench/results.md left as it was');
  else {
    writeFileSync(join(here, 'results.md'), renderResultsFile(results, context));
    writeFileSync(join(here, 'results.json'), `${JSON.stringify({ results, context }, null, 1)}\n`);
    say('wrote bench/results.md (and bench/results.json, for --render)');
  }
}
