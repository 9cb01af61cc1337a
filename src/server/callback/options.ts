import 'server-only';
import type { NextRequest } from 'next/server';
import type { HandleAuthSuccessData } from '../../shared/types.js';

/** Options of `handleAuth()` (the reference's names and defaults). */
export interface HandleAuthOptions {
  /** Where to go after signing in when the flow carries no return path. @default '/' */
  returnPathname?: string;
  /** The app's public origin when the request's differs (Docker, some proxies). @default the redirect URI's origin when it names the request's host, else the request's origin */
  baseURL?: string;
  /** Runs after the session is saved (it may call `saveSession` to override it, or `redirect()`). */
  onSuccess?: (data: HandleAuthSuccessData) => void | Promise<void>;
  /** Builds the response for a failed sign-in. @default a JSON error with status 400/500 */
  onError?: (params: { error?: unknown; request: NextRequest }) => Response | Promise<Response>;
}
