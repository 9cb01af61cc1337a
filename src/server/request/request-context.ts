import 'server-only';
/**
 * What the server API knows about the current request: its path (for return paths), the auth
 * route's URL and the screen hint. With the proxy these come from its signed hand-over; without
 * it, from the environment (the path is then unknown and '/' is used).
 */
import type { ScreenHint } from '../../shared/constants.js';
import { compilePathMatcher } from '../../shared/path-matchers.js';
import { safeReturnPath } from '../../shared/return-to.js';
import { resolveRedirectUri } from '../config.js';
import { rethrowNextControlFlow } from '../next-control-flow.js';
import { sessionRoot } from '../root/current-root.js';
import type { ForwardedContext } from '../session/forwarded.js';
import { getForwardedContext } from './get-session.js';

export interface RequestContext {
  /** Path + query of the current page ('/' when unknown). */
  path: string;
  /** The auth route's absolute URL. */
  redirectUri: string;
  /** 'sign-up' when the path is one of the proxy's `signUpPaths`. */
  screenHint?: ScreenHint;
}

/** The forwarded context, or undefined outside a request (static generation, scripts). */
async function forwardedIfAny(): Promise<ForwardedContext | undefined> {
  try {
    return await getForwardedContext();
  } catch (error) {
    rethrowNextControlFlow(error); // dynamic-rendering bailouts must reach Next
    return undefined;
  }
}

export async function getRequestContext(redirectUriOverride?: string): Promise<RequestContext> {
  const forwarded = await forwardedIfAny();
  const path = safeReturnPath(forwarded?.path, '/');
  const redirectUri = resolveRedirectUri(sessionRoot().config, redirectUriOverride ?? forwarded?.redirectUri);
  const pathname = new URL(path, 'https://placeholder.invalid').pathname;
  const isSignUpPath = compilePathMatcher(forwarded?.signUpPaths ?? [], 'signUpPaths');
  return { path, redirectUri, screenHint: isSignUpPath(pathname) ? 'sign-up' : undefined };
}

/** The app's origin: the auth route's (the redirect URI's). */
export async function appOrigin(): Promise<string> {
  return new URL((await getRequestContext()).redirectUri).origin;
}
