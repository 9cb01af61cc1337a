/**
 * The one authorisation check behind `has()`, `<SignedIn>`/`<RequireAuth>` conditions and their
 * client twins, so a condition means the same thing on the server and in the browser.
 */
import type { AuthConditions, RedactedUserInfo } from './types.js';

const includes = (list: readonly string[] | undefined, value: string) => list?.includes(value) ?? false;

/** True when the signed-in `auth` meets every given condition (no conditions: true). */
export function meetsConditions(auth: RedactedUserInfo, conditions: AuthConditions): boolean {
  const { role, roles, permission, entitlement, featureFlag, organizationId, condition } = conditions;
  if (role !== undefined && auth.role !== role && !includes(auth.roles, role)) return false;
  if (roles !== undefined && !roles.some((wanted) => auth.role === wanted || includes(auth.roles, wanted))) return false;
  if (permission !== undefined && !includes(auth.permissions, permission)) return false;
  if (entitlement !== undefined && !includes(auth.entitlements, entitlement)) return false;
  if (featureFlag !== undefined && !includes(auth.featureFlags, featureFlag)) return false;
  if (organizationId !== undefined && auth.organizationId !== organizationId) return false;
  if (condition !== undefined && !condition(auth)) return false;
  return true;
}
