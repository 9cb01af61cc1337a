import 'server-only';
/**
 * `StateSchema` and `State`: the reference package's OAuth state shape and its validator, for code
 * written against the reference. The reference's schema is a valibot schema; this one is a
 * Standard Schema (v1), which valibot, zod and most validation libraries can consume. The kit's
 * own sign-in flow keeps its state (PKCE verifier, return path, custom state) sealed in the
 * per-flow cookie and validates it there (flow-cookie.ts); nothing here is on that path.
 */

/** The OAuth state the reference seals: a nonce, the PKCE verifier, and optional return path and custom state. */
export interface State {
  nonce: string;
  codeVerifier: string;
  customState?: string;
  returnPathname?: string;
}

/** One problem `StateSchema` found (Standard Schema's issue shape). */
export interface StateIssue {
  readonly message: string;
  readonly path?: readonly PropertyKey[];
}

/** A Standard Schema v1 validator for `State`. */
export interface StateStandardSchema {
  readonly '~standard': {
    readonly version: 1;
    readonly vendor: 'authkit-rsc';
    readonly validate: (value: unknown) => { value: State; issues?: undefined } | { issues: readonly StateIssue[] };
    readonly types?: { readonly input: State; readonly output: State };
  };
}

const REQUIRED = ['nonce', 'codeVerifier'] as const;
const OPTIONAL = ['customState', 'returnPathname'] as const;

function validate(value: unknown): { value: State; issues?: undefined } | { issues: readonly StateIssue[] } {
  if (typeof value !== 'object' || value === null) return { issues: [{ message: 'Expected an object' }] };
  const record = value as Record<string, unknown>;
  const issues: StateIssue[] = [];
  for (const key of REQUIRED) if (typeof record[key] !== 'string') issues.push({ message: `${key}: expected a string`, path: [key] });
  for (const key of OPTIONAL) {
    if (record[key] !== undefined && typeof record[key] !== 'string') issues.push({ message: `${key}: expected a string or nothing`, path: [key] });
  }
  if (issues.length > 0) return { issues };
  const state: State = { nonce: record.nonce as string, codeVerifier: record.codeVerifier as string };
  for (const key of OPTIONAL) if (record[key] !== undefined) state[key] = record[key] as string;
  return { value: state };
}

/**
 * Validates a `State` (Standard Schema v1: `StateSchema['~standard'].validate(value)`). Unknown
 * keys are dropped from the value, like valibot's `object()`.
 *
 * @example
 * const result = StateSchema['~standard'].validate(JSON.parse(raw));
 * if (result.issues) throw new Error(result.issues[0].message);
 */
export const StateSchema: StateStandardSchema = { '~standard': { version: 1, vendor: 'authkit-rsc', validate } };
