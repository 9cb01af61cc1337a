/**
 * Authorize parameters: which are carried through the hosted page's forms, which problems get a
 * 400 page (a bad client or redirect URI: never redirect to an unchecked URI, or this becomes an
 * open redirector) and which go back to the app OAuth-style (`redirect_uri?error=…&state=…`).
 */
import { html, redirect, type Reply } from '../http.js';
import { errorPage } from '../pages/layout.js';
import { AUTHORIZE_PATH } from '../pages/sign-in.js';
import { isAllowedRedirect, withQuery } from '../redirects.js';
import type { Runtime } from '../runtime.js';

const CARRIED = [
  'client_id', 'redirect_uri', 'response_type', 'provider', 'connection_id', 'organization_id', 'state',
  'screen_hint', 'login_hint', 'domain_hint', 'prompt', 'code_challenge', 'code_challenge_method',
  'invitation_token', 'max_age', 'claim_nonce',
] as const;

export type AuthorizeParams = Partial<Record<(typeof CARRIED)[number], string>>;

export function pickParams(source: URLSearchParams): AuthorizeParams {
  const params: AuthorizeParams = {};
  for (const name of CARRIED) {
    const value = source.get(name);
    if (value !== null && value !== '') params[name] = value;
  }
  return params;
}

/** The 400 page for a request that cannot be trusted to redirect anywhere, else any problem for the app. */
export function authorizeProblem(runtime: Runtime, params: AuthorizeParams): Reply | undefined {
  return clientProblem(runtime, params) ?? requestProblem(runtime, params);
}

function clientProblem(runtime: Runtime, params: AuthorizeParams): Reply | undefined {
  const fail = (message: string) => html(400, errorPage('Cannot start sign-in', message));
  if (!params.client_id) return fail('The client_id parameter is missing.');
  if (params.client_id !== runtime.clientId) return fail(`Unknown client_id '${params.client_id}'.`);
  if (!params.redirect_uri) return fail('The redirect_uri parameter is missing.');
  if (!isAllowedRedirect(params.redirect_uri, runtime.seed.redirectPatterns)) {
    return fail(
      `The redirect_uri '${params.redirect_uri}' is not on the allow-list (${runtime.seed.redirectPatterns.join(', ')}).`,
    );
  }
  return undefined;
}

function requestProblem(runtime: Runtime, params: AuthorizeParams): Reply | undefined {
  if (params.response_type !== 'code') {
    return errorRedirect(params, 'unsupported_response_type', "Only response_type 'code' is supported.");
  }
  if (params.code_challenge && params.code_challenge_method !== 'S256') {
    return errorRedirect(params, 'invalid_request', "code_challenge_method must be 'S256'.");
  }
  if (params.organization_id && !runtime.store.organizations.has(params.organization_id)) {
    return errorRedirect(params, 'invalid_request', `Unknown organization_id '${params.organization_id}'.`);
  }
  return undefined;
}

export function errorRedirect(params: AuthorizeParams, error: string, description: string): Reply {
  return redirect(withQuery(params.redirect_uri!, { error, error_description: description, state: params.state }));
}

export function codeRedirect(params: AuthorizeParams, code: string, headers: Record<string, string> = {}): Reply {
  return redirect(withQuery(params.redirect_uri!, { code, state: params.state }), headers);
}

/** A link back to the hosted page with some parameters changed (`undefined` removes one). */
export function authorizeHref(params: AuthorizeParams, changes: Record<string, string | undefined>): string {
  const query = new URLSearchParams();
  for (const [name, value] of Object.entries({ ...params, ...changes })) if (value) query.set(name, value);
  return `${AUTHORIZE_PATH}?${query.toString()}`;
}
