#!/usr/bin/env node
// The soak: mixed traffic from many simulated users against the built example app, served by two
// `next start` processes behind one cookie (same password, same emulator), while WorkOS faults are
// injected at random. At the end every user whose session should be alive must still be signed in
// on both instances, the emulator must not have rejected a single refresh token, and no response
// may be a 5xx the kit caused. Loopback only; bounded by time and request count; stops by itself.
//
//   npm run soak                      # 5 minutes, 40 users
//   npm run soak:short                # ~40 s, 16 users (what .ci/run runs)
//   npm run soak:redis                # ~40 s, three instances sharing a redis-server restarted at random (.ci/run too)
//   node test/hardening/soak.mjs --duration 120 --users 24 --seed 7 [--instances 3 --redis]
//
// With --redis (issue 16) every instance gets AUTHKIT_REDIS_URL for a real redis-server the soak
// starts and restarts at random while users browse; the checks are the same, plus: K concurrent
// requests with one expired cookie, spread over the instances, cause exactly one refresh at WorkOS
// while Redis is up, and at most one per instance while it is down (and every page is signed in);
// and the same rounds run all through the restarts (some timed to hit them), each counted by its
// own refresh token: at least one refresh and at most one per instance, none refused, every page
// signed in, and some rounds inside an outage.
//
// Needs the built example: npm run build && npm run build --workspace example.
// Ports: SOAK_APP_PORT (3300, with --redis 3350; further instances use +1, +2) and
// SOAK_EMULATOR_PORT (4300, with --redis 4350). Redis gets a free port.
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { exampleIsBuilt, startStack } from '../../scripts/stack.mjs';
import { SoakBrowser, parseForms } from './soak-browser.mjs';
import { redisDuring, restartAtRandom, startSoakRedis, tapRefreshes } from './soak-redis.mjs';

const { values: args } = parseArgs({
  options: {
    duration: { type: 'string', default: '300' },
    users: { type: 'string', default: '40' },
    seed: { type: 'string' },
    'max-requests': { type: 'string', default: '200000' },
    instances: { type: 'string', default: '2' },
    redis: { type: 'boolean', default: false },
    verbose: { type: 'boolean', default: false },
  },
});
const INSTANCES = Math.min(Math.max(Number(args.instances) || 2, 2), 4);
const REDIS = args.redis;
const DURATION_S = Math.min(Math.max(Number(args.duration) || 300, 10), 3600);
const USERS = Math.min(Math.max(Number(args.users) || 40, 4), 200);
const MAX_REQUESTS = Math.min(Number(args['max-requests']) || 200_000, 1_000_000);
const SEED = Number(args.seed ?? Date.now() % 100_000);
const APP_PORT = Number(process.env.SOAK_APP_PORT ?? (REDIS ? 3350 : 3300));
const EMULATOR_PORT = Number(process.env.SOAK_EMULATOR_PORT ?? (REDIS ? 4350 : 4300));
const SUMMARY = REDIS ? 'soak-summary-redis.json' : 'soak-summary.json';
const RESULTS = new URL('../../test-results/', import.meta.url);

// --- seeded randomness, so a failing run can be replayed with --seed ---
let state = SEED >>> 0 || 1;
function random() {
  state = (state + 0x6d2b79f5) >>> 0;
  let t = state;
  t = Math.imul(t ^ (t >>> 15), t | 1);
  t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
  return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
}
const pick = (list) => list[Math.floor(random() * list.length)];
const between = (low, high) => low + Math.floor(random() * (high - low + 1));
const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

// --- bookkeeping ---
const stats = {
  requests: 0,
  byStatus: {},
  byPort: {},
  flowErrors: [],
  outage503: 0,
  stalePages: 0,
  clientPages: 0,
  clientPagesWithoutOrganizations: 0,
  signInFailedDuringFault: 0,
  kit5xx: [],
  networkErrors: 0,
  unexpectedSignOuts: [],
  deliberateSignOuts: 0,
  signIns: 0,
  orgSwitches: 0,
  tampered: 0,
  bursts: 0,
  faults: {},
  emulator: { authenticate400: 0, authenticateStatuses: {} },
  twoInstance: { sessions: 0, requests: 0, signedIn: 0, refreshCalls: 0, callsByRound: [] },
  redis: { restarts: 0, downMs: 0, downCheck: undefined, restartRounds: undefined },
  edge: {},
};
let lastFaultAt = 0;
const deadline = Date.now() + DURATION_S * 1000;
const quietFrom = Date.now() + DURATION_S * 800; // the last 20 %: no new faults, everything recovers
const running = () => Date.now() < deadline && stats.requests < MAX_REQUESTS;

