import 'server-only';
/** What each mode of the auth route works with. */
import type { NextRequest } from 'next/server';
import type { SessionRoot } from '../root/session-root.js';

/** One request to the auth route: the session root it runs with, the request, the app's public origin. */
export interface AuthRouteRequest {
  root: SessionRoot;
  request: NextRequest;
  /** The app's public origin (`baseURL`, the redirect URI's when it names this host, else the request's). */
  origin: string;
}
