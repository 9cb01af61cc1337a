/**
 * What keeps a website the developer happens to visit away from the emulator on their machine:
 * - only loopback `Host` values on the emulator's own port are answered, so a DNS-rebound name
 *   (`evil.example` resolving to 127.0.0.1) cannot read minted tokens;
 * - a state-changing request that relies on no credential (control routes, the hosted forms) is
 *   refused when the browser says it comes from another origin (`Sec-Fetch-Site`, `Origin`);
 * - control routes take JSON only, so no "simple" cross-site request (form or text/plain, no
 *   preflight) can reach them;
 * - every hosted form carries a CSRF token (`csrf.ts`), so no other site can auto-submit one (login CSRF).
 * The SDK and other server-side clients send no `Origin` and no `Sec-Fetch-*`: they pass unchanged.
 */
import type { IncomingHttpHeaders } from 'node:http';
import { CSRF_FIELD } from './csrf.js';
import { html, json, type EmuRequest, type Reply } from './http.js';
import { errorPage } from './pages/layout.js';
import { isControlRoute, type Route } from './router.js';
import type { Runtime } from './runtime.js';

const LOOPBACK_NAMES = ['localhost', '127.0.0.1', '[::1]'];
const WILDCARD_BINDS = ['0.0.0.0', '::', ''];

/** The `Host` values the emulator answers to: loopback names (plus the bound address and any extra names) on its port. */
export function allowedHosts(port: number, bindHost: string, extraNames: readonly string[] = []): string[] {
  const bound = WILDCARD_BINDS.includes(bindHost) ? [] : [bindHost.includes(':') ? `[${bindHost}]` : bindHost];
  const names = [...new Set([...LOOPBACK_NAMES, ...bound, ...extraNames].map((name) => name.toLowerCase()))];
  return names.flatMap((name) => (port === 80 ? [`${name}:${port}`, name] : [`${name}:${port}`]));
}

function header(headers: IncomingHttpHeaders, name: string): string | undefined {
  const value = headers[name];
  return Array.isArray(value) ? value[0] : value;
}

/** A 403 for a `Host` outside the allow-list (DNS rebinding), else undefined. */
export function hostProblem(headers: IncomingHttpHeaders, allowed: readonly string[]): Reply | undefined {
  const host = (header(headers, 'host') ?? '').toLowerCase();
  if (allowed.includes(host)) return undefined;
  return json(403, {
    code: 'host_not_allowed',
    message:
      `The emulator does not answer to the host '${host.slice(0, 100)}' (a guard against DNS rebinding). ` +
      `It answers to ${allowed.join(', ')}. To reach it under another name, start it with --allowed-host <name>.`,
  });
}

/** What makes a request cross-site (a header and its value), or undefined for same-origin and non-browser clients. */
function crossSiteSignal(headers: IncomingHttpHeaders): string | undefined {
  const site = header(headers, 'sec-fetch-site');
  if (site !== undefined && site !== 'same-origin' && site !== 'none') return `Sec-Fetch-Site: ${site}`;
  const origin = header(headers, 'origin');
  if (origin === undefined) return undefined;
  try {
    const url = new URL(origin);
    if ((url.protocol === 'http:' || url.protocol === 'https:') && url.host === (header(headers, 'host') ?? '').toLowerCase()) return undefined;
  } catch {
    // `Origin: null` and garbage are as foreign as another site.
  }
  return `Origin: ${origin.slice(0, 100)}`;
}

function refusal(route: Route, status: number, code: string, message: string): Reply {
  return route.form ? html(status, errorPage('Request refused', message)) : json(status, { code, message });
}

/**
 * The reply that refuses this request before its handler runs, or undefined to let it through.
 * Applies to routes that need no credential (the control surface and the hosted forms); API-key
 * routes are for servers and stay as WorkOS has them.
 */
export function guardRequest(runtime: Runtime, route: Route, request: EmuRequest): Reply | undefined {
  if (route.auth || request.method === 'GET' || request.method === 'HEAD') return undefined;
  const signal = crossSiteSignal(request.headers);
  if (signal) {
    return refusal(route, 403, 'cross_site_request', `Cross-site requests to the emulator are refused (${signal}). Use the emulator's own pages.`);
  }
  if (route.form) {
    const token = new URLSearchParams(request.rawBody).get(CSRF_FIELD);
    if (runtime.csrf.verify(token, route.form)) return undefined;
    return refusal(route, 403, 'invalid_csrf_token', 'This form has expired or did not come from the emulator\'s own page. Go back, reload the page and try again.');
  }
  const type = (header(request.headers, 'content-type') ?? '').split(';')[0]!.trim().toLowerCase();
  if (isControlRoute(route) && type !== 'application/json') {
    return json(415, {
      code: 'unsupported_media_type',
      message: `Control routes take JSON: send Content-Type: application/json (got '${type.slice(0, 60) || 'none'}'); an empty body is fine.`,
    });
  }
  return undefined;
}