function record(event) {
  stats.requests += 1;
  const port = new URL(event.url).port;
  stats.byPort[port] = (stats.byPort[port] ?? 0) + 1;
  stats.byStatus[event.status] = (stats.byStatus[event.status] ?? 0) + 1;
  if (event.status === 0) stats.networkErrors += 1;
  // Served stale: WorkOS could not refresh an expired session, the page rendered signed in anyway.
  if (event.status === 200 && /data-testid="session-stale"|"stale":true/.test(event.text ?? '')) stats.stalePages += 1;
  if (event.status < 500) return;
  const text = event.text ?? '';
  if (event.status === 503 && (/Please try again in a moment/.test(text) || /"session_unavailable"/.test(text))) stats.outage503 += 1;
  else if (event.status === 500 && /"authentication_failed"/.test(text) && Date.now() - lastFaultAt < 20_000) stats.signInFailedDuringFault += 1;
  else if (new URL(event.url).port !== String(EMULATOR_PORT)) stats.kit5xx.push({ url: event.url, status: event.status, body: text.slice(0, 200) });
}

// The emulator runs in this process: its request log says how every authenticate call ended.
const originalLog = console.log;
console.log = (...parts) => {
  const line = parts.join(' ');
  const match = /^\[authkit-emulator\] POST \/user_management\/authenticate (\d{3})/.exec(line);
  if (match) {
    stats.emulator.authenticateStatuses[match[1]] = (stats.emulator.authenticateStatuses[match[1]] ?? 0) + 1;
    if (match[1] === '400') stats.emulator.authenticate400 += 1;
  }
  if (args.verbose || !line.startsWith('[authkit-emulator]')) originalLog(...parts);
};

// --- the stack: emulator + INSTANCES app processes behind one cookie (and Redis, with --redis) ---
if (!exampleIsBuilt()) {
  console.error('soak: the example app is not built. Run: npm run build && npm run build --workspace example');
  process.exit(2);
}
mkdirSync(RESULTS, { recursive: true });
const appPorts = Array.from({ length: INSTANCES }, (_, index) => APP_PORT + index);
for (const port of appPorts) rmSync(new URL(`soak-app-${port}.log`, RESULTS), { force: true });
const stacks = [];
let redis;
async function stopAll() {
  await Promise.allSettled([...stacks.map((stack) => stack.stop()), redis?.stop()]);
}
const hardStop = setTimeout(() => {
  console.error('soak: hard time limit reached, stopping');
  void stopAll().then(() => process.exit(3));
}, (DURATION_S + 240) * 1000);
hardStop.unref();
for (const signal of ['SIGINT', 'SIGTERM']) process.once(signal, () => void stopAll().then(() => process.exit(130)));

let appEnv = {};
if (REDIS) ({ redis, appEnv } = await startSoakRedis());
const primary = await startStack({
  appPort: APP_PORT,
  emulatorPort: EMULATOR_PORT,
  emulator: true,
  emulatorOptions: { quiet: false, accessTokenTtlSeconds: 60, refreshGraceSeconds: 30 },
  appEnv,
  logFile: new URL(`soak-app-${APP_PORT}.log`, RESULTS).pathname,
});
stacks.push(primary);
for (const port of appPorts.slice(1)) {
  stacks.push(await startStack({
    appPort: port,
    emulator: false,
    appEnv: primary.env, // the same emulator, cookie password, redirect URI (and Redis)
    logFile: new URL(`soak-app-${port}.log`, RESULTS).pathname,
  }));
}
const emulator = primary.emulator;
const instances = stacks.map((stack) => stack.appUrl);
const password = primary.env.WORKOS_COOKIE_PASSWORD;
const { createTestSession } = await import('../../dist/testing/index.js');

async function mint(browser, user, options = {}) {
  const session = await createTestSession({ user, emulatorUrl: emulator.url, cookiePassword: password, ...options });
  for (const name of [...browser.jar.keys()]) if (name.startsWith('wos-session')) browser.jar.delete(name);
  for (const cookie of session.cookies) browser.jar.set(cookie.name, cookie.value);
  return session;
}

// --- what a page says about the session ---
const signedInAs = (text) => /data-testid="user-email">([^<]+)</.exec(text)?.[1] ?? null;
const isSignedOutHome = (text) => /You are signed out/.test(text);

/**
 * A navigation that waits out the kit's 503 "try again" page (Retry-After), as the page itself
 * does. Within the outage grace period (15 minutes, longer than any soak token has been expired)
 * there should be none: the run fails if one is seen.
 */
