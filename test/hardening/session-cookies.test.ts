/**
 * Property: whatever arrives in the session cookie (random bytes, truncated or extended seals, a
 * wrong password, a valid seal of the wrong shape, huge values, many, missing or mixed chunks)
 * reads as signed out or as exactly the session whose intact seal was sent: never a throw, never
 * a 500, never another user's session. Checked through `readSessionFromCookies`, `authkit()` and
 * the proxy with real `NextRequest`s and real emulator-minted sessions.
 */
import { sealData } from 'iron-session';
import fc from 'fast-check';
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { TEST_COOKIE_PASSWORD } from '../support/env.js';
import { authkit } from '../../src/server/proxy/authkit.js';
import { authkitProxy } from '../../src/server/proxy/authkit-proxy.js';
import { readForwardedContext } from '../../src/server/session/forwarded.js';
import { readSessionFromCookies } from '../../src/server/session/read-session.js';
import { sealForPurpose } from '../../src/server/session/session-seal.js';
import { emulatorSuite } from '../support/emulator-suite.js';
import { forwardedHeaders, TestBrowser } from '../support/http.js';
import { mintSession } from '../support/sessions.js';
import { COOKIE_CHUNK_SIZE, MAX_COOKIE_CHUNKS } from '../../src/shared/constants.js';
import type { Session } from '../../src/shared/types.js';
import { damageSeal, sealDamage } from '../support/seal-damage.js';
import { headerText, outcomes, runs } from './support/hostile.js';
import { sessionRoot } from '../../src/server/root/current-root.js';

const BASE = 'wos-session';
const suite = emulatorSuite();
const seen = outcomes('session cookies');
afterAll(() => seen.report());

interface Known {
  sealed: string;
  session: Session;
}
let alice: Known;
let bob: Known;
let aliceLarge: Known;
let bobLarge: Known;
/** Every seal this suite made with the app's password, and whose session it must read as (null: signed out). */
const expectations = new Map<string, string | null>();

beforeAll(async () => {
  vi.spyOn(console, 'warn').mockImplementation(() => {}); // large-session size warnings
  const permissions = Array.from({ length: 250 }, (_, i) => `reports-${i}:export`);
  alice = await mintSession(suite.emulator, { email: 'alice@example.com', organization_id: 'org_acme', expires_in: 3600 });
  bob = await mintSession(suite.emulator, { email: 'bob@example.com', expires_in: 3600 });
  aliceLarge = await mintSession(suite.emulator, { email: 'alice@example.com', organization_id: 'org_acme', expires_in: 3600, permissions });
  bobLarge = await mintSession(suite.emulator, { email: 'bob@example.com', expires_in: 3600, permissions });
  for (const known of [alice, bob, aliceLarge, bobLarge]) expectations.set(known.sealed, known.session.user.id);
  expect(aliceLarge.sealed.length).toBeGreaterThan(COOKIE_CHUNK_SIZE);
});
beforeEach(() => {
  vi.spyOn(console, 'warn').mockImplementation(() => {});
});

const seal = (data: object, password = TEST_COOKIE_PASSWORD) => sealData(data as Record<string, unknown>, { password, ttl: 0 });

/** Seals made with the app's password that are not plain sessions, and what each must read as. */
const authenticOddities: [string, (a: Session, b: Session) => object | Promise<string>, 'a' | null][] = [
  ['user swapped', (a, b) => ({ ...a, user: b.user }), null],
  ['access token swapped', (a, b) => ({ ...a, accessToken: b.accessToken }), null],
  ['user id forged', (a, b) => ({ ...a, user: { ...a.user, id: b.user.id } }), null],
  ['refresh token swapped', (a, b) => ({ ...a, refreshToken: b.refreshToken }), 'a'], // authentic: only the server seals
  ['extra fields', (a) => ({ ...a, organizationId: 'org_globex', role: 'admin', ['__proto__']: { admin: true } }), 'a'],
  ['token not a string', (a) => ({ ...a, accessToken: 42 }), null],
  ['no user', (a) => ({ accessToken: a.accessToken, refreshToken: a.refreshToken }), null],
  ['empty refresh token', (a) => ({ ...a, refreshToken: '' }), null],
  ['opaque token', (a) => ({ ...a, accessToken: 'not.a.jwt' }), null],
  ['sign-in flow seal', () => sealForPurpose(sessionRoot(), 'sign-in-flow', { state: 's', codeVerifier: 'v', redirectUri: 'http://localhost:3000/callback' }, 600), null],
  ['custom state seal', () => sealForPurpose(sessionRoot(), 'custom-state', { state: 'x' }, 0), null],
  ['another password id', (a) => sealData({ ...a } as Record<string, unknown>, { password: { 7: TEST_COOKIE_PASSWORD }, ttl: 0 }), 'a'],
];

/**
 * A value for the session cookie and who it may read as (null: signed out): `exact` when it
 * arrives intact, `damaged` when chunking mangled it. Never anyone but the seal's own user.
 */
