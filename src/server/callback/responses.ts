import 'server-only';
/** Responses of the auth route: never cacheable, and the default error answer. */
import { NextResponse } from 'next/server.js';
import { CallbackError } from '../../shared/errors.js';

/** Auth-route responses carry cookies: no cache may keep or share them. */
export function noStore<T extends Response>(response: T): T {
  response.headers.set('cache-control', 'private, no-store');
  response.headers.set('vary', 'Cookie');
  return response;
}

const CLIENT_SIDE_CODES = new Set(['missing_auth_params', 'missing_pkce_cookie', 'oauth_state_mismatch', 'authorization_error']);

const HINTS: Record<string, string> = {
  missing_pkce_cookie:
    'The sign-in took longer than 10 minutes, or started on another origin (e.g. localhost vs 127.0.0.1). Please try again.',
  oauth_state_mismatch: 'This sign-in link does not belong to this browser. Please start again.',
};

/** The default answer to a failed sign-in (the reference's body, plus the stable code). */
export function defaultErrorResponse(error: unknown): NextResponse {
  const code = error instanceof CallbackError ? error.code : 'authentication_failed';
  const description = HINTS[code] ?? "Couldn't sign in. If you are not sure what happened, please contact your organization admin.";
  return NextResponse.json(
    { error: { message: 'Something went wrong', description, code } },
    { status: CLIENT_SIDE_CODES.has(code) ? 400 : 500 },
  );
}

/** Copies Set-Cookie headers onto a response (making a mutable copy if it is immutable). */
export function withSetCookies(response: Response, cookies: Headers): Response {
  const setCookies = cookies.getSetCookie();
  if (setCookies.length === 0) return response;
  let target = response;
  try {
    for (const cookie of setCookies) target.headers.append('set-cookie', cookie);
  } catch {
    target = new Response(response.body, response);
    for (const cookie of setCookies) target.headers.append('set-cookie', cookie);
  }
  return target;
}