async function visit(browser, url, options = {}) {
  for (let attempt = 0; attempt < 20; attempt += 1) {
    const page = await browser.navigate(url, options);
    if (page.status !== 503) return page;
    await sleep(Math.min(Number(page.headers.get('retry-after') ?? 1), 2) * 1000);
  }
  return browser.navigate(url, options);
}

/** What a page that should have shown the user showed instead (for the summary). */
function whatItShowed(text = '') {
  if (/__next-page-redirect/.test(text)) return 'a redirect streamed after the shell';
  if (/You are signed out/.test(text)) return 'the signed-out view';
  if (/data-testid="user-email">/.test(text)) return 'another user';
  return 'neither view';
}

function unexpected(user, where, page) {
  stats.unexpectedSignOuts.push({ user: user.name, email: user.email, where, status: page.status, showed: whatItShowed(page.text), at: new Date().toISOString() });
  user.signedIn = false; // resynchronise: the user signs in again and the run goes on
}

/** Checks the user is (still) signed in on `/` of a random instance. */
async function checkHome(user, browser) {
  const home = await visit(browser, `${pick(instances)}/`, { tag: user.role });
  const who = signedInAs(home.text);
  if (user.signedIn && who !== user.email) unexpected(user, '/', home);
  if (!user.signedIn && !isSignedOutHome(home.text)) unexpected(user, '/ (expected signed out)', home);
  return home;
}

async function browse(user, browser) {
  // /client lists the memberships itself (and, like <OrgSwitcher>, renders without them during an outage).
  const path = pick(['/', '/', '/account', '/client', '/reference', '/api/me']);
  const base = pick(instances);
  if (path === '/api/me') {
    const response = await (async () => {
      for (let attempt = 0; attempt < 20; attempt += 1) {
        const result = await browser.request(`${base}/api/me`, { kind: 'api', tag: user.role });
        if (result.status !== 503) return result;
        await sleep(1000);
      }
      return browser.request(`${base}/api/me`, { kind: 'api', tag: user.role });
    })();
    const email = response.status === 200 ? JSON.parse(response.text).email : null;
    if (user.signedIn && email !== user.email) unexpected(user, '/api/me', response);
    return;
  }
  if (path === '/') return void (await checkHome(user, browser));
  const page = await visit(browser, `${base}${path}`, { tag: user.role });
  const landed = new URL(page.url);
  if (user.signedIn && path === '/account' && !(landed.pathname === '/account' && page.text.includes(user.email))) unexpected(user, path, page);
  if (path === '/client' && page.status === 200) {
    stats.clientPages += 1;
    if (/organizations could not be listed/.test(page.text)) stats.clientPagesWithoutOrganizations += 1; // a memberships outage
  }
  // /client's own content is a client component reading useAuth(): with Cache Components it has the
  // user after hydration, not in the HTML. The header's server gate (streamed into the HTML) does.
  if (user.signedIn && path === '/client' && !(landed.pathname === '/client' && page.text.includes(`data-testid="header-email">${user.email}<`))) unexpected(user, path, page);
}

/** Several tabs at once, on every instance, with the same cookie (often an expired one). */
async function burst(user, browser) {
  stats.bursts += 1;
  const pages = await Promise.all(Array.from({ length: between(3, 8) }, (_, i) => visit(browser, `${instances[i % instances.length]}/`, { tag: `${user.role}-burst` })));
  for (const page of pages) if (user.signedIn && signedInAs(page.text) !== user.email) unexpected(user, '/ (burst)', page);
}

async function signOut(user, browser) {
  const home = await visit(browser, `${pick(instances)}/`, { tag: 'sign-out' });
  const form = parseForms(home.text).find((candidate) => candidate.label === 'Sign out');
  if (!form) return unexpected(user, 'sign-out form missing', home);
  user.signedIn = false; // from the moment the user clicks
  await browser.submit(home.url, form, {}, 'sign-out');
  stats.deliberateSignOuts += 1;
  await checkHome(user, browser);
}

/**
 * A code exchange fails while a fault is queued at WorkOS, and faults queue back to back (a new one
 * every 1-3 s, an outage answering 20-40 exchanges with 503): the user starts again, as a user would,
 * until the faults have been quiet for 20 s. Failing after that is a flaw.
 */
async function signIn(user, browser) {
  const faultsRecent = () => Date.now() - lastFaultAt < 20_000;
  for (let attempt = 0; attempt < 10 || (faultsRecent() && attempt < 120); attempt += 1) {
    const page = await browser.signIn(`${primary.appUrl}/callback?return_to=%2F`, user.email, user.organizationId);
    if (signedInAs(page.text) === user.email) {
      user.signedIn = true;
      stats.signIns += 1;
      return;
    }
    await sleep(500); // a code exchange failed during a fault: start again, as a user would
  }
  unexpected(user, 'sign-in never completed', { status: -1 });
}

