/** `GET /_emulator`: a human-readable overview of the seed data, hosted pages and control routes. */
import type { Runtime } from '../runtime.js';
import { escapeHtml, page } from './layout.js';

const CONTROL_ROUTES = [
  ['GET', '/_emulator/counters', 'request counts per endpoint'],
  ['DELETE', '/_emulator/counters', 'zero the counters'],
  ['GET', '/_emulator/faults', 'pending faults'],
  ['POST', '/_emulator/faults', 'inject a fault: {endpoint, times, status, retry_after, latency_ms, drop, when}'],
  ['DELETE', '/_emulator/faults', 'remove all faults'],
  ['GET', '/_emulator/config', 'runtime config'],
  ['PATCH', '/_emulator/config', '{access_token_ttl_seconds, refresh_grace_seconds, step_up_redirect}'],
  ['GET', '/_emulator/sessions', 'sessions (ended ones too), newest first: ?user_id= or ?email='],
  ['POST', '/_emulator/sessions', 'mint a session: {user_id | email, organization_id, role, …}'],
  ['GET', '/_emulator/invitations', 'invitations with their token and accept_invitation_url: ?email='],
  ['GET', '/_emulator/keys', 'signing keys: {current_kid, kids}'],
  ['POST', '/_emulator/keys/rotate', 'a new signing key signs; old ones stay published'],
  ['POST', '/_emulator/keys/retire', 'publish only the current key'],
  ['PATCH', '/_emulator/memberships/:id', 'change a membership: {status, role}'],
  ['DELETE', '/_emulator/memberships/:id', 'remove a membership'],
  ['GET', '/_emulator/feature-flags', 'feature flags with their targets'],
  ['PATCH', '/_emulator/feature-flags/:slug', 'toggle one: {enabled, default_value, organization_ids, user_ids}; an unknown slug creates it'],
  ['GET', '/_emulator/api-keys', 'API keys apps can validate (secrets obfuscated)'],
  ['POST', '/_emulator/api-keys', 'issue one: {organization_id, name, permissions, user_id, value}; the answer shows the secret once'],
  ['DELETE', '/_emulator/api-keys/:id', 'revoke one: it validates as {api_key: null} from then on'],
  ['GET', '/_emulator/webhooks', 'webhook settings and the delivery log (?settle=1 waits for deliveries under way)'],
  ['PUT', '/_emulator/webhooks', 'send webhooks: {url, secret, retry_delays_ms}; {url: null} stops them'],
  ['POST', '/_emulator/reset', 'back to the seed data (the keys stay)'],
];

export function controlIndexPage(runtime: Runtime): string {
  const { store } = runtime;
  const users = [...store.users.values()]
    .map((user) => {
      const orgs = store.membershipsOf(user.id).map((m) => `${m.organization_id} (${m.role})`).join(', ');
      return `<li><code>${escapeHtml(user.id)}</code> ${escapeHtml(user.email)} ${escapeHtml(orgs)}</li>`;
    })
    .join('\n');
  const routes = CONTROL_ROUTES.map(
    ([method, path, what]) => `<li><code>${method} ${path}</code> ${escapeHtml(what)}</li>`,
  ).join('\n');
  const endpoints = runtime.endpoints.map((key) => `<li><code>${escapeHtml(key)}</code></li>`).join('\n');
  return page('Emulator', `<h1>WorkOS emulator</h1>
<p>Client <code>${escapeHtml(runtime.clientId)}</code>. <a href="/_emulator/impersonate">Impersonate a user</a>.</p>
<h2>Users</h2>
<ul>${users}</ul>
<h2>Control routes</h2>
<ul>${routes}</ul>
<h2>Endpoints (for counters and faults)</h2>
<ul>${endpoints}</ul>`);
}
