/** Shared helpers for the emulator's own suites: SDK clients pointed at an emulator, and a sign-in. */
import { WorkOS, type AuthenticationResponse } from '@workos-inc/node';
import { decodeJwt, type JWTPayload } from 'jose';
import { afterAll, beforeAll, expect } from 'vitest';
import type { Emulator, EmulatorOptions } from '../../src/emulator/index.js';
import { startTestEmulator } from './emulator.js';
import { signInThroughHostedPage } from './hosted-sign-in.js';

export const REDIRECT_URI = 'http://localhost:3000/callback';

export interface SdkOptions {
  maxRetries?: number;
  timeout?: number;
  /** No API key: a public (PKCE-only) client. */
  publicClient?: boolean;
  apiKey?: string;
}

export function sdkFor(emulator: Emulator, options: SdkOptions = {}): WorkOS {
  const { publicClient, apiKey, ...transport } = options;
  const base = {
    apiHostname: emulator.env.WORKOS_API_HOSTNAME,
    https: false,
    port: emulator.port,
    clientId: emulator.clientId,
    ...transport,
  };
  return publicClient ? new WorkOS(base) : new WorkOS(apiKey ?? emulator.apiKey, base);
}

export interface SignInOptions {
  /** `organization_id` on the authorize URL. */
  organizationId?: string;
  /** The organisation picked on the choice page. */
  choose?: string;
  pkce?: boolean;
  state?: string;
}

/** Hosted sign-in with PKCE (by default) and the code exchange. */
export async function signIn(
  workos: WorkOS,
  email: string,
  options: SignInOptions = {},
): Promise<AuthenticationResponse & { state: string | null }> {
  const urlOptions = {
    provider: 'authkit' as const,
    redirectUri: REDIRECT_URI,
    ...(options.organizationId ? { organizationId: options.organizationId } : {}),
  };
  const pkce = options.pkce === false ? undefined : await workos.pkce.generate();
  const state = options.state ?? 'state-123';
  const url = pkce
    ? workos.userManagement.getAuthorizationUrl({
        ...urlOptions,
        state,
        codeChallenge: pkce.codeChallenge,
        codeChallengeMethod: 'S256',
      })
    : workos.userManagement.getAuthorizationUrl({ ...urlOptions, state });
  const back = await signInThroughHostedPage(url, email, options.choose ? { organizationId: options.choose } : {});
  const code = back.searchParams.get('code');
  expect(code, `redirect ${back.toString()}`).toBeTruthy();
  const response = await workos.userManagement.authenticateWithCode({
    code: code!,
    ...(pkce ? { codeVerifier: pkce.codeVerifier } : {}),
  });
  return { ...response, state: back.searchParams.get('state') };
}

/** The error a promise rejects with (fails the test if it resolves). */
export async function rejectionOf(promise: Promise<unknown>): Promise<Error & Record<string, unknown>> {
  try {
    await promise;
  } catch (error) {
    return error as Error & Record<string, unknown>;
  }
  throw new Error('Expected the call to fail, but it succeeded.');
}

export function claimsOf(accessToken: string): JWTPayload & Record<string, unknown> {
  return decodeJwt(accessToken);
}

/** A control-surface call as a script makes it: JSON in (the emulator refuses anything else), the raw response out. */
export function controlRequest(emulator: Emulator, method: string, path: string, body: unknown = {}): Promise<Response> {
  const url = `${emulator.url}/_emulator/${path}`;
  if (method === 'GET') return fetch(url);
  return fetch(url, { method, headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
}

/** One emulator for the whole test file: started before the first test, closed after the last. */
export function emulatorPerSuite(assign: (emulator: Emulator) => void, options: EmulatorOptions = {}): void {
  let started: Emulator | undefined;
  beforeAll(async () => {
    started = await startTestEmulator(options);
    assign(started);
  });
  afterAll(() => started?.close());
}
