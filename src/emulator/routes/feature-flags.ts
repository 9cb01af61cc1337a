/**
 * Feature flags over the WorkOS API: the runtime client's snapshot (`GET /sdk/feature-flags`),
 * `workos.featureFlags` (list, get, enable, disable, add and remove a target) and the enabled
 * flags of an organisation or a user. All behind the API key.
 */
import { notFound, json, type EmuRequest, type Reply } from '../http.js';
import { featureFlagJson, flagEnabledFor, pollSnapshot } from '../feature-flags.js';
import { paginate, parseListQuery } from '../paginate.js';
import type { FeatureFlagRecord } from '../records.js';
import type { Runtime } from '../runtime.js';

const NO_CONTENT: Reply = { status: 204, headers: {}, body: '' };

export function getSnapshot(_request: EmuRequest, runtime: Runtime): Reply {
  return json(200, pollSnapshot(runtime.store));
}

function flagOf(request: EmuRequest, runtime: Runtime): FeatureFlagRecord {
  const flag = runtime.store.featureFlags.get(request.params.slug!);
  if (!flag) throw notFound('Feature flag', request.params.slug!);
  return flag;
}

function listed(request: EmuRequest, flags: FeatureFlagRecord[]): Reply {
  return json(200, paginate(flags, parseListQuery(request.url), featureFlagJson));
}

export function listFlags(request: EmuRequest, runtime: Runtime): Reply {
  return listed(request, [...runtime.store.featureFlags.values()]);
}

export function getFlag(request: EmuRequest, runtime: Runtime): Reply {
  return json(200, featureFlagJson(flagOf(request, runtime)));
}

/** `PUT /feature-flags/:slug/enable` and `/disable`: on or off for the whole environment. */
export function setFlagEnabled(enabled: boolean) {
  return (request: EmuRequest, runtime: Runtime): Reply => {
    const flag = flagOf(request, runtime);
    flag.enabled = enabled;
    flag.updated_at = new Date().toISOString();
    return json(200, featureFlagJson(flag));
  };
}

/** The target list a user or organisation id belongs in; 404 for an id that is neither. */
function targetList(request: EmuRequest, runtime: Runtime, flag: FeatureFlagRecord): string[] {
  const id = request.params.targetId!;
  if (runtime.store.users.has(id)) return flag.user_ids;
  if (runtime.store.organizations.has(id)) return flag.organization_ids;
  throw notFound('Target', id);
}

/** `POST|DELETE /feature-flags/:slug/targets/:targetId`: 204. */
export function changeTarget(add: boolean) {
  return (request: EmuRequest, runtime: Runtime): Reply => {
    const flag = flagOf(request, runtime);
    const list = targetList(request, runtime, flag);
    const id = request.params.targetId!;
    const at = list.indexOf(id);
    if (add && at < 0) list.push(id);
    if (!add && at >= 0) list.splice(at, 1);
    flag.updated_at = new Date().toISOString();
    return NO_CONTENT;
  };
}

/** `GET /organizations/:id/feature-flags`: the flags on for that organisation. */
export function listOrganizationFlags(request: EmuRequest, runtime: Runtime): Reply {
  const organizationId = request.params.id!;
  if (!runtime.store.organizations.has(organizationId)) throw notFound('Organization', organizationId);
  return listed(request, [...runtime.store.featureFlags.values()].filter((flag) => flagEnabledFor(flag, { organizationId })));
}

/** `GET /user_management/users/:id/feature-flags`: the flags on for that user (its own targets and the defaults). */
export function listUserFlags(request: EmuRequest, runtime: Runtime): Reply {
  const userId = request.params.id!;
  if (!runtime.store.users.has(userId)) throw notFound('User', userId);
  return listed(request, [...runtime.store.featureFlags.values()].filter((flag) => flagEnabledFor(flag, { userId })));
}
