import 'server-only';
/**
 * Writing the session through `cookies()`: server actions and route handlers only (Next refuses
 * cookie writes during a server component render). Later reads in the same request see the value.
 */
import { noteSessionWritten } from '../session/get-session.js';
import { requestCookies as cookies } from '../session/request-data.js';
import { clearFlowCookies, writeSessionCookie } from '../session/session-cookie.js';

/** Stores a sealed session (chunked when large), or clears it with `null`. */
export async function storeSealedSession(sealed: string | null, url?: string): Promise<void> {
  const jar = await cookies();
  writeSessionCookie(jar, jar, sealed, url);
  noteSessionWritten(jar, sealed);
}

/** Clears the session cookie, its chunks and every pending sign-in flow cookie. */
export async function clearAllAuthCookies(): Promise<void> {
  const jar = await cookies();
  writeSessionCookie(jar, jar, null);
  clearFlowCookies(jar, jar);
  noteSessionWritten(jar, null);
}
