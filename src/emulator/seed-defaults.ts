/**
 * The built-in data set. IDs are readable and stable so tests and docs can name them; the README's
 * emulator section lists them.
 */
import type { SeedData } from './types.js';

export const DEFAULT_CLIENT_ID = 'client_emulator';
export const DEFAULT_API_KEY = 'sk_test_emulator';

/** Matches any http://localhost or http://127.0.0.1 URL, with or without a port. */
export const DEFAULT_REDIRECT_PATTERNS = [
  'http://localhost:*',
  'http://localhost/*',
  'http://127.0.0.1:*',
  'http://127.0.0.1/*',
];

/** Increasing creation times keep list ordering deterministic. */
const at = (minute: number) => new Date(Date.UTC(2025, 0, 1, 0, minute)).toISOString();

export function defaultSeed(): SeedData {
  return {
    client_id: DEFAULT_CLIENT_ID,
    api_key: DEFAULT_API_KEY,
    roles: [
      { slug: 'admin', name: 'Admin', permissions: ['posts:read', 'posts:write', 'members:manage'] },
      { slug: 'member', name: 'Member', permissions: ['posts:read'] },
    ],
    users: [
      { id: 'user_alice', email: 'alice@example.com', first_name: 'Alice', last_name: 'Anderson', created_at: at(0) },
      { id: 'user_bob', email: 'bob@example.com', first_name: 'Bob', last_name: 'Brown', created_at: at(1) },
      { id: 'user_carol', email: 'carol@example.com', first_name: 'Carol', last_name: 'Chen', created_at: at(2) },
      { id: 'user_dave', email: 'dave@example.com', first_name: 'Dave', last_name: 'Diaz', created_at: at(3) },
    ],
    organizations: [
      {
        id: 'org_acme',
        name: 'Acme',
        domains: ['acme.example'],
        entitlements: ['audit-logs'],
        feature_flags: ['new-dashboard'],
        created_at: at(10),
      },
      { id: 'org_globex', name: 'Globex', domains: ['globex.example'], created_at: at(11) },
      { id: 'org_initech', name: 'Initech', domains: ['initech.example'], require_sso: true, created_at: at(12) },
      { id: 'org_umbrella', name: 'Umbrella', domains: ['umbrella.example'], require_mfa: true, created_at: at(13) },
    ],
    memberships: [
      { id: 'om_alice_acme', user_id: 'user_alice', organization_id: 'org_acme', role: 'admin', created_at: at(20) },
      { id: 'om_alice_globex', user_id: 'user_alice', organization_id: 'org_globex', role: 'member', created_at: at(21) },
      { id: 'om_bob_acme', user_id: 'user_bob', organization_id: 'org_acme', role: 'member', created_at: at(22) },
      {
        id: 'om_bob_globex',
        user_id: 'user_bob',
        organization_id: 'org_globex',
        role: 'member',
        status: 'pending',
        created_at: at(23),
      },
      { id: 'om_dave_globex', user_id: 'user_dave', organization_id: 'org_globex', role: 'admin', created_at: at(24) },
      { id: 'om_dave_initech', user_id: 'user_dave', organization_id: 'org_initech', role: 'member', created_at: at(25) },
      { id: 'om_dave_umbrella', user_id: 'user_dave', organization_id: 'org_umbrella', role: 'member', created_at: at(26) },
    ],
    api_keys: [
      {
        id: 'api_key_acme',
        name: 'Acme reporting',
        value: 'sk_acme_emulator',
        organization_id: 'org_acme',
        permissions: ['posts:read'],
        created_at: at(30),
      },
    ],
  };
}
