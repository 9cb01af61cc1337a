/**
 * Row 9, what a person feels: a signed-in request for a page with auth in the header, served by
 * `next start` on loopback and timed from the client, for the builds of ./page-apps.mjs (the kit
 * with Cache Components on and off, the reference; in full runs also the no-auth controls).
 *
 * Node's fetch streams the body: the time to the response headers, to the first body chunk, to
 * the page's static content (`MARKER` in the HTML) and to the end. Warm-up requests first; then
 * rounds that visit the builds in turn, the order flipping every round; a build's figure is the
 * median over all its timed requests. The server's CPU time (its process's user + system time
 * across the timed requests, from /proc) is what a request costs the machine, and is far less
 * sensitive to other work on it than the times.
 */
import { readFileSync } from 'node:fs';
import { loadavg } from 'node:os';
import { median } from './measure.mjs';
import { isBuilt, PAGE_BUILDS, startPageServer } from './page-apps.mjs';

/** The page's static paragraph as it appears in the HTML (its copy in the RSC payload is JSON). */
export const MARKER = '<p>This paragraph is static content.</p>';
const SIGNED_IN = 'alice@example.com';

/**
 * One request, the body streamed: milliseconds from the call to the response headers, the first
 * body chunk, the chunk that completes `MARKER`, and the end.
 */
async function timedRequest(url, headers) {
  const start = performance.now();
  const response = await fetch(url, { headers, redirect: 'manual' });
  const timings = { status: response.status, headers: performance.now() - start };
  const decoder = new TextDecoder();
  let text = '';
  for await (const chunk of response.body) {
    const at = performance.now() - start;
    timings.first ??= at;
    const searchFrom = Math.max(0, text.length - MARKER.length);
    text += decoder.decode(chunk, { stream: true });
    if (timings.marker === undefined && text.includes(MARKER, searchFrom)) timings.marker = at;
  }
  timings.end = performance.now() - start;
  timings.bytes = text.length;
  return { timings, text };
}

/** Throws unless the build answers with the page (signed in, where it has auth). */
async function checkPage(server) {
  const { timings, text } = await timedRequest(server.url, server.headers);
  const problem = timings.status !== 200 ? `status ${timings.status}`
    : !text.includes(MARKER) ? 'no static content in the HTML'
      : server.control ? undefined
        : !text.includes(SIGNED_IN) ? `no ${SIGNED_IN} in the page`
          : text.includes('data-testid="signed-out"') ? 'the page says signed out' : undefined;
  if (problem) throw new Error(`row 9, ${server.name}: ${problem}; the bench would measure the wrong page`);
}

/** CPU time (user + system, ms) a process has used so far; undefined off Linux. */
function processCpuMs(pid) {
  try {
    const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1].split(' ');
    return (Number(fields[11]) + Number(fields[12])) * 10; // utime, stime in clock ticks (USER_HZ = 100)
  } catch {
    return undefined;
  }
}

function summarise(samples, cpuMs) {
  const pick = (key) => samples.map((sample) => sample[key]);
  const p90 = (values) => [...values].sort((a, b) => a - b)[Math.min(values.length - 1, Math.floor(values.length * 0.9))];
  const stats = { requests: samples.length, bytes: median(pick('bytes')), serverCpu: cpuMs / samples.length };
  for (const key of ['headers', 'first', 'marker', 'end']) stats[key] = { median: median(pick(key)), p90: p90(pick(key)) };
  return stats;
}

/** `count` requests to one server, each checked; their timings and the server's CPU time. */
async function batch(server, count) {
  const cpuBefore = processCpuMs(server.pid);
  const taken = [];
  for (let i = 0; i < count; i++) {
    const { timings } = await timedRequest(server.url, server.headers);
    if (timings.status !== 200 || timings.marker === undefined) {
      throw new Error(`row 9, ${server.name}: status ${timings.status}${timings.marker === undefined ? ', no static content' : ''}`);
    }
    taken.push(timings);
  }
  return { taken, cpuMs: processCpuMs(server.pid) - cpuBefore };
}

/**
 * Row 9. `plan.pageRebuild`: build every app first (a full run: the fixtures must hold this dist/);
 * otherwise only those not built yet (a smoke run reuses what the e2e step built).
 * `plan.pageControls`: also the no-auth controls.
 */
export async function pageRows(plan, say = () => {}) {
  const testing = await import('../../dist/testing/test-session.js');
  const builds = PAGE_BUILDS.filter((build) => plan.pageControls || !build.control);
  for (const build of builds) {
    if (plan.pageRebuild || !isBuilt(build)) {
      say(`row 9: next build of ${build.name}`);
      await build.build();
    }
  }
  const servers = [];
  try {
    for (const build of builds) servers.push(await startPageServer(build, testing));
    for (const server of servers) await checkPage(server);
    const loadBefore = loadavg()[0];
    const samples = Object.fromEntries(servers.map((server) => [server.name, { taken: [], cpuMs: 0, markerRounds: [] }]));
    for (let round = -1; round < plan.pageRounds; round++) {
      for (const server of round % 2 === 0 ? servers : [...servers].reverse()) {
        const { taken, cpuMs } = await batch(server, round < 0 ? plan.pageWarmup : plan.pageRequests);
        if (round < 0) continue;
        const sample = samples[server.name];
        sample.taken.push(...taken);
        sample.cpuMs += cpuMs;
        sample.markerRounds.push(median(taken.map((timing) => timing.marker)));
      }
    }
    const results = Object.fromEntries(Object.entries(samples).map(([name, { taken, cpuMs, markerRounds }]) => [name, { ...summarise(taken, cpuMs), markerRounds }]));
    const load = { before: loadBefore, after: loadavg()[0] };
    return { id: '9', builds: results, rounds: plan.pageRounds, requests: plan.pageRequests, warmup: plan.pageWarmup, load };
  } finally {
    await Promise.all(servers.map((server) => server.stop()));
  }
}
