import 'server-only';
/** Responses of the auth route: never cacheable, and the default error answer. */
import { NextResponse } from 'next/server';
import { CallbackError } from '../../shared/errors.js';

/** The response itself when its headers can change, else a copy whose headers can. */
function mutable(response: Response): Response {
  try {
    response.headers.set('x-authkit-probe', '1');
    response.headers.delete('x-authkit-probe');
    return response;
  } catch {
    return new Response(response.body, response);
  }
}

/** Auth-route responses carry cookies: no cache may keep or share them. */
export function noStore<T extends Response>(response: T): T {
  const target = mutable(response) as T;
  target.headers.set('cache-control', 'private, no-store');
  target.headers.set('vary', 'Cookie');
  return target;
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

/** Copies Set-Cookie headers onto a response (a mutable copy when its headers are immutable). */
export function withSetCookies(response: Response, cookies: Headers): Response {
  const target = mutable(response);
  for (const cookie of cookies.getSetCookie()) target.headers.append('set-cookie', cookie);
  return target;
}