type Presented = { value: string; exact: (string | null)[]; damaged: (string | null)[] };
const nobody = (value: string): Presented => ({ value, exact: [null], damaged: [null] });

const knownIndex = fc.integer({ min: 0, max: 3 });
const known = (index: number): Known => [alice, bob, aliceLarge, bobLarge][index]!;

const mutation = sealDamage(headerText(40));

/** What to put in the cookie, as printable data (fast-check shows it on failure). */
const presented = fc.oneof(
  { weight: 3, arbitrary: fc.record({ kind: fc.constant('known' as const), index: knownIndex }) },
  { weight: 5, arbitrary: fc.record({ kind: fc.constant('mutated' as const), index: knownIndex, other: knownIndex, mutation }) },
  {
    weight: 3,
    arbitrary: fc.record({
      kind: fc.constant('random' as const),
      value: fc.oneof(headerText(200), fc.string({ unit: 'binary', maxLength: 300 }), fc.base64String({ maxLength: 400 })),
    }),
  },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('huge' as const), size: fc.integer({ min: 10_000, max: 80_000 }) }) },
  { weight: 2, arbitrary: fc.record({ kind: fc.constant('password' as const), index: knownIndex, password: fc.string({ minLength: 32, maxLength: 48 }) }) },
  { weight: 3, arbitrary: fc.record({ kind: fc.constant('oddity' as const), which: fc.nat(authenticOddities.length - 1), aliceFirst: fc.boolean() }) },
  { weight: 2, arbitrary: fc.record({ kind: fc.constant('json' as const), json: fc.jsonValue({ maxDepth: 3 }) }) },
);
type PresentedSpec = typeof presented extends fc.Arbitrary<infer T> ? T : never;

async function materialize(spec: PresentedSpec): Promise<Presented> {
  switch (spec.kind) {
    case 'known': {
      const { sealed, session } = known(spec.index);
      return { value: sealed, exact: [session.user.id], damaged: [null, session.user.id] };
    }
    case 'mutated': {
      // A mangled seal may still open (iron ignores text after a second `~`): then it is the same session.
      const owner = known(spec.index).session.user.id;
      return { value: damageSeal(known(spec.index).sealed, known(spec.other).sealed, spec.mutation), exact: [null, owner], damaged: [null, owner] };
    }
    case 'random':
      return nobody(spec.value);
    case 'huge':
      return nobody('Fe26.2*1*'.padEnd(spec.size, 'A'));
    case 'password':
      return nobody(await seal(known(spec.index).session, spec.password === TEST_COOKIE_PASSWORD ? `${spec.password}!` : spec.password));
    case 'oddity': {
      const [, make, owner] = authenticOddities[spec.which]!;
      const [a, b] = spec.aliceFirst ? [alice.session, bob.session] : [bob.session, alice.session];
      const made = make(a, b);
      const value = typeof made === 'string' ? made : made instanceof Promise ? await made : await seal(made);
      const user = owner === 'a' ? a.user.id : null;
      return { value, exact: [user], damaged: [null, user] };
    }
    case 'json':
      return nobody(await seal({ data: spec.json }));
  }
}

/** How the value travels: one cookie, or chunks with damage; plus cookies with lookalike names. */
const layout = fc.record({
  chunked: fc.boolean(),
  chunkSize: fc.oneof(fc.constant(COOKIE_CHUNK_SIZE), fc.integer({ min: 1, max: 6000 })),
  drop: fc.option(fc.nat()),
  swap: fc.option(fc.tuple(fc.nat(), fc.nat())),
  extraChunk: fc.option(headerText(30)),
  base: fc.option(fc.constantFrom<'empty' | 'junk' | 'bob'>('empty', 'junk', 'bob')),
  lookalikes: fc.subarray(['wos-session.x', 'wos-session.01', 'wos-sessionX', 'other', 'wos-session.-1', 'WOS-SESSION']),
  encode: fc.boolean(),
});

type Layout = typeof layout extends fc.Arbitrary<infer T> ? T : never;

function cookieJar(value: string, shape: Layout): [string, string][] {
  const cookies: [string, string][] = [];
  if (shape.chunked) {
    const chunks: string[] = [];
    for (let offset = 0; offset < value.length; offset += shape.chunkSize) chunks.push(value.slice(offset, offset + shape.chunkSize));
    if (shape.swap && chunks.length > 1) {
      const [i, j] = [shape.swap[0] % chunks.length, shape.swap[1] % chunks.length];
      [chunks[i], chunks[j]] = [chunks[j]!, chunks[i]!];
    }
    const names = chunks.map((_, index) => `${BASE}.${index}`);
    if (shape.extraChunk !== null) {
      names.push(`${BASE}.${chunks.length}`);
      chunks.push(shape.extraChunk);
    }
    chunks.forEach((chunk, index) => {
      if (shape.drop === null || shape.drop % chunks.length !== index) cookies.push([names[index]!, chunk]);
    });
  } else {
    cookies.push([BASE, value]);
  }
  if (shape.base === 'empty') cookies.unshift([BASE, '']);
  if (shape.base === 'junk') cookies.unshift([BASE, 'Fe26.2*junk']);
  if (shape.base === 'bob') cookies.unshift([BASE, bob.sealed]);
  for (const name of shape.lookalikes) cookies.push([name, alice.sealed]);
  return cookies;
}

