/**
 * The results table (printed and written to bench/results.md) and the targets of issue 7.
 */
import { readFileSync } from 'node:fs';
import { formatBytes, formatRatio, formatUs } from './measure.mjs';
import { pageMethod, pageTableRows } from './page-report.mjs';

let judging = true;
const yes = (ok) => (judging ? (ok ? 'met' : '**missed**') : '');

/** One line per measured row, with the target verdicts of issue 7. */
export function tableRows(results) {
  const lines = [];
  const verdicts = [];
  const add = (cells) => lines.push(`| ${cells.join(' | ')} |`);
  const verdict = (name, ok, detail) => verdicts.push({ name, ok, detail });

  const both = (wall, cpu, format) => `${format(wall)} (${format(cpu)} CPU)`;
  for (const row of results.proxy ?? []) {
    if (row.id === '7') continue;
    let target = '';
    let met = '';
    if (row.target?.kind === 'ratio-at-least') {
      const ok = row.ratio >= row.target.value && row.cpuRatio >= row.target.value;
      target = `≥ ${row.target.value}× the reference's throughput`;
      met = yes(ok);
      verdict(`${row.label}: ≥ ${row.target.value}× the reference`, ok, `${formatRatio(row.ratio)} by wall time (${formatUs(row.reference)} vs ${formatUs(row.ours)} per request), ${formatRatio(row.cpuRatio)} by CPU time (${formatUs(row.referenceCpu)} vs ${formatUs(row.oursCpu)})`);
    } else if (row.target?.kind === 'floor-multiple-at-most') {
      const multiple = row.ours / row.floor;
      const cpuMultiple = row.oursCpu / row.floorCpu;
      const ok = multiple <= row.target.value && cpuMultiple <= row.target.value;
      target = `≤ ${row.target.value}× the floor (row 7): ${both(multiple, cpuMultiple, formatRatio)}`;
      met = yes(ok);
      verdict('valid session seen for the first time: ≤ 1.2× the floor', ok, `${formatRatio(multiple)} by wall time (${formatUs(row.ours)} vs floor ${formatUs(row.floor)}), ${formatRatio(cpuMultiple)} by CPU time (${formatUs(row.oursCpu)} vs ${formatUs(row.floorCpu)})`);
    }
    add([row.id.replace(/[a-z]$/, ''), row.note ? `${row.label} (${row.note})` : row.label, both(row.reference, row.referenceCpu, formatUs), both(row.ours, row.oursCpu, formatUs), both(row.ratio, row.cpuRatio, formatRatio), target, met]);
  }
  if (results.refresh) {
    const row = results.refresh;
    add(['4', row.label, both(row.reference, row.referenceCpu, formatUs), both(row.ours, row.oursCpu, formatUs), both(row.ratio, row.cpuRatio, formatRatio), '', '']);
  }
  if (results.withAuth) {
    const s = results.withAuth.summary;
    const oursMultiple = s['ours×50'].request / s['ours×1'].request;
    const referenceMultiple = s['reference×50'].request / s['reference×1'].request;
    const callsMultiple = s['ours×50'].calls / s['ours×1'].calls;
    for (const calls of [1, 50]) {
      const reference = s[`reference×${calls}`].request;
      const ours = s[`ours×${calls}`].request;
      add(['5', `request rendering a page that calls \`withAuth()\` ${calls}× (whole request)`, formatUs(reference), formatUs(ours), formatRatio(reference / ours), '', '']);
    }
    const reference0 = s['reference×1 signed out'];
    const ours0 = s['ours×1 signed out'];
    add(['5', 'request rendering a page that calls `withAuth()` 1× signed out (whole request)', formatUs(reference0.request), formatUs(ours0.request), formatRatio(reference0.request / ours0.request), '', '']);
    add(['5', '… the call alone, signed out', formatUs(reference0.calls), formatUs(ours0.calls), formatRatio(reference0.calls / ours0.calls), 'at least as fast as the reference', yes(ours0.calls <= reference0.calls)]);
    const floor0 = s['floor×1 signed out'];
    if (floor0) add(['5', '… the floor: a `withAuth()` that only awaits `cookies()`, signed out (call alone / whole request)', '', `${formatUs(floor0.calls)} / ${formatUs(floor0.request)}`, '', 'for scale', '']);
    verdict('signed-out `withAuth()` at least as fast as the reference (issue 14)', ours0.calls <= reference0.calls, `${formatUs(ours0.calls)} vs ${formatUs(reference0.calls)} per call (whole request ${formatUs(ours0.request)} vs ${formatUs(reference0.request)})${floor0 ? `; a withAuth() that only awaits cookies(): ${formatUs(floor0.calls)}` : ''}`);
    add(['5', '… the calls alone (1× / 50×)', `${formatUs(s['reference×1'].calls)} / ${formatUs(s['reference×50'].calls)}`, `${formatUs(s['ours×1'].calls)} / ${formatUs(s['ours×50'].calls)}`, '', `50 calls / 1 call: ${formatRatio(callsMultiple)} (reference ${formatRatio(s['reference×50'].calls / s['reference×1'].calls)})`, '']);
    add(['5', 'request with 50 calls / request with 1 call', formatRatio(referenceMultiple), formatRatio(oursMultiple), '', '≤ 1.2×', yes(oursMultiple <= 1.2)]);
    verdict('50 `withAuth()` calls ≤ 1.2× one call (per request)', oursMultiple <= 1.2, `${formatRatio(oursMultiple)} per request (the calls alone: ${formatRatio(callsMultiple)}; reference ${formatRatio(referenceMultiple)})`);
  }
  if (results.stampede) {
    const row = results.stampede;
    const ok = row.ours.calls === 1;
    add(['6', row.label, `${row.reference.calls} (${row.reference.signedIn}/${row.K} signed in)`, `${row.ours.calls} (${row.ours.signedIn}/${row.K} signed in)`, formatRatio(row.reference.calls / row.ours.calls), 'exactly 1', yes(ok)]);
    verdict(`row 6: exactly 1 refresh call for ${row.K} concurrent requests`, ok, `ours ${row.ours.calls}, reference ${row.reference.calls}`);
  }
  const floor = (results.proxy ?? []).find((row) => row.id === '7');
  if (floor) add(['7', floor.label, '', both(floor.floorOnly, floor.floorCpu, formatUs), '', 'the physical-ish limit', '']);
  if (results.bundle) {
    const { ours, reference } = results.bundle;
    const half = reference.whole.gzip / 2;
    const setOk = ours.referenceSet.gzip <= half;
    const wholeOk = ours.whole.gzip <= reference.whole.gzip;
    add(['8', 'client: provider, `useAuth`, `useAccessToken`, `Impersonation` (min / gzip)', `${formatBytes(reference.referenceSet.minified)} / ${formatBytes(reference.referenceSet.gzip)}`, `${formatBytes(ours.referenceSet.minified)} / ${formatBytes(ours.referenceSet.gzip)}`, formatRatio(reference.referenceSet.gzip / ours.referenceSet.gzip), `≤ half the reference's whole entry: ${formatBytes(Math.floor(half))} gzip`, yes(setOk)]);
    add(['8', 'client: the whole components entry (min / gzip)', `${formatBytes(reference.whole.minified)} / ${formatBytes(reference.whole.gzip)}`, `${formatBytes(ours.whole.minified)} / ${formatBytes(ours.whole.gzip)}`, formatRatio(reference.whole.gzip / ours.whole.gzip), '≤ the reference\'s whole entry', yes(wholeOk)]);
    verdict('reference-equivalent client set ≤ half the reference (gzip)', setOk, `${formatBytes(ours.referenceSet.gzip)} vs half of ${formatBytes(reference.whole.gzip)} = ${formatBytes(Math.floor(half))}`);
    verdict('whole client face ≤ the reference\'s whole entry (gzip)', wholeOk, `${formatBytes(ours.whole.gzip)} vs ${formatBytes(reference.whole.gzip)}`);
    const graphOk = results.bundle.graph.clientModules.length === 0;
    const next = results.bundle.next;
    const nextOk = next ? next.serverGatesOnly.kitChunks.length === 0 : undefined;
    const zero = graphOk && nextOk !== false;
    const shipped = next ? formatBytes(next.serverGatesOnly.kitGzip) : `${results.bundle.graph.clientModules.length} client modules`;
    add(['8', 'kit JavaScript on a page that uses only the server gates', '— (no server gates)', shipped, '', '0', yes(zero)]);
    verdict('zero kit JavaScript on a server-gates-only page', zero, next
      ? `Next build: the page loads ${next.serverGatesOnly.chunks.length} chunks, none with a kit module (control page: ${formatBytes(next.control.kitGzip)} gzip of kit chunks); import graph: ${results.bundle.graph.modules.length} kit modules, 0 client`
      : `import graph only (no Next build in this run): ${results.bundle.graph.modules.length} kit modules, ${results.bundle.graph.clientModules.length} client`);
  }
  for (const line of pageTableRows(results.page)) add(line);
  if (results.memory) {
    const { growth, churn, requests } = results.memory;
    const ok = growth <= 0.1 && churn.growth <= 0.1;
    add(['mem', `heap after GC, ${requests.toLocaleString('en-US')} valid-session requests`, '', `${(results.memory.before / 2 ** 20).toFixed(1)} → ${(results.memory.after / 2 ** 20).toFixed(1)} MiB (${(growth * 100).toFixed(1)}%)`, '', 'within 10%', yes(growth <= 0.1)]);
    add(['mem', `… cycling ${churn.sessions.toLocaleString('en-US')} distinct sessions (cache holds 1,000), ${churn.requests.toLocaleString('en-US')} requests`, '', `${(churn.before / 2 ** 20).toFixed(1)} → ${(churn.after / 2 ** 20).toFixed(1)} MiB (${(churn.growth * 100).toFixed(1)}%)`, '', 'within 10%', yes(churn.growth <= 0.1)]);
    verdict('bounded memory (heap after GC within 10%)', ok, `${(growth * 100).toFixed(1)}% over ${requests.toLocaleString('en-US')} requests; ${(churn.growth * 100).toFixed(1)}% while cycling ${churn.sessions} sessions`);
  }
  return { lines, verdicts };
}

