/*
 * Next ships `next/server`, `next/headers`, `next/navigation` and `next/cache` as files without an
 * `exports` map, so NodeNext resolution only finds them with a `.js` suffix. But the kit must
 * import them by their bare names: Next's bundlers alias the bare specifiers (e.g. Turbopack swaps
 * `next/navigation` for its route-handler build) and `next/navigation.js` breaks `next build` of
 * any route handler that imports the kit. These declarations let the bare names type-check.
 */
declare module 'next/server' {
  export * from 'next/server.js';
}
declare module 'next/headers' {
  export * from 'next/headers.js';
}
declare module 'next/navigation' {
  export * from 'next/navigation.js';
}
declare module 'next/cache' {
  export * from 'next/cache.js';
}