async function switchOrganization(user, browser) {
  const home = await visit(browser, `${pick(instances)}/`, { tag: 'switch' });
  const target = user.organizationId === 'org_acme' ? 'org_globex' : 'org_acme';
  const form = parseForms(home.text).find((candidate) => candidate.fields.some(([name, value]) => name === 'organizationId' && value === target));
  if (!form) {
    // Hidden while WorkOS cannot list the memberships; otherwise the user must still be signed in.
    if (signedInAs(home.text) !== user.email) unexpected(user, '/ before switch', home);
    return;
  }
  const after = await browser.submit(home.url, form, {}, 'switch');
  if (after.status === 503 || after.status >= 500) return; // the switch failed during a fault; the session stays
  const check = await visit(browser, `${pick(instances)}/`, { tag: 'switch' });
  const org = /data-testid="organization-id">([^<]+)</.exec(check.text)?.[1];
  if (org === target) {
    user.organizationId = target;
    stats.orgSwitches += 1;
  }
  if (signedInAs(check.text) !== user.email) unexpected(user, '/ after switch', check);
}

async function tamper(user, browser) {
  const name = browser.jar.has('wos-session') ? 'wos-session' : [...browser.jar.keys()].find((key) => key.startsWith('wos-session'));
  if (!name) return;
  const value = browser.jar.get(name);
  const at = between(10, value.length - 5);
  browser.jar.set(name, value.slice(0, at) + (value[at] === 'A' ? 'B' : 'A') + value.slice(at + 1));
  stats.tampered += 1;
  user.signedIn = false;
  await checkHome(user, browser); // signed out, cookie cleared, never a 500
  if ([...browser.jar.keys()].some((key) => key.startsWith('wos-session'))) unexpected(user, 'tampered cookie not cleared', { status: -1 });
  stats.deliberateSignOuts += 1;
}

// --- the users ---
const PEOPLE = [
  { email: 'alice@example.com', organizationId: 'org_acme' },
  { email: 'bob@example.com', organizationId: 'org_acme' },
  { email: 'carol@example.com' },
  { email: 'dave@example.com', organizationId: 'org_globex' },
];
const ROLES = ['steady', 'steady', 'expiring', 'expiring', 'signer', 'switcher', 'tamperer'];

async function runUser(index) {
  const role = ROLES[index % ROLES.length];
  const person = role === 'switcher' ? PEOPLE[0] : PEOPLE[index % PEOPLE.length];
  const user = { name: `user${index}`, role, email: person.email, organizationId: person.organizationId, signedIn: false };
  const browser = new SoakBrowser(record);
  const expiresIn = role === 'expiring' ? between(8, 20) : between(20, 90);
  await mint(browser, user.email, { organizationId: user.organizationId, expiresIn });
  user.signedIn = true;
  while (running()) {
    try {
      const roll = random();
      if (role === 'signer' && roll < 0.15) {
        if (user.signedIn) await signOut(user, browser);
        else await signIn(user, browser);
      } else if (role === 'switcher' && roll < 0.25 && user.signedIn) await switchOrganization(user, browser);
      else if (role === 'tamperer' && roll < 0.1 && user.signedIn) await tamper(user, browser);
      else if (!user.signedIn) {
        if (role === 'signer') await signIn(user, browser);
        else {
          await mint(browser, user.email, { organizationId: user.organizationId, expiresIn });
          user.signedIn = true;
        }
      } else if (role === 'expiring' || roll < 0.1) await burst(user, browser);
      else await browse(user, browser);
    } catch (error) {
      // Network errors are already counted per request; anything else is a flaw in a flow.
      if (error?.name !== 'TimeoutError' && error?.name !== 'TypeError') stats.flowErrors.push(`${user.role}: ${error?.message ?? error}`.slice(0, 200));
    }
    // Expiring users often come back after their token has expired (8–20 s tokens, up to 25 s away).
    await sleep(Math.max(0, Math.min(role === 'expiring' ? between(500, 25_000) : between(50, 600), deadline - Date.now())));
  }
  return { user, browser };
}

