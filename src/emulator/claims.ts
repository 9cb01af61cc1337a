/**
 * Access-token claims. Role, permissions, entitlements and flags are re-resolved from the current
 * membership and organisation at every mint (so an org switch or a seed change shows up on the next
 * refresh), unless the session carries control-surface overrides. Empty optional claims are left
 * out, as WorkOS does; there is no `aud`.
 */
import { enabledFlagSlugs } from './feature-flags.js';
import type { SessionRecord } from './records.js';
import type { Runtime } from './runtime.js';
import { epochSeconds, newId } from './tokens.js';

export interface Access {
  role?: string;
  roles: string[];
  permissions: string[];
  entitlements: string[];
  feature_flags: string[];
}

export function resolveAccess(runtime: Runtime, session: SessionRecord): Access {
  const { store } = runtime;
  const overrides = session.overrides;
  const membership = store.activeMembership(session.userId, session.organizationId);
  const org = session.organizationId ? store.organizations.get(session.organizationId) : undefined;
  const roles = overrides.roles ?? (overrides.role ? [overrides.role] : (membership?.roles ?? []));
  const permissions =
    overrides.permissions ?? [...new Set(roles.flatMap((slug) => store.roles.get(slug)?.permissions ?? []))];
  return {
    role: overrides.role ?? (overrides.roles ? roles[0] : membership?.role),
    roles,
    permissions,
    entitlements: overrides.entitlements ?? org?.entitlements ?? [],
    feature_flags: overrides.feature_flags ?? enabledFlagSlugs(store, session.userId, session.organizationId),
  };
}

export function accessTokenClaims(runtime: Runtime, session: SessionRecord): Record<string, unknown> {
  const iat = epochSeconds();
  const access = resolveAccess(runtime, session);
  const claims: Record<string, unknown> = {
    iss: runtime.issuer,
    sub: session.userId,
    sid: session.id,
    jti: newId('jti').slice(4),
    org_id: session.organizationId,
    role: access.role,
    roles: access.roles,
    permissions: access.permissions,
    entitlements: access.entitlements,
    feature_flags: access.feature_flags,
    act: session.impersonator ? { sub: session.impersonator.email } : undefined,
    auth_time: epochSeconds(session.authTime),
    iat,
    exp: iat + (session.expiresIn ?? runtime.config.access_token_ttl_seconds),
  };
  return omitEmpty(claims);
}

function omitEmpty(claims: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(
    Object.entries(claims).filter(([, value]) => value !== undefined && !(Array.isArray(value) && value.length === 0)),
  );
}
