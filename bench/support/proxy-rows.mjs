/**
 * Rows 1–4, 6 and 7: the proxy/middleware paths of both packages, the refresh stampede, and the
 * floor. Each package runs as its users install it: `authkitProxy()` (Next 16's `proxy.ts`; the
 * reference's `authkitMiddleware` is the same function), called with a fresh `NextRequest` per
 * call, built before the clock starts (Next builds it whether or not auth runs). Row 1 is also
 * measured through the composable `authkit(request)`.
 */
import { createRequire } from 'node:module';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { compareRounds, median } from './measure.mjs';
import { AUTHENTICATE, sleep, tamper } from './setup.mjs';

const requireFromRoot = createRequire(fileURLToPath(new URL('../../package.json', import.meta.url)));
/** The kit's own copies of iron-session and jose (the reference has its own jose 5 under bench/). */
const importFromRoot = (name) => import(pathToFileURL(requireFromRoot.resolve(name)).href);

/** One timed row: medians by wall and CPU time, the ratio reference/ours. */
export function row(id, label, { wall, cpu }, extra = {}) {
  const reference = median(wall.reference ?? []);
  const ours = median(wall.ours ?? []);
  const referenceCpu = median(cpu.reference ?? []);
  const oursCpu = median(cpu.ours ?? []);
  return {
    id, label, unit: 'µs per call', reference, ours, ratio: reference / ours,
    referenceCpu, oursCpu, cpuRatio: referenceCpu / oursCpu, rounds: wall, cpuRounds: cpu, ...extra,
  };
}

/** The session the kit's proxy hands to the render: the one in the forwarded Cookie header. */
const forwardedSession = (response) => {
  const cookie = response.headers.get('x-middleware-request-cookie') ?? '';
  const pair = cookie.split(/; */).find((entry) => entry.startsWith('wos-session='));
  return pair === undefined ? null : decodeURIComponent(pair.slice('wos-session='.length));
};

/** The session each package hands to the render (the reference: its `x-workos-session` header). */
const handedOver = {
  ours: forwardedSession,
  reference: (response) => response.headers.get('x-middleware-request-x-workos-session'),
};

/** Throws unless both proxies see alice on `sealed` (a bench that measures a broken path measures nothing). */
async function checkSignedIn(bench, sealed) {
  const ours = await bench.ours.authkit(bench.request(sealed));
  const reference = await bench.reference.authkit(bench.request(sealed));
  for (const [name, result] of [['authkit-rsc', ours], ['reference', reference]]) {
    if (result.session.user?.email !== 'alice@example.com') throw new Error(`${name}: the valid session did not read as alice`);
  }
  if (forwardedSession(await bench.oursProxy(bench.request(sealed))) !== sealed) throw new Error('authkit-rsc proxy did not forward the session');
}

/** Fresh, distinct seals of one session, `count` at a time (never seen by either package). */
function freshSeals(bench, session) {
  return async (count) => Promise.all(Array.from({ length: count }, () => bench.reseal(session)));
}

/** Rows 1 (seen before, composable, first seen), 7 (floor, interleaved with first seen), 2 and 3. */
export async function proxyRows(bench, plan) {
  const { session, sealed } = await bench.mintSession();
  await checkSignedIn(bench, sealed);
  const requests = (value) => (count) => Array.from({ length: count }, () => bench.request(value));
  const viaProxy = (value) => [
    { name: 'ours', prepare: requests(value), run: bench.oursProxy },
    { name: 'reference', prepare: requests(value), run: bench.referenceProxy },
  ];
  const options = { rounds: plan.rounds, iterations: plan.proxyIterations };
  const rows = [];

  rows.push(row('1', 'proxy, valid session seen before', await compareRounds(viaProxy(sealed), options), { target: { kind: 'ratio-at-least', value: 5 } }));
  rows.push(row('1c', '`authkit(request)`, valid session seen before', await compareRounds([
    { name: 'ours', prepare: requests(sealed), run: (request) => bench.ours.authkit(request) },
    { name: 'reference', prepare: requests(sealed), run: (request) => bench.reference.authkit(request) },
  ], options)));

  // First seen: every call carries a seal neither package has read; the floor opens the same kind.
  const floor = await floorContender(bench);
  const seals = freshSeals(bench, session);
  const firstSeen = await compareRounds([
    { name: 'ours', prepare: async (count) => (await seals(count)).map((value) => bench.request(value)), run: bench.oursProxy },
    { name: 'reference', prepare: async (count) => (await seals(count)).map((value) => bench.request(value)), run: bench.referenceProxy },
    { name: 'floor', prepare: seals, run: floor },
  ], { rounds: plan.rounds, iterations: plan.firstSeenIterations });
  const floorUs = median(firstSeen.wall.floor);
  const floorCpu = median(firstSeen.cpu.floor);
  rows.push(row('1f', 'proxy, valid session seen for the first time', firstSeen, {
    floor: floorUs, floorCpu, target: { kind: 'floor-multiple-at-most', value: 1.2 },
  }));
  rows.push({
    id: '7', label: 'floor: one `unsealData` + one `jwtVerify` (cached key)', unit: 'µs per call',
    floorOnly: floorUs, floorCpu, rounds: { floor: firstSeen.wall.floor }, cpuRounds: { floor: firstSeen.cpu.floor },
  });

  rows.push(row('2', 'proxy, no cookie', await compareRounds(viaProxy(undefined), options)));
  rows.push(row('3', 'proxy, tampered cookie', await compareRounds(viaProxy(tamper(sealed)), options)));
  return rows;
}