// --- faults at random, then quiet for the last fifth of the run ---
const AUTHENTICATE = 'POST /user_management/authenticate';
const JWKS = 'GET /sso/jwks/:clientId';
const MEMBERSHIPS = 'GET /user_management/organization_memberships';
function randomFault() {
  const roll = random();
  if (roll < 0.1) return { kind: 'outage', fault: { endpoint: AUTHENTICATE, status: 503, retry_after: 0, times: between(20, 40) } };
  if (roll < 0.35) return { kind: 'status', fault: { endpoint: AUTHENTICATE, status: pick([500, 502, 503, 504, 408]), retry_after: 0, times: between(1, 4) } };
  if (roll < 0.45) return { kind: '429', fault: { endpoint: AUTHENTICATE, status: 429, retry_after: 1, times: between(1, 3) } };
  if (roll < 0.6) return { kind: 'drop', fault: { endpoint: AUTHENTICATE, drop: true, times: between(1, 3) } };
  if (roll < 0.72) return { kind: 'drop-after', fault: { endpoint: AUTHENTICATE, drop: true, when: 'after', times: between(1, 2) } };
  if (roll < 0.84) return { kind: 'latency', fault: { endpoint: AUTHENTICATE, latency_ms: between(300, 2500), times: between(1, 3) } };
  if (roll < 0.92) return { kind: 'memberships', fault: { endpoint: MEMBERSHIPS, status: pick([500, 503]), retry_after: 0, times: between(4, 12) } };
  return { kind: 'jwks', fault: { endpoint: JWKS, status: 503, times: between(1, 3) } };
}
async function injectFaults() {
  while (Date.now() < quietFrom && running()) {
    await sleep(between(1000, 3000));
    if (Date.now() >= quietFrom) break;
    const { kind, fault } = randomFault();
    emulator.control.injectFault(fault);
    lastFaultAt = Date.now();
    stats.faults[kind] = (stats.faults[kind] ?? 0) + 1;
  }
  emulator.control.clearFaults();
}

// --- checks that need no users: oversized headers, planted hand-over, two instances at once ---
async function edgeChecks() {
  const probe = new SoakBrowser(record);
  await mint(probe, 'bob@example.com', { expiresIn: 300 });
  const huge = await probe.request(`${instances[0]}/`, { headers: { cookie: `${probe.cookieHeader()}; pad=${'x'.repeat(20_000)}` } });
  stats.edge.oversizedCookie = huge.status; // Node refuses > 16 KB of headers: 431, a clean 4xx
  const padded = await probe.request(`${instances[1]}/`, { headers: { cookie: `${probe.cookieHeader()}; pad=${'x'.repeat(6_000)}` } });
  stats.edge.paddedCookieSignedIn = signedInAs(padded.text) === 'bob@example.com';
  const planted = new SoakBrowser(record);
  const spoof = await planted.request(`${instances[0]}/`, { headers: { 'x-authkit-session': probe.jar.get('wos-session'), 'x-authkit-signature': 'a'.repeat(64), 'x-middleware-subrequest': 'middleware:middleware:middleware:middleware:middleware' } });
  stats.edge.plantedHandOverIgnored = isSignedOutHome(spoof.text) && !signedInAs(spoof.text);
}

/** A session minted on a new browser, its access token expired 2 s later: every request with it must refresh. */
async function expiredSession() {
  const browser = new SoakBrowser(record);
  const session = await mint(browser, pick(PEOPLE).email, { expiresIn: 2 });
  await sleep(2500);
  return { browser, session };
}

/** `count` requests with `browser`'s cookie at once, spread over the instances in turn: how many were made and rendered signed in. */
async function signedInPages(browser, count = 10) {
  const pages = await Promise.all(Array.from({ length: count }, (_, i) => visit(browser, `${instances[i % instances.length]}/`, { tag: 'two-instance' })));
  return { requests: pages.length, signedIn: pages.filter((page) => signedInAs(page.text)).length };
}

/** Rounds of 10 concurrent requests with one just-expired cookie, spread over the instances; the refresh calls of each round. */
async function twoInstanceCheck(rounds, into = stats.twoInstance) {
  for (let round = 0; round < rounds; round += 1) {
    const { browser } = await expiredSession();
    const before = emulator.control.counters()[AUTHENTICATE] ?? 0;
    const burst = await signedInPages(browser);
    const calls = (emulator.control.counters()[AUTHENTICATE] ?? 0) - before;
    const again = await signedInPages(browser, instances.length);
    into.sessions += 1;
    into.requests += burst.requests + again.requests;
    into.signedIn += burst.signedIn + again.signedIn;
    into.refreshCalls += calls;
    into.callsByRound.push(calls);
  }
}

/**
 * Shared-refresh rounds while Redis restarts at random (until `until`): like twoInstanceCheck, but
 * the users refresh meanwhile, so each round counts its own session's refreshes at the emulator
 * (`tap`). Two lanes of rounds, one after another in each: one sends each burst as soon as its
 * cookie has expired, wherever the restarts are; the other (`aligned`) then waits for Redis's next
 * change (stopping, down, starting, back) and sends it right then. Each round notes what Redis did
 * during its burst (`redisDuring`); the counts are read at the end, so a refresh that finished
 * after its pages (the 10 s cap) still counts.
 */