/** @param judge false for a smoke run: too few iterations to say met or missed */
export function renderTable(results, { judge = true } = {}) {
  judging = judge;
  const { lines, verdicts } = tableRows(results);
  const header = [
    '| # | measure | reference (authkit-nextjs 4.3.2) | authkit-rsc | ratio reference/ours | target | |',
    '|---|---|---|---|---|---|---|',
  ];
  const targetLines = verdicts.map(({ name, ok, detail }) => `- ${ok ? 'met' : '**missed**'}: ${name}: ${detail}`);
  return { table: [...header, ...lines].join('\n'), targets: targetLines.join('\n'), verdicts };
}

function roundsDetail(results) {
  const out = [];
  const list = (values) => values.map((value) => value.toFixed(1)).join(', ');
  for (const row of [...(results.proxy ?? []), ...(results.refresh ? [results.refresh] : [])]) {
    const parts = Object.entries(row.rounds).map(([name, values]) => `${name}: ${list(values)} (CPU ${list(row.cpuRounds[name])})`);
    out.push(`- row ${row.id} (${row.label}), µs per call by round: ${parts.join('; ')}`);
  }
  if (results.withAuth) {
    for (const [key, value] of Object.entries(results.withAuth.summary)) {
      out.push(`- row 5 ${key}, µs per request by round: ${list(value.rounds.request)} (calls alone: ${list(value.rounds.calls)})`);
    }
  }
  if (results.stampede) {
    for (const name of ['reference', 'ours']) {
      out.push(`- row 6 ${name}: ${results.stampede[name].all.map((round) => `${round.calls} calls, ${round.signedIn} signed in`).join('; ')}`);
    }
  }
  return out.join('\n');
}

