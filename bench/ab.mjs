#!/usr/bin/env node
/**
 * Before/after for a performance fix, in ONE process, interleaved: the kit as committed at <rev>
 * (built into node_modules/.authkit-bench-ab/<rev>/dist) against the current dist/. On a shared,
 * busy machine two runs minutes apart differ by more than most fixes; rounds that alternate
 * between the two builds in one process do not.
 *
 *   npm run build && node bench/ab.mjs <rev> [seen|first|both|none|tampered|all] [rounds]
 *
 * Cases: the proxy with a valid session seen before (row 1), seen for the first time (row 1),
 * with no cookie (row 2) and with a tampered cookie (row 3); `both` is the first two, `all` the
 * four. Prints wall and CPU µs per request, medians over rounds.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { relaunch } from './support/relaunch.mjs';

const root = fileURLToPath(new URL('..', import.meta.url));
const [rev = 'HEAD', which = 'both', roundsArg] = process.argv.slice(2);

if (process.env.AUTHKIT_BENCH_CHILD !== '1') {
  const sha = execFileSync('git', ['rev-parse', '--short', rev], { cwd: root, encoding: 'utf8' }).trim();
  // Under node_modules so the build resolves the kit's own dependencies (not bench/'s jose 5).
  const tree = join(root, 'node_modules', '.authkit-bench-ab', sha);
  if (!existsSync(join(tree, 'dist', 'server', 'index.js'))) {
    mkdirSync(tree, { recursive: true });
    execFileSync('sh', ['-c', `git archive ${sha} src tsconfig.json tsconfig.build.json | tar -x -C "${tree}"`], { cwd: root, stdio: 'inherit' });
    // The rev's package.json "imports" (#refresh-exchange), in the tree: without them tsc and Node
    // would take this checkout's, and tsc would compile (and emit into) this checkout's src/.
    const { imports } = JSON.parse(execFileSync('git', ['show', `${sha}:package.json`], { cwd: root, encoding: 'utf8' }));
    writeFileSync(join(tree, 'package.json'), JSON.stringify({ name: 'authkit-rsc-ab', type: 'module', imports }, null, 2));
    execFileSync(process.execPath, [join(root, 'node_modules', 'typescript', 'bin', 'tsc'), '-p', join(tree, 'tsconfig.build.json')], { cwd: tree, stdio: 'inherit' });
  }
  process.env.AUTHKIT_BENCH_AB_DIST = join(tree, 'dist');
  process.env.AUTHKIT_BENCH_AB_REV = sha;
}
relaunch(import.meta.url);

const { startBench, tamper } = await import('./support/setup.mjs');
const { compareRounds, median, formatUs } = await import('./support/measure.mjs');
const bench = await startBench();
const before = await import(join(process.env.AUTHKIT_BENCH_AB_DIST, 'server', 'index.js'));
const proxies = { [`before (${process.env.AUTHKIT_BENCH_AB_REV})`]: before.authkitProxy(), 'after (dist/)': bench.ours.authkitProxy() };
const rounds = Number(roundsArg ?? 9);

try {
  const { session, sealed } = await bench.mintSession();
  const cases = [];
  const wanted = (name) => which === name || which === 'all' || (which === 'both' && (name === 'seen' || name === 'first'));
  const repeat = (value) => (count) => Array.from({ length: count }, () => bench.request(value));
  if (wanted('seen')) cases.push(['valid session seen before', repeat(sealed), 1000]);
  if (wanted('first')) {
    const fresh = async (count) => (await Promise.all(Array.from({ length: count }, () => bench.reseal(session)))).map((value) => bench.request(value));
    cases.push(['valid session seen for the first time', fresh, 200]);
  }
  if (wanted('none')) cases.push(['no cookie', repeat(undefined), 1000]);
  if (wanted('tampered')) cases.push(['tampered cookie', repeat(tamper(sealed)), 1000]);
  for (const [label, prepare, iterations] of cases) {
    const results = await compareRounds(Object.entries(proxies).map(([name, run]) => ({ name, prepare, run })), { rounds, iterations });
    console.log(`\n${label} (${rounds} rounds of ${iterations}, interleaved):`);
    for (const name of Object.keys(proxies)) {
      console.log(`  ${name.padEnd(22)} ${formatUs(median(results.wall[name])).padStart(9)} wall  ${formatUs(median(results.cpu[name])).padStart(9)} CPU`);
    }
    // Round by round (the two ran back to back): steadier than the difference of two medians.
    const [before, after] = Object.keys(proxies);
    for (const kind of ['wall', 'cpu']) {
      const deltas = results[kind][after].map((value, round) => value - results[kind][before][round]);
      const slower = deltas.filter((delta) => delta > 0).length;
      console.log(`  after − before, ${kind === 'cpu' ? 'CPU' : 'wall'}: median ${formatUs(median(deltas))} per request; after slower in ${slower} of ${deltas.length} rounds`);
    }
  }
} finally {
  await bench.close();
}