function request(cookies: [string, string][], encode: boolean) {
  // A chunk boundary can split a surrogate pair; a browser would have stored U+FFFD.
  const wellFormed = (value: string) => value.replace(/[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g, '\ufffd');
  // eslint-disable-next-line no-control-regex -- a raw cookie value can carry no control characters
  const safe = (value: string) => (encode || /[;\u0000-\u001f\u007f-\uffff]/.test(value) ? encodeURIComponent(wellFormed(value)) : value);
  const header = cookies.map(([name, value]) => `${name}=${safe(value)}`).join('; ');
  return new TestBrowser().request('/dashboard', { headers: header ? { cookie: header } : {} });
}

/** The documented read rule (internals §2) over what Next parsed: base cookie, else consecutive chunks from .0. */
function effectiveValue(parsed: { name: string; value: string }[]): string | undefined | null {
  const byName = new Map(parsed.map(({ name, value }) => [name, value]));
  if (byName.get(BASE)) return byName.get(BASE);
  const chunks: string[] = [];
  for (let i = 0; byName.has(`${BASE}.${i}`); i += 1) chunks.push(byName.get(`${BASE}.${i}`)!);
  if (chunks.length > MAX_COOKIE_CHUNKS) return null;
  if (chunks.length > 0) return chunks.join('') || undefined; // empty chunks: no session, nothing to clear
  // Session cookies that hold nothing readable (empty, orphan chunks) are not a session.
  return parsed.some(({ name }) => name === BASE || /^wos-session\.\d{1,3}$/.test(name)) ? null : undefined;
}

/** Who the request may read as, given the value the kit should end up reading. */
function allowedUsers(value: string | undefined | null, given: Presented): (string | null)[] {
  if (!value) return [null];
  if (expectations.has(value)) return [expectations.get(value)!];
  return value === given.value ? given.exact : given.damaged;
}

describe('session cookies (property)', () => {
  it('read as signed out or as exactly the intact seal that was sent, through readSession, authkit() and the proxy', async () => {
    const proxy = authkitProxy();
    await fc.assert(
      fc.asyncProperty(presented, layout, async (spec, shape) => {
        const given = await materialize(spec);
        const req = request(cookieJar(given.value, shape), shape.encode);
        const value = effectiveValue(req.cookies.getAll());
        const allowed = allowedUsers(value, given);

        const state = await readSessionFromCookies(sessionRoot(), req.cookies);
        expect(state.status).not.toBe('expired'); // every token here is valid for an hour
        const expected = state.status === 'signed-in' ? state.info.user.id : null;
        expect(allowed).toContain(expected);
        if (state.status === 'signed-in') expect(state.claims.sub).toBe(expected);
        seen.count(`${spec.kind}: ${expected ? 'signed in' : 'signed out'}${shape.chunked ? ', chunked' : ''}`);

        const result = await authkit(request(cookieJar(given.value, shape), shape.encode));
        expect(result.session.user?.id ?? null).toBe(expected);

        const response = await proxy(request(cookieJar(given.value, shape), shape.encode));
        expect(response.status).toBe(200);
        const forwarded = await readForwardedContext(sessionRoot(), forwardedHeaders(response));
        expect(forwarded).toBeDefined();
        // The hand-over carries the value as a header does: surrounding whitespace trimmed.
        expect(forwarded!.session).toBe(expected ? value!.replace(/^[\t\n\r ]+|[\t\n\r ]+$/g, '') : '');
        if (expected === null && value !== undefined) {
          // A cookie that is not a session is cleared, every chunk of it.
          const cleared = response.headers.getSetCookie().filter((line) => /Max-Age=0/.test(line)).map((line) => line.split('=')[0]);
          const present = req.cookies.getAll().map(({ name }) => name).filter((name) => name === BASE || /^wos-session\.\d{1,3}$/.test(name));
          expect(cleared.sort()).toEqual([...new Set(present)].sort());
        } else {
          expect(response.headers.getSetCookie()).toEqual([]);
        }
      }),
      { numRuns: runs(1_500) },
    );
  });

  it('readSession never throws, whatever the value', async () => {
    const { readSession } = await import('../../src/server/session/read-session.js');
    await fc.assert(
      fc.asyncProperty(fc.oneof(fc.string({ unit: 'binary', maxLength: 2000 }), fc.constantFrom('', 'Fe26.2', 'Fe26.2*', 'Fe26.2*1*****~2', '~2', '*'.repeat(8))), async (value) => {
        const state = await readSession(sessionRoot(), value);
        expect(state.status).toBe('signed-out');
      }),
      { numRuns: runs(3_000) },
    );
  });
});
