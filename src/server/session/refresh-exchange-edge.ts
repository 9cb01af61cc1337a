import 'server-only';
/**
 * The refresh on the Edge runtime (a Next 15 `middleware.ts`). The WorkOS SDK cannot be bundled
 * there without Node-only code, so the proxy asks the app's own auth route (`handleAuth`, a Node
 * route handler) to refresh: a request carrying the session cookie to its refresh mode, whose
 * Set-Cookie is the new session. Same outcomes as the SDK's path: the new session, a terminal
 * refusal (the route cleared the cookie), or a transient failure (a 503, a timeout, anything else).
 */
import { refreshRouteUrl } from '../../shared/auth-route-urls.js';
import { readChunkedCookie } from '../../shared/cookie-chunks.js';
import { TokenRefreshError } from '../../shared/errors.js';
import { resolveRedirectUri } from '../config.js';
import type { SessionRoot } from '../root/session-root.js';
import { readSession } from './read-session.js';
import type { RefreshOutcome, RefreshSource } from './refresh.js';

const WAIT_MS = 10_000;

/** The name and value of each Set-Cookie header (a cleared cookie has an empty value). */
function setCookies(headers: Headers): Array<{ name: string; value: string }> {
  return headers.getSetCookie().map((header) => {
    const pair = header.split(';', 1)[0]!;
    const at = pair.indexOf('=');
    return { name: pair.slice(0, at).trim(), value: pair.slice(at + 1).trim() };
  });
}

/** What the route wrote for the session cookie: the new value, `null` when it cleared it, else undefined. */
function writtenSession(headers: Headers, name: string): string | null | undefined {
  const all = setCookies(headers);
  const live = all.filter((cookie) => cookie.value !== '');
  const value = readChunkedCookie({ getAll: () => live }, name);
  if (value) return value;
  return all.some((cookie) => cookie.name === name || cookie.name.startsWith(`${name}.`)) ? null : undefined;
}

/** Refreshes through the auth route's refresh mode (no organisation switch on this runtime). */
export async function exchange(root: SessionRoot, source: RefreshSource, organizationId: string | undefined): Promise<RefreshOutcome> {
  const context = { userId: source.session.user.id, sessionId: source.claims.sid };
  const fail = (message: string, isTransient: boolean, cause?: unknown) =>
    ({ ok: false, error: new TokenRefreshError(message, { cause, isTransient, ...context }) }) as const;
  if (organizationId !== undefined || !source.sealed) return fail('A switch refreshes on the Node runtime only', false);
  const { cookieName } = root.config;
  const url = refreshRouteUrl(resolveRedirectUri(root.config));
  try {
    const response = await root.fetch(url, {
      headers: { cookie: `${cookieName}=${source.sealed}` },
      redirect: 'manual',
      signal: AbortSignal.timeout(WAIT_MS),
    });
    const written = writtenSession(response.headers, cookieName);
    if (written === null) return fail('The auth route ended the session (WorkOS refused the refresh)', false);
    const state = written ? await readSession(root, written) : undefined;
    if (state?.status === 'signed-in') return { ok: true, state };
    return fail(`The auth route could not refresh the session (HTTP ${response.status})`, true);
  } catch (error) {
    return fail('The auth route did not answer the refresh', true, error);
  }
}