function bundleDetail(bundle) {
  if (!bundle) return '';
  const lines = [
    `The server gates' import graph (\`SignedIn\`, \`SignedOut\`, \`RequireAuth\` from \`authkit-rsc/components\` under the \`react-server\` condition, tree-shaken) holds ${bundle.graph.modules.length} kit modules, of which ${bundle.graph.clientModules.length} are \`'use client'\` modules${bundle.graph.clientModules.length ? `: ${bundle.graph.clientModules.join(', ')}` : ''}.`,
  ];
  if (bundle.next) {
    const { serverGatesOnly, control } = bundle.next;
    lines.push(
      '',
      'Next.js build of `bench/fixtures/server-gates-app` (`next build --webpack`, served by `next start`), JavaScript each page loads:',
      '',
      `- \`${serverGatesOnly.path}\` (only \`<SignedIn>\`, \`<SignedOut>\`, \`<RequireAuth>\`): ${serverGatesOnly.chunks.map((chunk) => `\`${chunk.replace(/^static\/chunks\//, '')}\``).join(', ')}; kit chunks: ${serverGatesOnly.kitChunks.length ? serverGatesOnly.kitChunks.join(', ') : 'none'}.`,
      `- \`${control.path}\` (the control, \`<AuthKitProvider>\`): kit chunks ${control.kitChunks.map((chunk) => `\`${chunk.replace(/^static\/chunks\//, '')}\``).join(', ')} (${formatBytes(control.kitGzip)} gzip).`,
      '',
      'The build does emit a chunk with the kit\'s client modules for the gates-only page too: Next gives a page every `\'use client\'` module its server graph imports, and the server face\'s entry (`index.react-server.js`) imports the client provider and re-exports the client hooks. Neither the page\'s HTML nor a client-side navigation to it loads that chunk (no client reference is rendered), so it costs the build, not the browser.',
    );
  }
  return lines.join('\n');
}