/** Row 7's contender: iron-session's `unsealData` + jose's `jwtVerify` with the key imported once. */
async function floorContender(bench) {
  const [{ unsealData }, { importJWK, jwtVerify }] = await Promise.all([importFromRoot('iron-session'), importFromRoot('jose')]);
  const response = await fetch(`${bench.emulator.url}/sso/jwks/${bench.emulator.clientId}`);
  const [jwk] = (await response.json()).keys;
  const key = await importJWK(jwk, 'RS256');
  const password = process.env.WORKOS_COOKIE_PASSWORD;
  return async (sealed) => {
    const data = await unsealData(sealed, { password });
    await jwtVerify(data.accessToken, key);
  };
}

/**
 * Row 4: an expired access token, refreshed against the emulator. Every call carries its own
 * session (refresh tokens are single use), minted with a 1 s token and sealed, then left to expire.
 */
export async function refreshRow(bench, plan) {
  const perContender = (plan.rounds + 1) * plan.refreshIterations;
  const pools = { ours: [], reference: [] };
  for (const pool of Object.values(pools)) {
    for (let i = 0; i < perContender; i++) pool.push((await bench.mintSession(1)).sealed);
  }
  await sleep(2100);
  bench.emulator.control.resetCounters();
  const take = (pool) => (count) => pool.splice(0, count).map((value) => bench.request(value));
  const results = await compareRounds([
    { name: 'ours', prepare: take(pools.ours), run: bench.oursProxy },
    { name: 'reference', prepare: take(pools.reference), run: bench.referenceProxy },
  ], { rounds: plan.rounds, iterations: plan.refreshIterations });
  const calls = bench.emulator.control.counters()[AUTHENTICATE] ?? 0;
  if (calls !== 2 * perContender) throw new Error(`row 4: expected ${2 * perContender} refresh calls at the emulator, saw ${calls}`);
  return row('4', 'proxy, expired access token (refresh at the emulator)', results, { note: 'includes the emulator’s work (same process): a loopback HTTP round trip and an RS256 signature' });
}

/**
 * Row 6: K concurrent requests carrying the same expired session; the refresh calls that reach
 * the emulator, and how many of the K requests came out signed in.
 */
export async function stampedeRow(bench, plan) {
  const K = plan.stampede;
  const sessions = { ours: [], reference: [] };
  for (const list of Object.values(sessions)) for (let i = 0; i < plan.stampedeRounds; i++) list.push((await bench.mintSession(1)).sealed);
  await sleep(2100);
  const outcome = { ours: [], reference: [] };
  for (let round = 0; round < plan.stampedeRounds; round++) {
    for (const [name, proxy] of [['ours', bench.oursProxy], ['reference', bench.referenceProxy]]) {
      const sealed = sessions[name][round];
      bench.emulator.control.resetCounters();
      const responses = await Promise.all(Array.from({ length: K }, () => proxy(bench.request(sealed))));
      const calls = bench.emulator.control.counters()[AUTHENTICATE] ?? 0;
      const signedIn = responses.filter((response) => {
        const forwarded = handedOver[name](response);
        return forwarded && forwarded !== sealed;
      }).length;
      outcome[name].push({ calls, signedIn });
    }
  }
  const pick = (name) => ({
    calls: median(outcome[name].map((entry) => entry.calls)),
    signedIn: median(outcome[name].map((entry) => entry.signedIn)),
    all: outcome[name],
  });
  return { id: '6', label: `${K} concurrent requests, same expired session: refresh calls at WorkOS`, unit: 'calls', K, ours: pick('ours'), reference: pick('reference') };
}
