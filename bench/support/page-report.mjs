/**
 * Row 9 in the report: its lines in the results table, its detail (every build, the controls too)
 * and its method, for bench/results.md.
 */
import { formatRatio } from './measure.mjs';

const formatMs = (ms) => (Number.isFinite(ms) ? `${ms.toFixed(ms >= 100 ? 0 : 1)} ms` : 'n/a');
const PAGE_MEASURES = [['first', 'first byte'], ['marker', 'static content'], ['end', 'end of response']];
const PAGE_MODES = [['cache-on', 'Cache Components on (static shell, auth streamed)'], ['cache-off', 'Cache Components off (rendered in place)']];

/** Row 9: each measure, for the kit with Cache Components on and off, against the reference (off). */
export function pageTableRows(page) {
  if (!page) return [];
  const { builds } = page;
  const lines = [];
  for (const [key, what] of PAGE_MEASURES) {
    for (const [name, mode] of PAGE_MODES) {
      const reference = builds.reference[key].median;
      const ours = builds[name][key].median;
      lines.push(['9', `signed-in page, \`next start\`: ${what}; kit with ${mode}`, formatMs(reference), formatMs(ours), formatRatio(reference / ours), '', '']);
    }
  }
  for (const [name, mode] of PAGE_MODES) {
    const reference = builds.reference.serverCpu;
    const ours = builds[name].serverCpu;
    lines.push(['9', `… the server's CPU time per request; kit with ${mode}`, formatMs(reference), formatMs(ours), formatRatio(reference / ours), '', '']);
  }
  return lines;
}

/** Row 9's detail: every build (the controls too), each measure's median and 90th percentile. */
export function pageDetail(page) {
  if (!page) return 'Not run.';
  const names = {
    'cache-on': 'kit, Cache Components on', 'cache-off': 'kit, Cache Components off', reference: 'reference (authkit-nextjs 4.3.2), Cache Components off',
    'control-on': 'control (no auth), Cache Components on', 'control-off': 'control (no auth), Cache Components off',
  };
  const cell = ({ median: m, p90 }) => `${formatMs(m)} (p90 ${formatMs(p90)})`;
  const lines = [
    `${page.rounds} rounds of ${page.requests} requests per build after ${page.warmup} warm-up requests each; median (and 90th percentile) over all ${page.rounds * page.requests} timed requests of a build, in milliseconds from the call. Load average (1 min) when the timed requests began: ${page.load.before.toFixed(2)} (the builds just before it count in it), when they ended: ${page.load.after.toFixed(2)}.`,
    '',
    '| build | response headers | first body chunk | static content | end of response | server CPU per request | HTML (decoded) |',
    '|---|---|---|---|---|---|---|',
  ];
  for (const [name, build] of Object.entries(page.builds)) {
    lines.push(`| ${names[name] ?? name} | ${cell(build.headers)} | ${cell(build.first)} | ${cell(build.marker)} | ${cell(build.end)} | ${formatMs(build.serverCpu)} | ${build.bytes.toLocaleString('en-US')} characters |`);
  }
  lines.push('', 'Time to the static content, median of each round: ' + Object.entries(page.builds).map(([name, build]) => `${name} ${build.markerRounds.map((value) => value.toFixed(1)).join(', ')}`).join('; ') + '.');
  return lines.join('\n');
}

/** Row 9's section of bench/results.md: how it measures, then the detail. */
export function pageMethod(page) {
  return `## Row 9: a signed-in page under \`next start\`

- **The page.** The fixture app (\`test/fixtures/app\`): the README's layout (\`<AuthKitProvider>\`,
  \`<Impersonation />\`, a header with \`<SignedIn>\` holding \`<OrgSwitcher />\` and
  \`<SignOutButton />\`, \`<SignedOut>\` holding \`<SignInButton />\`) and a home page with static content
  ("This paragraph is static content.") and the user's details from \`withAuth()\` in \`<SignedIn>\`;
  the kit's \`authkitProxy()\` in \`proxy.ts\`. Built by \`scripts/fixture-apps.mjs\` as \`cache-on\`
  (what \`create-next-app@16\` writes: \`cacheComponents: true, partialPrefetching: true\`; the build
  must report \`/\` as partially prerendered, ◐) and \`cache-off\`. The reference
  (\`bench/fixtures/reference-app\`) has the same page and provider; its header reads the session with
  its \`withAuth()\` (the organization and a sign-out form: it has no gates, switcher or buttons), its
  \`authkitProxy()\` in \`proxy.js\`, Cache Components off (it reads \`headers()\` outside any boundary,
  which such a build refuses).
- **The request.** Each build runs under \`next start\` on 127.0.0.1 with its own emulator (in the bench
  process). Alice's session is minted on it (\`createTestSession\` of \`authkit-rsc/testing\`, a one-hour
  access token, sealed with the app's cookie password: the kit's and the reference's cookies are the
  same format). Node's fetch sends it with Chromium's navigation headers (compression accepted, as a
  browser does; fetch decompresses chunk by chunk) and streams the body: the time to the response
  headers, to the first body chunk, to the chunk that completes
  \`<p>This paragraph is static content.</p>\` in the HTML, and to the end. Before timing, each build
  must answer with alice's page (her email present, no signed-out view); every timed response must be
  a 200 holding the static content.
- **Rounds.** Warm-up requests per build first, then rounds that visit the builds in turn, the order
  flipping every round; a build's figure is the median over all its timed requests. The server's CPU
  time per request is its process's user + system time (\`/proc/<pid>/stat\`) over the timed requests
  divided by their number: what a request costs the machine, much steadier under load than the times.
  The other servers idle meanwhile; the client and the emulators share the bench process.
- **Controls** (full runs): \`bench/fixtures/control-app\`, the same page with no auth package and a
  cookie read where the kit's parts read the session (in its own \`<Suspense>\` with Cache Components,
  in place without), built both ways: what Next itself costs in each mode.

${pageDetail(page)}`;
}
