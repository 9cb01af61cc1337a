/** Route table matching: `/user_management/users/:id` style patterns, keyed `METHOD /pattern`. */
import type { EmuRequest, Reply } from './http.js';
import { safeDecode } from './http.js';
import type { Runtime } from './runtime.js';

export type Handler = (request: EmuRequest, runtime: Runtime) => Reply | Promise<Reply>;

export interface Route {
  method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  path: string;
  /** `api-key`: Bearer API key required. `optional-api-key`: checked only when sent (public clients). */
  auth?: 'api-key' | 'optional-api-key';
  /** An HTML form post from one of the emulator's own pages: it must carry that page's CSRF token. */
  form?: FormPurpose;
  handler: Handler;
}

/** Which page issued a form's CSRF token; a token only opens the form it was issued for. */
export type FormPurpose = 'authorize' | 'impersonate' | 'step-up';

export const CONTROL_PREFIX = '/_emulator';

export function routeKey(route: Pick<Route, 'method' | 'path'>): string {
  return `${route.method} ${route.path}`;
}

/** The emulator's own icon: served for its pages, not part of the WorkOS API. */
export const FAVICON_PATH = '/favicon.ico';

/** The emulator's own routes (the control surface and its icon) are neither counted nor faultable. */
export function isControlRoute(route: Route): boolean {
  return route.path === CONTROL_PREFIX || route.path.startsWith(`${CONTROL_PREFIX}/`) || route.path === FAVICON_PATH;
}

export type RouteMatch = { route: Route; params: Record<string, string> } | { route?: undefined; status: 404 | 405 };

export function matchRoute(routes: readonly Route[], method: string, pathname: string): RouteMatch {
  const segments = pathname.split('/');
  let pathMatched = false;
  for (const route of routes) {
    const params = matchPath(route.path.split('/'), segments);
    if (!params) continue;
    pathMatched = true;
    if (route.method === method) return { route, params };
  }
  return { status: pathMatched ? 405 : 404 };
}

function matchPath(pattern: string[], segments: string[]): Record<string, string> | undefined {
  if (pattern.length !== segments.length) return undefined;
  const params: Record<string, string> = {};
  for (let i = 0; i < pattern.length; i += 1) {
    const expected = pattern[i]!;
    const actual = segments[i]!;
    if (expected.startsWith(':')) {
      if (actual === '') return undefined;
      params[expected.slice(1)] = safeDecode(actual);
    } else if (expected !== actual) {
      return undefined;
    }
  }
  return params;
}
