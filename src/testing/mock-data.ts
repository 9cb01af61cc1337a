/**
 * The ready-made auth states of the mock session (the Storybook toolbar offers the same list).
 * The people and organisations mirror the emulator's seed data, so a story, a unit test and an
 * e2e test against the emulator can talk about the same Alice, Bob and Dave.
 */
import type { OrganizationChoice, User, UserInfo } from '../shared/types.js';

/** The ready-made states: signed out, signed in, admin, member of many orgs, impersonating, loading. */
export type MockAuthState = 'signedOut' | 'signedIn' | 'admin' | 'manyOrgs' | 'impersonating' | 'loading';

/** Every ready-made state, in toolbar order. */
export const MOCK_AUTH_STATES: readonly MockAuthState[] = ['signedOut', 'signedIn', 'admin', 'manyOrgs', 'impersonating', 'loading'];

/** Human labels for the states (the Storybook toolbar uses them). */
export const MOCK_AUTH_STATE_LABELS: Readonly<Record<MockAuthState, string>> = {
  signedOut: 'Signed out',
  signedIn: 'Signed in',
  admin: 'Admin',
  manyOrgs: 'Member of many orgs',
  impersonating: 'Impersonating',
  loading: 'Loading',
};

/** An organisation the mock user belongs to, with their role slug there. */
export interface MockMembership {
  id: string;
  name: string;
  role?: string;
}

/** A complete WorkOS `User` with sensible defaults; pass only what matters to the test. */
export function mockUser(overrides: Partial<User> = {}): User {
  const id = overrides.id ?? 'user_alice';
  return {
    object: 'user',
    id,
    email: 'alice@example.com',
    emailVerified: true,
    firstName: 'Alice',
    lastName: 'Anderson',
    profilePictureUrl: null,
    lastSignInAt: '2026-01-01T00:00:00.000Z',
    locale: null,
    externalId: null,
    metadata: {},
    createdAt: '2025-01-01T00:00:00.000Z',
    updatedAt: '2025-01-01T00:00:00.000Z',
    ...overrides,
  } as User;
}

export const MOCK_ORGANIZATIONS = {
  acme: { id: 'org_acme', name: 'Acme' },
  globex: { id: 'org_globex', name: 'Globex' },
  initech: { id: 'org_initech', name: 'Initech' },
  umbrella: { id: 'org_umbrella', name: 'Umbrella' },
  hooli: { id: 'org_hooli', name: 'Hooli' },
} as const;

const { acme, globex, initech, umbrella, hooli } = MOCK_ORGANIZATIONS;
const ADMIN_PERMISSIONS = ['posts:read', 'posts:write', 'members:manage'];

/** What a signed-in preset holds (the input of `createMockSession`). */
export type MockSessionPreset = Pick<UserInfo, 'user'> & Partial<Pick<UserInfo, SessionClaimFields | 'impersonator'>> & {
  organizations: MockMembership[];
};

/** The session fields a test can choose (the names `withAuth()` returns them under). */
export type SessionClaimFields = 'organizationId' | 'role' | 'roles' | 'permissions' | 'entitlements' | 'featureFlags';

/** The signed-in presets behind the named states. */
export const MOCK_PRESETS: Readonly<Record<Exclude<MockAuthState, 'signedOut' | 'loading'>, MockSessionPreset>> = {
  signedIn: {
    user: mockUser({ id: 'user_bob', email: 'bob@example.com', firstName: 'Bob', lastName: 'Brown' }),
    organizationId: acme.id,
    role: 'member',
    roles: ['member'],
    permissions: ['posts:read'],
    organizations: [{ ...acme, role: 'member' }],
  },
  admin: {
    user: mockUser(),
    organizationId: acme.id,
    role: 'admin',
    roles: ['admin'],
    permissions: ADMIN_PERMISSIONS,
    entitlements: ['audit-logs'],
    featureFlags: ['new-dashboard'],
    organizations: [{ ...acme, role: 'admin' }, { ...globex, role: 'member' }],
  },
  manyOrgs: {
    user: mockUser({ id: 'user_dave', email: 'dave@example.com', firstName: 'Dave', lastName: 'Diaz' }),
    organizationId: globex.id,
    role: 'admin',
    roles: ['admin'],
    permissions: ADMIN_PERMISSIONS,
    organizations: [
      { ...acme, role: 'member' }, { ...globex, role: 'admin' }, { ...hooli, role: 'member' },
      { ...initech, role: 'member' }, { ...umbrella, role: 'member' },
    ],
  },
  impersonating: {
    user: mockUser({ id: 'user_bob', email: 'bob@example.com', firstName: 'Bob', lastName: 'Brown' }),
    organizationId: acme.id,
    role: 'member',
    roles: ['member'],
    permissions: ['posts:read'],
    impersonator: { email: 'support@example.com', reason: 'Investigating ticket #4521' },
    organizations: [{ ...acme, role: 'member' }],
  },
};

/** The memberships as `OrganizationChoice`s, sorted by name, with `current` marked. */
export function organizationChoices(memberships: readonly MockMembership[], currentId: string | undefined): OrganizationChoice[] {
  return memberships
    .map((org) => ({ id: org.id, name: org.name, role: org.role, current: org.id === currentId }))
    .sort((a, b) => a.name.localeCompare(b.name));
}