async function restartRoundsCheck(tap, until, nextRedisChange) {
  const rounds = [];
  const lane = async (aligned) => {
    let upcoming = expiredSession();
    while (Date.now() < until && running()) {
      const { browser, session } = await upcoming;
      upcoming = expiredSession(); // the next round's cookie expires during this round
      const seen = tap.track(session.session.refreshToken);
      if (aligned) await Promise.race([nextRedisChange(), sleep(Math.max(0, until - Date.now()))]);
      const from = Date.now();
      const burst = await signedInPages(browser);
      const to = Date.now();
      const again = await signedInPages(browser, instances.length);
      rounds.push({ seen, aligned, from, to, requests: burst.requests + again.requests, signedIn: burst.signedIn + again.signedIn });
    }
    await upcoming; // minted, never used
  };
  await Promise.all([lane(false), lane(true)]);
  await sleep(1000); // answers still on their way to a refresh the cap let go of
  return summariseRounds(rounds);
}

/** The rounds' figures: per round what Redis did, its refreshes (one per Idempotency-Key) and HTTP attempts; the distributions. */
function summariseRounds(rounds) {
  const check = { rounds: rounds.length, aligned: 0, requests: 0, signedIn: 0, byRedis: {}, refreshesByRedis: {}, attempts: 0, statuses: {}, metWorkosFault: 0, perRound: [] };
  for (const { seen, aligned, from, to, requests, signedIn } of rounds) {
    const redisState = redisDuring(stats.redis.outages ?? [], from, to);
    const refreshes = seen.keys.size;
    check.aligned += aligned ? 1 : 0;
    check.requests += requests;
    check.signedIn += signedIn;
    check.attempts += seen.attempts;
    check.metWorkosFault += Object.keys(seen.statuses).some((status) => status !== '200') ? 1 : 0; // an injected fault hit its refresh
    check.byRedis[redisState] = (check.byRedis[redisState] ?? 0) + 1;
    const distribution = (check.refreshesByRedis[redisState] ??= {});
    distribution[refreshes] = (distribution[refreshes] ?? 0) + 1;
    for (const [status, count] of Object.entries(seen.statuses)) check.statuses[status] = (check.statuses[status] ?? 0) + count;
    check.perRound.push({ redis: redisState, aligned, refreshes, attempts: seen.attempts, statuses: seen.statuses, burstMs: to - from, signedIn: `${signedIn}/${requests}` });
  }
  check.overlappingOutages = (check.byRedis.restarting ?? 0) + (check.byRedis.down ?? 0);
  return check;
}

/** With Redis stopped: the instances refresh on their own (at most one call each), every page signed in; then Redis is back. */
async function redisDownCheck() {
  const check = { sessions: 0, requests: 0, signedIn: 0, refreshCalls: 0, callsByRound: [] };
  await redis.stop();
  try {
    await twoInstanceCheck(2, check);
  } finally {
    await redis.start();
  }
  await sleep(3000); // each instance probes Redis once a second after a failure, then catches up
  return check;
}

// --- a WorkOS outage with expired tokens, on both instances: served stale, no retry storm ---
async function outageCheck() {
  const check = { sessions: 0, pages: 0, stale: 0, refreshCalls: 0, recovered: 0, recoveredAfterSeconds: 0 };
  const browsers = [];
  for (let index = 0; index < 3; index += 1) {
    const browser = new SoakBrowser(record);
    await mint(browser, pick(PEOPLE).email, { expiresIn: 2 });
    browsers.push(browser);
  }
  await sleep(2500); // every token has expired
  emulator.control.injectFault({ endpoint: AUTHENTICATE, status: 503, retry_after: 0, times: 1000 });
  const before = emulator.control.counters()[AUTHENTICATE] ?? 0;
  const outageStarted = Date.now();
  for (let round = 0; round < 8; round += 1) {
    const pages = await Promise.all(browsers.flatMap((browser) => instances.map((base) => browser.navigate(`${base}/`, { tag: 'outage' }))));
    check.pages += pages.length;
    check.stale += pages.filter((page) => page.status === 200 && signedInAs(page.text) && /data-testid="session-stale"/.test(page.text)).length;
    await sleep(1000);
  }
  check.sessions = browsers.length;
  check.refreshCalls = (emulator.control.counters()[AUTHENTICATE] ?? 0) - before;
  check.outageSeconds = Math.round((Date.now() - outageStarted) / 1000);
  // The backoff allows a refresh at 0, 5, 15, 35, 75 … s after the first failure, per session and
  // instance (the instances share it through the retry marker only after a response), each with
  // the SDK's four attempts.
  const steps = [0, 5, 15, 35, 75, 135].filter((at) => at <= check.outageSeconds + 1).length;
  check.refreshCallsAllowed = check.sessions * instances.length * steps * 4;
  // The longest a session can still be backing off once WorkOS is back, and a few seconds more.
  check.recoveryAllowedSeconds = [5, 10, 20, 40, 60, 60][steps - 1] + 5;
  emulator.control.clearFaults();
  // WorkOS is back: each session is refreshed by the first request after its backoff.
  const backAt = Date.now();
  for (const browser of browsers) {
    for (let second = 0; second < 70; second += 1) {
      const page = await browser.navigate(`${pick(instances)}/`, { tag: 'outage' });
      if (signedInAs(page.text) && !/data-testid="session-stale"/.test(page.text)) {
        check.recovered += 1;
        break;
      }
      await sleep(1000);
    }
  }
  check.recoveredAfterSeconds = Math.round((Date.now() - backAt) / 1000);
  return check;
}

