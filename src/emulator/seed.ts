/**
 * Seed data: loads a `--data` file (or an object), validates it with errors that name the bad
 * field, and fills in defaults. Cross-references (membership → user/org/role) are checked too.
 */
import { readFileSync } from 'node:fs';
import type { NormalizedSeed } from './records.js';
import { normalizeApiKeys, normalizeFeatureFlags } from './seed-access.js';
import { normalizeMemberships, normalizeOrganizations, normalizeRoles, normalizeUsers } from './seed-records.js';
import { DEFAULT_REDIRECT_PATTERNS, defaultSeed } from './seed-defaults.js';
import type { SeedData } from './types.js';
import { Issues, isRecord, objectAt, optionalString, optionalStringArray } from './validate.js';

/** Thrown for an unreadable or invalid data file; `issues` lists every bad field. */
export class EmulatorDataError extends Error {
  override readonly name = 'EmulatorDataError';

  constructor(
    readonly source: string,
    readonly issues: string[],
  ) {
    super(`Invalid emulator data (${source}):\n${issues.map((issue) => `  - ${issue}`).join('\n')}`);
  }
}

const TOP_LEVEL = [
  'client_id', 'api_key', 'users', 'organizations', 'memberships', 'roles', 'default_role', 'api_keys', 'feature_flags',
  'redirect_uris', 'logout_redirect_uris', 'default_logout_redirect_uri', 'signing_key',
] as const;

/** Resolves `createEmulator({ data })`: the default set, an object, or a JSON file path. */
export function loadSeed(data: SeedData | string | undefined): NormalizedSeed {
  if (data === undefined) return normalizeSeed(defaultSeed(), 'default data');
  if (typeof data !== 'string') return normalizeSeed(data, 'data option');
  return normalizeSeed(readJsonFile(data), data);
}

function readJsonFile(path: string): unknown {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (error) {
    throw new EmulatorDataError(path, [`cannot read the file (${(error as NodeJS.ErrnoException).code ?? 'error'})`]);
  }
  try {
    return JSON.parse(text) as unknown;
  } catch (error) {
    throw new EmulatorDataError(path, [`not valid JSON (${(error as Error).message})`]);
  }
}

export function normalizeSeed(input: unknown, source: string): NormalizedSeed {
  const issues = new Issues();
  const root = objectAt(issues, '', input, TOP_LEVEL);
  if (!root) throw new EmulatorDataError(source, issues.list);
  const roles = root.roles === undefined ? normalizeRoles(issues, defaultSeed().roles) : normalizeRoles(issues, root.roles);
  const users = normalizeUsers(issues, root.users);
  const organizations = normalizeOrganizations(issues, root.organizations);
  const memberships = normalizeMemberships(issues, root.memberships, { users, organizations, roles });
  const redirectPatterns = optionalStringArray(issues, 'redirect_uris', root.redirect_uris) ?? DEFAULT_REDIRECT_PATTERNS;
  const apiKey = optionalString(issues, 'api_key', root.api_key) ?? defaultSeed().api_key!;
  const seed: NormalizedSeed = {
    clientId: optionalString(issues, 'client_id', root.client_id) ?? defaultSeed().client_id!,
    apiKey,
    users,
    organizations,
    memberships,
    roles,
    defaultRole: defaultRoleAt(issues, root.default_role, roles),
    apiKeys: normalizeApiKeys(issues, root.api_keys, { users, organizations, apiKey }),
    featureFlags: normalizeFeatureFlags(issues, root.feature_flags, { users, organizations }),
    redirectPatterns,
    logoutRedirectPatterns:
      optionalStringArray(issues, 'logout_redirect_uris', root.logout_redirect_uris) ?? redirectPatterns,
    defaultLogoutRedirect: optionalString(issues, 'default_logout_redirect_uri', root.default_logout_redirect_uri) ?? undefined,
    signingKey: signingKeyAt(issues, root.signing_key),
  };
  if (!issues.ok) throw new EmulatorDataError(source, issues.list);
  return seed;
}

/** `default_role`, else `member` when there is such a role, else the first role. */
function defaultRoleAt(issues: Issues, value: unknown, roles: { slug: string }[]): string {
  const given = optionalString(issues, 'default_role', value) ?? undefined;
  if (given !== undefined && !roles.some((role) => role.slug === given)) issues.add('default_role', `unknown role '${given}'`);
  if (given !== undefined) return given;
  return roles.some((role) => role.slug === 'member') ? 'member' : (roles[0]?.slug ?? 'member');
}

function signingKeyAt(issues: Issues, value: unknown): JsonWebKey | undefined {
  if (value === undefined) return undefined;
  if (!isRecord(value) || value.kty !== 'RSA' || typeof value.d !== 'string') {
    issues.add('signing_key', 'expected a private RSA JWK (kty "RSA" with "d")');
    return undefined;
  }
  return value as JsonWebKey;
}
