import 'server-only';
/**
 * The auth route's "callback" mode: AuthKit sent the browser back with `code` and `state` (or
 * `error`). The state must match this browser's flow cookie; the code is exchanged (with the PKCE
 * verifier) through the SDK; the session is saved before `onSuccess` runs, and cleared again if
 * `onSuccess` fails with anything but a Next redirect. When WorkOS asks the app to choose the
 * organization (`organization_selection_required`), the picker takes over (organization-selection.ts).
 */
import { NextResponse, type NextRequest } from 'next/server';
import type { AuthenticationResponse } from '@workos-inc/node';
import { decodeJwtClaims } from '../../shared/claims.js';
import { CallbackError, type CallbackErrorContext } from '../../shared/errors.js';
import { sessionPayload } from '../../shared/iron-seal.js';
import { safeReturnPath } from '../../shared/return-to.js';
import type { AccessToken } from '../../shared/types.js';
import { redirectTarget, rethrowNextControlFlow } from '../next-control-flow.js';
import { writeSessionCookie } from '../session/session-cookie.js';
import { sealSession } from '../session/session-seal.js';
import { signedIn } from '../session/session-state.js';
import { workosClient } from '../workos.js';
import type { AuthRouteRequest } from './auth-route-request.js';
import { clearFlowCookie, readFlowCookie, type SignInFlow } from './flow-cookie.js';
import type { HandleAuthOptions } from './options.js';
import { beginOrganizationSelection, organizationSelectionOf, type PendingSelectionAnswer } from './organization-selection.js';
import { noStore } from './route-responses.js';

/** Thrown inside this module so the route can tell an `onSuccess` failure from a sign-in failure. */
export class OnSuccessFailed extends Error {
  constructor(readonly original: unknown) {
    super('onSuccess failed');
  }
}

function context(request: NextRequest): CallbackErrorContext {
  const params = request.nextUrl.searchParams;
  return {
    path: request.nextUrl.pathname,
    userAgent: request.headers.get('user-agent') ?? undefined,
    hasCode: params.has('code'),
    hasState: params.has('state'),
  };
}

async function checkedFlow({ root, request }: AuthRouteRequest): Promise<{ flow: SignInFlow; code: string }> {
  const params = request.nextUrl.searchParams;
  const oauthError = params.get('error');
  if (oauthError) {
    const safeCode = /^[a-z_]{1,64}$/.test(oauthError) ? oauthError : 'unknown';
    throw new CallbackError('authorization_error', `AuthKit returned an error (${safeCode}).`, { ...context(request), oauthError: safeCode });
  }
  const code = params.get('code');
  const state = params.get('state');
  if (!code || !state) throw new CallbackError('missing_auth_params', 'The callback needs both code and state.', context(request));
  const lookup = await readFlowCookie(root, request.cookies, state);
  if (lookup.found === 'none') {
    throw new CallbackError('missing_pkce_cookie', 'No sign-in flow cookie matches this state.', context(request));
  }
  if (lookup.found === 'mismatch') {
    throw new CallbackError('oauth_state_mismatch', 'The state does not match the sign-in flow cookie.', context(request));
  }
  return { flow: lookup.flow, code };
}

/** WorkOS wants the app to choose the organization: what the picker needs. */
export class OrganizationSelectionRequired extends Error {
  constructor(readonly pending: PendingSelectionAnswer) {
    super('organization_selection_required');
  }
}

async function exchangeCode({ root, request }: AuthRouteRequest, flow: SignInFlow, code: string): Promise<AuthenticationResponse> {
  let response: AuthenticationResponse;
  try {
    response = await workosClient(root).userManagement.authenticateWithCode({ clientId: root.config.clientId, code, codeVerifier: flow.codeVerifier });
  } catch (error) {
    const pending = organizationSelectionOf(error);
    if (pending) throw new OrganizationSelectionRequired(pending);
    throw new CallbackError('authentication_failed', 'WorkOS did not accept the authorization code.', context(request), error);
  }
  if (!response?.accessToken || !response.refreshToken || !decodeJwtClaims<AccessToken>(response.accessToken)) {
    throw new CallbackError('missing_tokens', 'WorkOS answered without usable tokens.', context(request));
  }
  return response;
}

/** How a finished sign-in leaves: where to, and which pending cookie it used up. */
export interface SignedInExit {
  returnPath: string;
  customState?: string;
  clearPending: (response: NextResponse) => void;
}

/**
 * Saves the session from `auth`, runs `onSuccess` and redirects to `exit.returnPath` (or where
 * `onSuccess` redirected). Throws OnSuccessFailed when the app's hook failed.
 */
export async function finishSignIn(route: AuthRouteRequest, options: HandleAuthOptions, auth: AuthenticationResponse, exit: SignedInExit): Promise<NextResponse> {
  const { root, request, origin } = route;
  const session = sessionPayload(auth);
  const sealed = await sealSession(root, session);
  // Tokens straight from WorkOS over TLS: as trustworthy as a verified cookie.
  root.store.verifiedSessions.remember(sealed, signedIn(session, decodeJwtClaims<AccessToken>(auth.accessToken)!, sealed));
  const respond = (url: string, status: number) => {
    const response = noStore(NextResponse.redirect(new URL(url, origin), status));
    writeSessionCookie(root.config, response.cookies, request.cookies, sealed, [request.url, origin]);
    exit.clearPending(response);
    return response;
  };
  try {
    await options.onSuccess?.({
      accessToken: auth.accessToken,
      refreshToken: auth.refreshToken,
      user: auth.user,
      impersonator: auth.impersonator,
      oauthTokens: auth.oauthTokens,
      authenticationMethod: auth.authenticationMethod,
      organizationId: auth.organizationId,
      state: exit.customState,
    });
  } catch (error) {
    const target = redirectTarget(error);
    if (target) return respond(target.url, target.status);
    rethrowNextControlFlow(error);
    throw new OnSuccessFailed(error);
  }
  return respond(exit.returnPath, 307);
}

/** Handles the callback; throws CallbackError, or OnSuccessFailed when the app's hook failed. */
export async function completeSignIn(route: AuthRouteRequest, options: HandleAuthOptions): Promise<Response> {
  const { root, request, origin } = route;
  const { flow, code } = await checkedFlow(route);
  const returnPath = safeReturnPath(flow.returnTo, safeReturnPath(options.returnPathname, '/'));
  let auth: AuthenticationResponse;
  try {
    auth = await exchangeCode(route, flow, code);
  } catch (error) {
    if (!(error instanceof OrganizationSelectionRequired)) throw error;
    return beginOrganizationSelection(route, options, { ...error.pending, returnTo: returnPath, customState: flow.customState, state: flow.state });
  }
  return finishSignIn(route, options, auth, {
    returnPath,
    customState: flow.customState,
    clearPending: (response) => clearFlowCookie(root, response.cookies, flow.state, [request.url, origin]),
  });
}
