/** Parameter helpers shared by the authenticate grants. */
import { oauthError } from '../http.js';

export type GrantParams = Record<string, unknown>;

/** Confidential clients send `client_secret` (the API key); public clients send none and rely on PKCE. */
export interface Client {
  id: string;
  confidential: boolean;
}

/** A non-empty string parameter, or undefined. */
export function param(params: GrantParams, name: string): string | undefined {
  const value = params[name];
  return typeof value === 'string' && value !== '' ? value : undefined;
}

export function requireParam(params: GrantParams, name: string): string {
  const value = param(params, name);
  if (value === undefined) throw oauthError(400, 'invalid_request', `The ${name} parameter is required.`);
  return value;
}
