/** The in-process control handle: the same operations as the `/_emulator/` HTTP surface. */
import { apiKeyJson, createApiKey, revokeApiKey } from './api-keys.js';
import { updateFeatureFlag } from './control-feature-flags.js';
import { listControlInvitations, listControlSessions } from './control-lists.js';
import { setWebhooks, webhooksJson } from './control-webhooks.js';
import { removeMembership, updateMembership } from './control-memberships.js';
import { featureFlagControlJson } from './feature-flags.js';
import { createControlSession } from './control-session.js';
import type { Runtime } from './runtime.js';
import type { EmulatorControl, RuntimeConfig } from './types.js';
import { Issues, objectAt, optionalBoolean, optionalInteger } from './validate.js';

export function updateConfig(runtime: Runtime, patch: unknown): RuntimeConfig {
  const issues = new Issues();
  const raw = objectAt(issues, '', patch, ['access_token_ttl_seconds', 'refresh_grace_seconds', 'step_up_redirect']) ?? {};
  const ttl = optionalInteger(issues, 'access_token_ttl_seconds', raw.access_token_ttl_seconds, { min: 1, max: 31_536_000 });
  const grace = optionalInteger(issues, 'refresh_grace_seconds', raw.refresh_grace_seconds, { min: 0, max: 86_400 });
  const stepUpRedirect = optionalBoolean(issues, 'step_up_redirect', raw.step_up_redirect);
  issues.assert();
  if (ttl !== undefined) runtime.config.access_token_ttl_seconds = ttl;
  if (grace !== undefined) runtime.config.refresh_grace_seconds = grace;
  if (stepUpRedirect !== undefined) runtime.config.step_up_redirect = stepUpRedirect;
  return { ...runtime.config };
}

export function createControl(runtime: Runtime): EmulatorControl {
  return {
    counters: () => Object.fromEntries(runtime.counters),
    resetCounters: () => runtime.counters.clear(),
    injectFault: (fault) => runtime.faults.add(fault, runtime.endpoints),
    faults: () => runtime.faults.list(),
    clearFaults: () => runtime.faults.clear(),
    config: () => ({ ...runtime.config }),
    setConfig: (patch) => updateConfig(runtime, patch),
    createSession: async (input) => createControlSession(runtime, input),
    keys: () => runtime.keys.info(),
    rotateKey: () => runtime.keys.rotate(),
    retireKeys: () => runtime.keys.retire(),
    updateMembership: (id, patch) => updateMembership(runtime, id, patch),
    removeMembership: (id) => removeMembership(runtime, id),
    featureFlags: () => [...runtime.store.featureFlags.values()].map(featureFlagControlJson),
    updateFeatureFlag: (slug, patch) => updateFeatureFlag(runtime, slug, patch),
    apiKeys: () => [...runtime.store.apiKeys.values()].map((key) => apiKeyJson(key)),
    createApiKey: (input) => createApiKey(runtime, input),
    revokeApiKey: (id) => revokeApiKey(runtime, id),
    invitations: (filter) => listControlInvitations(runtime, filter),
    sessions: (filter) => listControlSessions(runtime, filter),
    webhooks: () => webhooksJson(runtime),
    setWebhooks: (input) => setWebhooks(runtime, input),
    settleWebhooks: async () => {
      await runtime.webhooks.settle();
      return webhooksJson(runtime);
    },
    reset: () => runtime.reset(),
    endpoints: () => [...runtime.endpoints],
  };
}
