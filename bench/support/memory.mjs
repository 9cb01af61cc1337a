/**
 * Memory: the valid-session proxy loop of authkit-rsc, `requests` times with a fresh NextRequest
 * each, heap measured after `global.gc()` (twice) once warm and again at the end; growth must stay
 * within 10%. A second loop cycles more distinct sessions than the verified-session cache holds
 * (every request a miss, every entry evicted in turn) and checks that the heap stays flat there too.
 */
import { elapsedUs } from './measure.mjs';

function heapAfterGc() {
  globalThis.gc();
  globalThis.gc();
  return process.memoryUsage().heapUsed;
}

async function loop(bench, values, requests, batch = 1000) {
  for (let done = 0; done < requests; done += batch) {
    const size = Math.min(batch, requests - done);
    const inputs = Array.from({ length: size }, (_, i) => bench.request(values[(done + i) % values.length]));
    for (const request of inputs) await bench.oursProxy(request);
  }
}

export async function memoryCheck(bench, plan) {
  if (typeof globalThis.gc !== 'function') throw new Error('memory check needs --expose-gc');
  const { session, sealed } = await bench.mintSession();
  await loop(bench, [sealed], plan.memoryWarmup);
  const before = heapAfterGc();
  const start = process.hrtime.bigint();
  await loop(bench, [sealed], plan.memoryRequests);
  const seconds = elapsedUs(start) / 1e6;
  const after = heapAfterGc();

  // Churn: more distinct seals than the cache's 1,000 entries, cycled, so every read misses.
  const seals = await Promise.all(Array.from({ length: plan.churnSessions }, () => bench.reseal(session)));
  await loop(bench, seals, plan.churnSessions);
  const churnBefore = heapAfterGc();
  await loop(bench, seals, plan.churnRequests);
  const churnAfter = heapAfterGc();

  const growth = (a, b) => (b - a) / a;
  return {
    requests: plan.memoryRequests, seconds, before, after, growth: growth(before, after),
    churn: { sessions: plan.churnSessions, requests: plan.churnRequests, before: churnBefore, after: churnAfter, growth: growth(churnBefore, churnAfter) },
  };
}
