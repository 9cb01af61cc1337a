/**
 * Timing: rounds of N sequential calls per contender, interleaved (the order alternates every
 * round, so drift in machine load hits both), after one unrecorded warm-up round. A round's value
 * is its mean time per call; a row reports the median of its rounds. Inputs are prepared before
 * the clock starts (request objects, sessions), and the heap is collected before each round, so a
 * round pays only for its own garbage.
 *
 * That collection is a scavenge (V8's young generation, where a round's garbage is), never a full
 * mark-compact: a full GC also throws away optimised code that pointed at objects it freed ("weak
 * objects" deoptimisations, seen with node --trace-deopt), and V8 then recompiles about forty of
 * the hot path's functions on background threads during the round, on the process's CPU clock.
 * Forced before every round (as the bench did until December 2026), that added about 45 µs of
 * CPU and 20 µs of wall time to each call of a 1,000-call round of the kit's proxy (about 70 µs
 * of work), and a few percent to the reference's; a server does not run a full GC every 1,000
 * requests.
 */

export function median(values) {
  if (values.length === 0) return Number.NaN;
  const sorted = [...values].sort((a, b) => a - b);
  const middle = sorted.length >> 1;
  return sorted.length % 2 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
}

/** Collects the young generation only (see above). */
export const collectYoung = () => globalThis.gc?.({ type: 'minor' });

/**
 * `items` in a random order (Fisher–Yates). With more than two contenders, a fixed or alternating
 * order makes each always follow the same neighbours, and what one leaves behind (garbage,
 * queued microtasks) lands on the next: shuffling spreads it over all of them.
 */
export function shuffled(items) {
  const copy = [...items];
  for (let i = copy.length - 1; i > 0; i--) {
    const j = Math.floor(Math.random() * (i + 1));
    [copy[i], copy[j]] = [copy[j], copy[i]];
  }
  return copy;
}

/** Microseconds since `start` (from `process.hrtime.bigint()`). */
export const elapsedUs = (start) => Number(process.hrtime.bigint() - start) / 1000;

/**
 * @param contenders `{ name, prepare(n, round) → inputs[] | Promise, run(input) → Promise }`
 * @returns `{ wall: { [name]: number[] }, cpu: { [name]: number[] } }`: µs per call, one value per
 *   recorded round. `cpu` is the process's user + system time (every thread: the crypto thread pool
 *   and GC too), what a call costs a server whose cores are all busy, whatever else this machine runs.
 */
export async function compareRounds(contenders, { rounds, iterations, warmup = true }) {
  const wall = Object.fromEntries(contenders.map(({ name }) => [name, []]));
  const cpu = Object.fromEntries(contenders.map(({ name }) => [name, []]));
  for (let round = warmup ? -1 : 0; round < rounds; round++) {
    const order = round % 2 === 0 ? contenders : [...contenders].reverse();
    for (const contender of order) {
      const inputs = await contender.prepare(iterations, round);
      collectYoung();
      const cpuStart = process.cpuUsage();
      const start = process.hrtime.bigint();
      for (const input of inputs) await contender.run(input);
      const wallUs = elapsedUs(start);
      const { user, system } = process.cpuUsage(cpuStart);
      if (round < 0) continue;
      wall[contender.name].push(wallUs / inputs.length);
      cpu[contender.name].push((user + system) / inputs.length);
    }
  }
  return { wall, cpu };
}

/** Formats microseconds for the table. */
export function formatUs(us) {
  if (!Number.isFinite(us)) return 'n/a';
  if (us >= 10_000) return `${(us / 1000).toFixed(1)} ms`;
  if (us >= 100) return `${us.toFixed(0)} µs`;
  if (us >= 10) return `${us.toFixed(1)} µs`;
  return `${us.toFixed(2)} µs`;
}

export const formatBytes = (bytes) => `${bytes.toLocaleString('en-US')} B`;
export const formatRatio = (ratio) => (Number.isFinite(ratio) ? `${ratio.toFixed(ratio >= 10 ? 1 : 2)}×` : 'n/a');
