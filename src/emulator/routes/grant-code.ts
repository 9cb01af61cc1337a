/** The `authorization_code` grant: single-use, short-lived codes bound to the client and PKCE challenge. */
import { oauthError } from '../http.js';
import type { Runtime } from '../runtime.js';
import { deviceFromGrant } from '../session-json.js';
import { mintResponse, organizationSelectionError, startSession } from '../sessions.js';
import { s256 } from '../tokens.js';
import type { AuthenticateResponseJson } from '../types.js';
import { type Client, type GrantParams, param, requireParam } from './grant-params.js';

export function exchangeCode(runtime: Runtime, params: GrantParams, client: Client): AuthenticateResponseJson {
  const code = requireParam(params, 'code');
  const record = runtime.store.codes.get(code);
  if (!record || record.expiresAt < Date.now() || record.clientId !== client.id) {
    throw oauthError(400, 'invalid_grant', `The code '${code}' has expired or is invalid.`);
  }
  // A failed check leaves the code usable: it is bound to the challenge, so only the holder of
  // the verifier can ever redeem it.
  if (record.codeChallenge) {
    const verifier = param(params, 'code_verifier');
    if (!verifier) throw oauthError(400, 'invalid_grant', 'This code was issued with a code_challenge; send its code_verifier.');
    if (s256(verifier) !== record.codeChallenge) {
      throw oauthError(400, 'invalid_grant', 'The code_verifier does not match the code_challenge.');
    }
  } else if (!client.confidential) {
    throw oauthError(400, 'invalid_client', 'A public client must use PKCE, and this code has no code_challenge.');
  }
  runtime.store.codes.delete(code);
  const { userId, clientId, organizationId, method, impersonator, authTime } = record;
  const device = deviceFromGrant(params, record.device);
  const auth = {
    userId, clientId, method, authTime,
    ...(organizationId ? { organizationId } : {}), ...(impersonator ? { impersonator } : {}), ...(device ? { device } : {}),
  };
  if (record.selectOrganization) throw organizationSelectionError(runtime, auth);
  return mintResponse(runtime, startSession(runtime, auth));
}
