import 'server-only';
/**
 * `validateApiKey()`: checks the request's `Authorization: Bearer <key>` against WorkOS API keys
 * (`POST /api_keys/validations` through the SDK), as the reference does. A request without a
 * usable bearer token is answered without calling WorkOS. The key is only ever sent to WorkOS:
 * it is never logged or put in an error.
 */
import type { ValidateApiKeyResponse } from '@workos-inc/node';
import { requestHeaders } from '../request/request-data.js';
import { getWorkOS } from './get-workos.js';

/** The token of an `Authorization: Bearer <token>` header (scheme in any case), or undefined. */
export function bearerToken(authorization: string | null): string | undefined {
  return /^\s*bearer\s+(\S+)\s*$/i.exec(authorization ?? '')?.[1];
}

/**
 * Validates the API key of this request's `Authorization: Bearer …` header with WorkOS:
 * `{ apiKey }` when it is a live key, `{ apiKey: null }` when there is none or WorkOS does not
 * know it. WorkOS errors (an outage, a wrong `WORKOS_API_KEY`) are thrown, not read as "no key".
 *
 * @example
 * export async function GET() {
 *   const { apiKey } = await validateApiKey();
 *   if (!apiKey) return NextResponse.json({ error: 'Unauthorized' }, { status: 401 });
 *   return NextResponse.json({ organization: apiKey.owner.id });
 * }
 */
export async function validateApiKey(): Promise<ValidateApiKeyResponse> {
  const value = bearerToken((await requestHeaders()).get('authorization'));
  if (!value) return { apiKey: null };
  return getWorkOS().apiKeys.createValidation({ value });
}
