import 'server-only';
/**
 * Writing the current request's session through `cookies()`: server actions and route handlers
 * only (Next refuses cookie writes during a server component render). Later reads in the same
 * request see the value.
 */
import type { SessionRoot } from '../root/session-root.js';
import { clearFlowCookies, writeSessionCookie } from '../session/session-cookie.js';
import { noteSessionWritten } from './get-session.js';
import { requestCookies as cookies, requestHeaders as headers } from './request-data.js';

/** Stores a sealed session (chunked when large), or clears it with `null`. */
export async function writeRequestSession(root: SessionRoot, sealed: string | null, url?: string): Promise<void> {
  const [jar, incoming] = await Promise.all([cookies(), headers()]);
  writeSessionCookie(root.config, jar, jar, sealed, url);
  noteSessionWritten(jar, incoming, sealed);
}

/** Clears the session cookie, its chunks and every pending sign-in flow cookie. */
export async function clearRequestAuthCookies(root: SessionRoot): Promise<void> {
  const [jar, incoming] = await Promise.all([cookies(), headers()]);
  writeSessionCookie(root.config, jar, jar, null);
  clearFlowCookies(root.config, jar, jar);
  noteSessionWritten(jar, incoming, null);
}