/** Redis's outages in seconds since the run started, [stopping, back], for the summary. */
function outagesFromStart(outages = [], startedAt) {
  return outages.map(({ stoppingAt, upAt }) => [stoppingAt, upAt].map((at) => (at === undefined ? null : Math.round((at - startedAt) / 100) / 10)));
}

// --- run ---
const startedAt = Date.now();
let results;
let exitCode = 0;
try {
  await edgeChecks();
  await twoInstanceCheck(3);
  const faults = injectFaults();
  let restarts;
  let restartRounds;
  if (REDIS) {
    // Shared-refresh rounds alongside the users, as long as Redis restarts (quiet then, like the faults).
    const waiting = [];
    const nextRedisChange = () => new Promise((resolve) => waiting.push(resolve));
    const onChange = (state) => waiting.splice(0).forEach((resolve) => resolve(state));
    restarts = restartAtRandom(redis, { until: quietFrom, between, sleep, stats: stats.redis, onChange });
    const tap = tapRefreshes(EMULATOR_PORT);
    // Handled now: a failed round (a request that got no answer) must not end the run before the stack is stopped.
    restartRounds = restartRoundsCheck(tap, quietFrom, nextRedisChange)
      .catch((error) => ({ crashed: String(error?.message ?? error) }))
      .finally(() => tap.stop());
  }
  results = await Promise.all(Array.from({ length: USERS }, (_, index) => sleep(index * 50).then(() => runUser(index))));
  await Promise.all([faults, restarts]);
  if (REDIS) stats.redis.restartRounds = await restartRounds;
  emulator.control.clearFaults();
  if (REDIS) stats.redis.downCheck = await redisDownCheck();
  await twoInstanceCheck(2);
  stats.outage = await outageCheck();

  // Final check: everyone who should be signed in is, on every instance, and the API agrees.
  let alive = 0;
  const lost = [];
  for (const { user, browser } of results) {
    if (!user.signedIn) continue;
    alive += 1;
    const pages = await Promise.all(instances.map((base) => visit(browser, `${base}/`, { tag: 'final' })));
    const api = await browser.request(`${instances[0]}/api/me`, { kind: 'api', tag: 'final' });
    const ok = pages.every((page) => signedInAs(page.text) === user.email) && api.status === 200 && JSON.parse(api.text).email === user.email;
    if (!ok) lost.push({ user: user.name, email: user.email, statuses: [...pages.map((page) => page.status), api.status] });
  }
  const appsAlive = await Promise.race([Promise.any(stacks.map((stack) => stack.appExited)).then(() => false), sleep(100).then(() => true)]);
  const summary = {
    seed: SEED,
    durationSeconds: Math.round((Date.now() - startedAt) / 1000),
    users: USERS,
    instances,
    requests: stats.requests,
    byPort: stats.byPort,
    byStatus: stats.byStatus,
    signIns: stats.signIns,
    deliberateSignOuts: stats.deliberateSignOuts,
    orgSwitches: stats.orgSwitches,
    tamperedCookies: stats.tampered,
    bursts: stats.bursts,
    faultsInjected: stats.faults,
    tryAgainAnswers: stats.outage503,
    servedStale: stats.stalePages,
    outageCheck: stats.outage,
    clientPages: { served: stats.clientPages, withoutOrganizations: stats.clientPagesWithoutOrganizations },
    signInFailuresDuringFaults: stats.signInFailedDuringFault,
    networkErrors: stats.networkErrors,
    flowErrors: stats.flowErrors.slice(0, 10),
    emulator: { counters: emulator.control.counters(), authenticateStatuses: stats.emulator.authenticateStatuses },
    twoInstance: stats.twoInstance,
    redis: REDIS ? { ...stats.redis, outages: outagesFromStart(stats.redis.outages, startedAt) } : undefined,
    edge: stats.edge,
    sessionsExpectedAlive: alive,
    sessionsLost: lost.length + stats.unexpectedSignOuts.length,
    lost,
    unexpectedSignOuts: stats.unexpectedSignOuts.slice(0, 20),
    rejectedRefreshTokens: stats.emulator.authenticate400,
    kit5xx: stats.kit5xx.length,
    kit5xxSamples: stats.kit5xx.slice(0, 5),
    appsAlive,
  };
  writeFileSync(new URL(SUMMARY, RESULTS), `${JSON.stringify(summary, null, 2)}\n`);
  originalLog(JSON.stringify(summary, null, 2));
  const failures = [];
  if (summary.sessionsLost > 0) failures.push(`${summary.sessionsLost} session(s) lost`);
  if (summary.rejectedRefreshTokens > 0) failures.push(`${summary.rejectedRefreshTokens} refresh token(s) rejected`);
  if (summary.kit5xx > 0) failures.push(`${summary.kit5xx} 5xx answer(s) from the kit`);
  if (summary.tryAgainAnswers > 0) failures.push(`${summary.tryAgainAnswers} "try again" answer(s) within the outage grace period (a WorkOS outage took a page down)`);
  if (!appsAlive) failures.push('an app process exited');
  if (stats.edge.oversizedCookie >= 500 || !stats.edge.paddedCookieSignedIn || !stats.edge.plantedHandOverIgnored) failures.push(`edge checks: ${JSON.stringify(stats.edge)}`);
  const outage = stats.outage;
  // 3 sessions × 2 instances × 8 rounds: every page stale, at most one refresh per session, instance
  // and backoff step, and every session fresh again soon after WorkOS is back.
  if (!outage || outage.stale !== outage.pages || outage.recovered !== outage.sessions || outage.recoveredAfterSeconds > outage.recoveryAllowedSeconds || outage.refreshCalls > outage.refreshCallsAllowed) failures.push(`outage check: ${JSON.stringify(outage)}`);
  if (stats.twoInstance.signedIn !== stats.twoInstance.requests) failures.push(`two instances: ${JSON.stringify(stats.twoInstance)}`);
  if (REDIS) {
    // Redis up (quiet, before and after the restarts): one refresh for all the instances; down: at most one per instance.
    const { downCheck } = stats.redis;
    if (stats.twoInstance.callsByRound.some((calls) => calls !== 1)) failures.push(`shared refresh with Redis up: ${JSON.stringify(stats.twoInstance)}`);
    if (downCheck.signedIn !== downCheck.requests || downCheck.callsByRound.some((calls) => calls < 1 || calls > INSTANCES)) failures.push(`refresh with Redis down: ${JSON.stringify(downCheck)}`);
    if (stats.redis.restarts === 0) failures.push('Redis was never restarted (run longer)');
    // While Redis restarts: at most one refresh per instance (none refused), every page signed in, and some rounds in the outages.
    const rounds = stats.redis.restartRounds;
    const tooMany = rounds.perRound?.filter((round) => round.refreshes < 1 || round.refreshes > INSTANCES) ?? [];
    if (rounds.crashed || rounds.signedIn !== rounds.requests || tooMany.length > 0 || rounds.statuses['400']) failures.push(`refresh while Redis restarts: ${JSON.stringify({ ...rounds, perRound: tooMany })}`);
    if (!rounds.crashed && !rounds.overlappingOutages) failures.push(`no shared-refresh round overlapped a Redis restart (run longer): ${JSON.stringify(rounds.byRedis)}`);
  }
  if (failures.length > 0) {
    console.error(`soak: FAILED: ${failures.join('; ')}`);
    exitCode = 1;
  } else {
    const rounds = stats.redis.restartRounds;
    const redisNote = REDIS
      ? `, ${stats.redis.restarts} Redis restarts, 1 refresh per expired session across ${INSTANCES} instances; ${rounds.rounds} rounds during the restarts (${rounds.overlappingOutages} in an outage), refreshes per round ${JSON.stringify(rounds.refreshesByRedis)}`
      : '';
    originalLog(`soak: OK: ${summary.requests} requests, ${USERS} users, ${INSTANCES} instances, ${summary.durationSeconds} s, ${Object.values(stats.faults).reduce((a, b) => a + b, 0)} faults${redisNote}, ${alive} sessions alive, 0 lost`);
  }
} catch (error) {
  console.error('soak: crashed:', error);
  exitCode = 2;
} finally {
  await stopAll();
  clearTimeout(hardStop);
}
process.exit(exitCode);
