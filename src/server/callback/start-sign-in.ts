import 'server-only';
/**
 * The auth route's "start" mode: sets the per-flow PKCE cookie and sends the browser to AuthKit.
 * Reached from `getSignInUrl()` links, `withAuth({ ensureSignedIn })`, the proxy, and WorkOS's
 * "Initiate login URI" (dashboard impersonation), which is why it accepts a bare request.
 */
import { NextResponse } from 'next/server';
import { AUTH_ROUTE_PARAMS } from '../../shared/constants.js';
import { isSafeReturnPath } from '../../shared/return-to.js';
import { workosClient } from '../workos.js';
import type { AuthRouteRequest } from './auth-route-request.js';
import { unsealCustomState } from './custom-state.js';
import { newState, writeFlowCookie } from './flow-cookie.js';
import { noStore } from './route-responses.js';

const MAX_PARAM_LENGTH = 512;

function textParam(params: URLSearchParams, name: string): string | undefined {
  const value = params.get(name)?.trim();
  return value && value.length <= MAX_PARAM_LENGTH ? value : undefined;
}

function maxAgeParam(params: URLSearchParams): number | undefined {
  const value = params.get(AUTH_ROUTE_PARAMS.maxAge);
  const seconds = value === null ? NaN : Number(value);
  return Number.isInteger(seconds) && seconds >= 0 ? seconds : undefined;
}

function screenHintParam(params: URLSearchParams): 'sign-in' | 'sign-up' | undefined {
  const value = params.get(AUTH_ROUTE_PARAMS.screenHint);
  return value === 'sign-in' || value === 'sign-up' ? value : undefined;
}

/** Starts a sign-in on the app's public origin. */
export async function startSignIn({ root, request, origin }: AuthRouteRequest): Promise<NextResponse> {
  const params = request.nextUrl.searchParams;
  const redirectUri = `${origin}${request.nextUrl.pathname}`;
  const returnTo = params.get(AUTH_ROUTE_PARAMS.returnTo);
  const workos = workosClient(root);
  const { codeVerifier, codeChallenge } = await workos.pkce.generate();
  const state = newState();
  const authorizationUrl = workos.userManagement.getAuthorizationUrl({
    provider: 'authkit',
    clientId: root.config.clientId,
    redirectUri,
    state,
    codeChallenge,
    codeChallengeMethod: 'S256',
    screenHint: screenHintParam(params),
    loginHint: textParam(params, AUTH_ROUTE_PARAMS.loginHint),
    organizationId: textParam(params, AUTH_ROUTE_PARAMS.organizationId),
    prompt: textParam(params, AUTH_ROUTE_PARAMS.prompt),
    maxAge: maxAgeParam(params),
    invitationToken: textParam(params, AUTH_ROUTE_PARAMS.invitationToken),
  });
  const response = noStore(NextResponse.redirect(authorizationUrl, 302));
  await writeFlowCookie(root, response.cookies, request.cookies, {
    state,
    codeVerifier,
    redirectUri,
    returnTo: isSafeReturnPath(returnTo) ? returnTo : undefined,
    customState: await unsealCustomState(root, params.get(AUTH_ROUTE_PARAMS.customState)),
  }, [request.url, origin]);
  return response;
}
