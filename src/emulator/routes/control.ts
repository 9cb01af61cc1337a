/**
 * The `/_emulator/` control surface for tests and humans: counters, faults, runtime config, minted
 * sessions, signing keys, memberships, feature flags, API keys, invitations, webhooks and reset. Unauthenticated by design: the emulator binds to loopback by default.
 */
import { apiKeyJson, createApiKey, revokeApiKey } from '../api-keys.js';
import { updateFeatureFlag } from '../control-feature-flags.js';
import { listControlInvitations, listControlSessions, listFilterOf } from '../control-lists.js';
import { setWebhooks, webhooksJson } from '../control-webhooks.js';
import { removeMembership, updateMembership } from '../control-memberships.js';
import { featureFlagControlJson } from '../feature-flags.js';
import { createControlSession } from '../control-session.js';
import { updateConfig } from '../control.js';
import { apiError, html, json, jsonBody, type EmuRequest, type Reply } from '../http.js';
import { controlIndexPage } from '../pages/control-index.js';
import type { Handler } from '../router.js';
import type { Runtime } from '../runtime.js';
import { InputError } from '../validate.js';

const SETTLE_LIMIT_MS = 30_000;
const delay = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms).unref());

/** Bad control input becomes a 400 naming the fields. */
function guarded(handler: Handler): Handler {
  return async (request, runtime) => {
    try {
      return await handler(request, runtime);
    } catch (error) {
      if (error instanceof InputError) throw apiError(400, 'invalid_request', error.message);
      throw error;
    }
  };
}

export const controlHandlers = {
  index: (_request: EmuRequest, runtime: Runtime): Reply => html(200, controlIndexPage(runtime)),
  counters: (_request: EmuRequest, runtime: Runtime): Reply => json(200, { counters: Object.fromEntries(runtime.counters) }),
  clearCounters: (_request: EmuRequest, runtime: Runtime): Reply => {
    runtime.counters.clear();
    return json(200, { counters: {} });
  },
  faults: (_request: EmuRequest, runtime: Runtime): Reply => json(200, { faults: runtime.faults.list() }),
  addFault: guarded((request, runtime) => json(201, { fault: runtime.faults.add(jsonBody(request), runtime.endpoints) })),
  clearFaults: (_request: EmuRequest, runtime: Runtime): Reply => {
    runtime.faults.clear();
    return json(200, { faults: [] });
  },
  config: (_request: EmuRequest, runtime: Runtime): Reply => json(200, { config: { ...runtime.config } }),
  updateConfig: guarded((request, runtime) => json(200, { config: updateConfig(runtime, jsonBody(request)) })),
  createSession: guarded((request, runtime) => json(200, createControlSession(runtime, jsonBody(request)))),
  keys: (_request: EmuRequest, runtime: Runtime): Reply => json(200, { keys: runtime.keys.info() }),
  rotateKey: (_request: EmuRequest, runtime: Runtime): Reply => json(200, { keys: runtime.keys.rotate() }),
  retireKeys: (_request: EmuRequest, runtime: Runtime): Reply => json(200, { keys: runtime.keys.retire() }),
  updateMembership: guarded((request, runtime) =>
    json(200, { membership: updateMembership(runtime, request.params.id!, jsonBody(request)) }),
  ),
  removeMembership: guarded((request, runtime) => json(200, removeMembership(runtime, request.params.id!))),
  featureFlags: (_request: EmuRequest, runtime: Runtime): Reply =>
    json(200, { feature_flags: [...runtime.store.featureFlags.values()].map(featureFlagControlJson) }),
  updateFeatureFlag: guarded((request, runtime) =>
    json(200, { feature_flag: updateFeatureFlag(runtime, request.params.slug!, jsonBody(request)) }),
  ),
  apiKeys: (_request: EmuRequest, runtime: Runtime): Reply =>
    json(200, { api_keys: [...runtime.store.apiKeys.values()].map((key) => apiKeyJson(key)) }),
  createApiKey: guarded((request, runtime) => json(201, { api_key: createApiKey(runtime, jsonBody(request)) })),
  revokeApiKey: guarded((request, runtime) => json(200, revokeApiKey(runtime, request.params.id!))),
  invitations: (request: EmuRequest, runtime: Runtime): Reply =>
    json(200, { invitations: listControlInvitations(runtime, listFilterOf(request.url)) }),
  sessions: (request: EmuRequest, runtime: Runtime): Reply =>
    json(200, { sessions: listControlSessions(runtime, listFilterOf(request.url)) }),
  /** `?settle=1` waits (at most 30 s) until no delivery is under way. */
  webhooks: async (request: EmuRequest, runtime: Runtime): Promise<Reply> => {
    if (request.url.searchParams.get('settle')) await Promise.race([runtime.webhooks.settle(), delay(SETTLE_LIMIT_MS)]);
    return json(200, webhooksJson(runtime));
  },
  setWebhooks: guarded((request, runtime) => json(200, { webhooks: setWebhooks(runtime, jsonBody(request)) })),
  reset: (_request: EmuRequest, runtime: Runtime): Reply => {
    runtime.reset();
    return json(200, { reset: true });
  },
};
