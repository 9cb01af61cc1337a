/**
 * Puts the test kit's `next/headers` stand-in (src/testing/next-headers.ts) into the state a
 * render, a server action or a route handler would see: after the proxy ran, or without a proxy.
 * The suite must `vi.mock('next/headers', …)` itself (mocks are hoisted per file).
 */
import { mockRequest } from '../../src/testing/next-headers.js';
import { authkitProxy } from '../../src/server/proxy/authkit-proxy.js';
import type { AuthkitMiddlewareOptions } from '../../src/server/proxy/options.js';
import { forwardedHeaders, type TestBrowser } from './http.js';

export interface RenderOptions {
  /** A server component render (cookie writes throw) rather than an action/route handler. */
  readOnly?: boolean;
}

/** Runs the proxy for `path`, then sets up the request the render sees. Returns the proxy's response. */
export async function afterProxy(
  browser: TestBrowser,
  path: string,
  options: RenderOptions & { proxy?: AuthkitMiddlewareOptions; headers?: Record<string, string> } = {},
): Promise<Response> {
  const response = browser.receive(await authkitProxy(options.proxy)(browser.request(path, { headers: options.headers })));
  mockRequest.reset({
    cookies: Object.fromEntries(browser.jar),
    headers: Object.fromEntries(forwardedHeaders(response)),
    readOnly: options.readOnly ?? false,
  });
  return response;
}

/** Sets up a request that no proxy saw: only the browser's cookies (and any headers it sent). */
export function withoutProxy(browser: TestBrowser, options: RenderOptions & { headers?: Record<string, string> } = {}): void {
  mockRequest.reset({ cookies: Object.fromEntries(browser.jar), headers: options.headers ?? {}, readOnly: options.readOnly ?? false });
}

/** Gives the browser the cookies the request ended with (what its response would have set). */
export function keepCookies(browser: TestBrowser): void {
  browser.jar.clear();
  for (const [name, value] of Object.entries(mockRequest.cookieJar())) browser.jar.set(name, value);
}
