/**
 * Row 5: `withAuth()` in a request scope, called once and 50 times while rendering one request,
 * and once for a signed-out visitor (no session cookie: most of an app's traffic).
 *
 * The request scope is a real React Server Components render: Next's own Flight renderer
 * (`next/dist/compiled/react-server-dom-webpack/server.node`) renders an async server component
 * with the react-server build of React, so `cache()` is scoped to the render exactly as in Next.
 * `next/headers` is the bench's per-request stand-in (./next-headers.mjs), filled with the
 * request headers each package's proxy forwards (the proxy ran once, outside the clock). Both
 * packages render the same component in the same renderer.
 *
 * Two numbers per case: the whole request (scope, render, the calls) and the calls alone (timed
 * inside the component, from before the first call to after the last).
 */
import { cookies } from 'next/headers';
import { createElement } from 'react';
import { renderToReadableStream } from 'next/dist/compiled/react-server-dom-webpack/server.node.js';
import { collectYoung, elapsedUs, median, shuffled } from './measure.mjs';
import { inRequest } from './next-headers.mjs';

/** The request headers the render sees after each package's proxy. */
async function renderHeaders(bench, sealed) {
  const request = bench.request(sealed);
  const ours = await bench.oursProxy(request);
  const forwarded = new Headers();
  for (const name of ours.headers.get('x-middleware-override-headers').split(',')) {
    forwarded.set(name, ours.headers.get(`x-middleware-request-${name}`));
  }
  const referenceRequest = bench.request(sealed);
  const { headers } = await bench.reference.authkit(referenceRequest);
  const { requestHeaders } = bench.reference.partitionAuthkitHeaders(referenceRequest, headers);
  return { ours: forwarded, reference: requestHeaders };
}

async function renderOnce(headers, Page) {
  let failure;
  const stream = inRequest(headers, () => renderToReadableStream(createElement(Page), {}, { onError: (error) => { failure = error; } }));
  for await (const chunk of stream) void chunk;
  if (failure) throw failure;
}

/**
 * A loop of requests for one package that each render a page calling `withAuth()` `calls` times,
 * signed in as alice with `sealed`, or signed out without it.
 * @returns `run(n)` → `{ requestUs, callsUs }` per request (mean over the n requests)
 */
export async function renderLoop(bench, name, calls, sealed) {
  const expected = sealed === undefined ? undefined : 'alice@example.com';
  const headers = (await renderHeaders(bench, sealed))[name];
  const withAuth = name === 'reference' ? bench.reference.withAuth : bench.ours.withAuth;
  let callsUs = 0;
  async function Page() {
    const start = process.hrtime.bigint();
    let user;
    for (let i = 0; i < calls; i++) user = (await withAuth()).user;
    callsUs += elapsedUs(start);
    if (user?.email !== expected) throw new Error(`${name}: withAuth() did not return ${expected ?? 'a signed-out visitor'}`);
    return null;
  }
  return async (n) => {
    callsUs = 0;
    const start = process.hrtime.bigint();
    for (let i = 0; i < n; i++) await renderOnce(headers, Page);
    return { requestUs: elapsedUs(start) / n, callsUs: callsUs / n };
  };
}

/**
 * The floor for a signed-out call: a `withAuth()` that only awaits `cookies()` and answers signed
 * out, the least any implementation reading the session cookie can do. Its "call alone" is mostly
 * the render's own work interleaved with one await, which sets the scale for the two packages'.
 */
const cookiesOnlyWithAuth = async () => {
  await cookies();
  return { user: null };
};

/**
 * Rounds of `cases` taking turns request by request, so a change in machine load reaches all alike:
 * in alternating order, or (`shuffle`) in a new random order each time (./measure.mjs `shuffled`),
 * so that what one case leaves behind does not always land on the same next one.
 * Returns each case's per-round means.
 */
async function interleaved(cases, plan, { shuffle = false, renders = plan.renderIterations } = {}) {
  const results = Object.fromEntries(cases.map(({ key }) => [key, { request: [], calls: [] }]));
  for (let round = -1; round < plan.rounds; round++) {
    const sums = Object.fromEntries(cases.map(({ key }) => [key, { request: 0, calls: 0 }]));
    collectYoung();
    for (let i = 0; i < renders; i++) {
      for (const { key, run } of shuffle ? shuffled(cases) : i % 2 === 0 ? cases : [...cases].reverse()) {
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
  return results;
}

const SIGNED_OUT_RENDERS_FACTOR = 20;

export async function withAuthRow(bench, plan) {
  const { sealed } = await bench.mintSession();
  const signedIn = [];
  const signedOut = [];
  for (const name of ['ours', 'reference']) {
    for (const calls of [1, 50]) signedIn.push({ key: `${name}×${calls}`, run: await renderLoop(bench, name, calls, sealed) });
    signedOut.push({ key: `${name}×1 signed out`, run: await renderLoop(bench, name, 1, undefined) });
  }
  signedOut.push({ key: 'floor×1 signed out', run: await renderLoop({ ...bench, ours: { withAuth: cookiesOnlyWithAuth } }, 'ours', 1, undefined) });
  // Two groups, each interleaved within itself: a signed-out call (tens of µs) measured between
  // the reference's signed-in renders (milliseconds, and their garbage) would mostly measure
  // whose turn came after the garbage collector's. The three signed-out cases are shuffled: in a
  // fixed order one of them always followed the same neighbour (and was measured 20 µs slower
  // than the same code in another slot).
  // A signed-out render costs about a tenth of a millisecond, so that group takes 20 times as many
  // renders per round (a second or so): at 100, one collector pause moved a round's mean by 10 µs.
  const results = {
    ...(await interleaved(signedIn, plan)),
    ...(await interleaved(signedOut, plan, { shuffle: true, renders: plan.renderIterations * SIGNED_OUT_RENDERS_FACTOR })),
  };
  const summary = Object.fromEntries(Object.entries(results).map(([key, value]) => [key, { request: median(value.request), calls: median(value.calls), rounds: value }]));
  return { id: '5', label: '`withAuth()` in a request scope, 1 and 50 calls, and signed out', unit: 'µs per request', summary };
}
