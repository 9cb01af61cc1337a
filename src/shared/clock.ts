/**
 * The kit's clock for session checks (expiries, cache lifetimes, back-offs): wall-clock
 * milliseconds, read as the monotonic timer plus its offset from the wall clock.
 *
 * Why not `Date.now()`: with Cache Components Next renders each request in stages and reports a
 * `Date.now()` read in its static or runtime stage ("encountered the unstable value `Date.now()`
 * while prerendering"), since a runtime prefetch must not depend on the time. Every signed-in
 * render reads the session, which compares expiries with the time: one such report per request.
 * Next reserves `Date` for output and points introspection at `performance` (its `Date` extension
 * says so); the kit's comparisons produce no output, so they read `performance.now()`.
 *
 * The offset is kept once per process (every bundle shares it) and re-taken by `syncClock()`
 * where Next does not watch (the proxy, on every request), so a step of the wall clock (an NTP
 * correction) reaches it; before the first, it is the process's start time. When a test has
 * replaced `Date.now` (fake timers: a JavaScript function, not native code), the clock follows it.
 */

const SHARED = Symbol.for('authkit-rsc.clock');
const host = globalThis as typeof globalThis & { [SHARED]?: { offsetMs: number } };
const shared = (host[SHARED] ??= { offsetMs: 0 });

// Where `performance` has no time origin (some edge runtimes, which Next's `Date` extension does
// not reach either), the clock is `Date.now()`.
const origin = typeof performance !== 'undefined' && Number.isFinite(performance.timeOrigin) ? performance.timeOrigin : undefined;

let seenNow: unknown;
let replacedByTest = false;

/** True when `Date.now` is a test's stand-in (checked again only when `Date.now` changes). */
function dateIsFaked(): boolean {
  if (Date.now !== seenNow) {
    seenNow = Date.now;
    // Native and bound functions (Next's own extension binds the native one) print [native code].
    replacedByTest = !Function.prototype.toString.call(Date.now).includes('[native code]');
  }
  return replacedByTest;
}

/** Milliseconds since the epoch, as `Date.now()` would say (to within the last sync). */
export function currentTimeMs(): number {
  if (origin === undefined || dateIsFaked()) return Date.now();
  return origin + performance.now() + shared.offsetMs;
}

/** Re-takes the offset from `Date.now()`. Only outside a render (the proxy, route handlers). */
export function syncClock(): void {
  if (origin !== undefined) shared.offsetMs = Date.now() - (origin + performance.now());
}
