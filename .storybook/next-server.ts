/**
 * `next/server` for the browser: the two classes the kit's server modules import. The full module
 * also loads `userAgent` (a Node-only UA parser that crashes in a browser), which stories never use.
 */
export { NextRequest } from 'next/dist/server/web/spec-extension/request.js';
export { NextResponse } from 'next/dist/server/web/spec-extension/response.js';