/** The whole of bench/results.md. */
export function renderResultsFile(results, context) {
  const { table, targets } = renderTable(results);
  const fixes = readFileSync(new URL('../perf-fixes.md', import.meta.url), 'utf8').trim();
  return `# Benchmark results: authkit-rsc against @workos-inc/authkit-nextjs

Generated by \`npm run bench\` (\`bench/run.mjs\`); do not edit by hand (the performance fixes
section comes from \`bench/perf-fixes.md\`).

- Date: ${context.date}
- Machine: ${context.machine}
- Node.js ${process.version}; authkit-rsc ${context.oursVersion} (commit ${context.commit}); @workos-inc/authkit-nextjs ${context.referenceVersion} with @workos-inc/node ${context.referenceSdkVersion}
- Load average (1 min) just before the run: ${context.loadBefore}; after the timed rows: ${context.loadAfter}, which includes the bench's own busy thread (about 1) (2 cores; ${context.quiet ? 'quiet: no other work of note' : 'NOT quiet: other work was running, treat the timings as noisy'})
- Session cookie: ${context.sealedLength.toLocaleString('en-US')} bytes sealed (alice, Acme, admin: the same strings for both packages)
- Rounds: ${context.plan.rounds} recorded (+1 warm-up) of ${context.plan.proxyIterations} calls (rows 1–3), ${context.plan.firstSeenIterations} (first seen, floor), ${context.plan.refreshIterations} (row 4), ${context.plan.renderIterations} renders (row 5; ×20 for its signed-out cases); row 9: ${context.plan.pageRounds} rounds of ${context.plan.pageRequests} requests per build after ${context.plan.pageWarmup} warm-up requests

${table}

Ratio: the reference's time divided by ours (above 1 = authkit-rsc is faster; for throughput the
same factor). Times are the median over rounds of the mean time per call: wall-clock time of
sequential calls (latency), and in brackets the process's CPU time (user + system, every thread:
what a call costs a server whose cores are all busy, so what bounds its throughput; it is also
far less sensitive to other work on the machine than wall time).

## Targets (issue 7)

${targets}

## Method

- **One process, one emulator.** \`bench/run.mjs\` starts this repo's WorkOS emulator in process,
  points both packages' environment at it (before loading the reference, which reads its environment
  at load), and mints sessions on it. Each session is sealed once with the kit's sealing code
  (iron-session, the reference's payload and password form), so both packages read identical cookie
  strings. The process runs with \`--conditions=react-server\` (\`server-only\` resolves to its empty
  module, React to its server build) and \`NODE_ENV=production\`; \`bench/support/hooks.mjs\` maps
  \`next/headers\` to a per-request stand-in and \`next/navigation\` to Next's react-server build.
- **Rows 1–4** call each package's \`authkitProxy()\` (what \`proxy.ts\`/\`middleware.ts\` exports)
  with a fresh \`NextRequest\` per call carrying Chromium's navigation headers; requests are built
  before the clock starts (Next builds the request whether or not auth runs). "Seen before" repeats
  one cookie; "first time" gives every call a seal never read before (same session, new salt). Row 4
  gives every call its own session whose 1-second access token has expired, so each call refreshes
  at the emulator (its loopback HTTP and RS256 signing are in the time, for both).
- **Row 1 with the Redis store** (\`bench/support/redis-row.mjs\`): row 1 again with the kit bound
  to the Redis store (\`setSessionStore\` + \`createRedisStore\`, a real \`redis-server\` on loopback
  started for the row), against the reference; its label gives the commands Redis processed during
  the row (the seen-before path reads this process's view, kept current by pub/sub) and how soon a
  session ended through a second store was refused.
- **Interleaving.** Every round runs each contender in turn, alternating the order, after one
  unrecorded warm-up round; the young generation is collected before each round (a scavenge: a
  forced full GC also discards V8's optimised code, whose recompilation the round would then pay
  for; see \`bench/support/measure.mjs\`).
- **Row 5** renders an async server component with Next's own Flight renderer
  (\`next/dist/compiled/react-server-dom-webpack/server.node\`), so React's \`cache()\` is scoped to
  the request exactly as in Next. The component calls \`withAuth()\` 1 or 50 times; the request
  headers are what each package's proxy forwards (its proxy ran once, outside the clock); each render
  is a new request (new \`next/headers\` scope, new React cache). "Whole request" is render start to
  stream end; "the calls alone" is timed inside the component.
- **Row 6** fires ${results.stampede?.K ?? 20} proxy calls at once with one expired cookie and counts
  \`POST /user_management/authenticate\` at the emulator (\`/_emulator/counters\`), plus how many of the
  calls came out with a new session.
- **Row 7** (the floor): iron-session \`unsealData\` of the same kind of seal as row 1 "first time" +
  jose \`jwtVerify\` with the emulator's public key imported once, interleaved with that row: both
  on WebCrypto, as the libraries run everywhere. On Node the kit opens the same seal with Node's
  synchronous crypto (same checks, see performance fix 5), so its first-seen row can undercut it;
  jose still verifies its JWTs.
- **Row 8**: esbuild bundles, minified, gzip -9 (Node's zlib), react/react-dom/next and the
  server-actions module external; ours through \`scripts/measure-client-bundle.mjs\`, the reference's
  \`./components\` entry the same way. The zero-JS proof: see below.
- **Row 9**: a signed-in request for a page with auth in the header, served by \`next start\` and
  timed from the client, in milliseconds: see its section below. Its ratio column is the reference's
  time (or CPU time) divided by the kit's.
- **Memory**: ${results.memory ? `${results.memory.requests.toLocaleString('en-US')} valid-session proxy requests (fresh \`NextRequest\` each), heap after two \`global.gc()\` once warm and at the end; then more distinct sessions than the verified-session cache holds, cycled` : 'not run'}.
- **Load.** The machine has 2 cores shared with other work; the load average before and after the
  timed rows is above. Numbers taken under load are noisy; the ratios (interleaved) hold up better
  than absolute times.

## Row 8: what a page that uses only the server gates ships

${bundleDetail(results.bundle)}

${pageMethod(results.page)}

## Rounds

${roundsDetail(results)}

${fixes}
`;
}
