/**
 * The mock organization directory: the members, pending invitations and sessions the organization
 * components read, for the active mock session's organization and user. It starts from fixed data
 * (the mock user with their role, Alice, Bob and Carol; one pending invitation; this session and a
 * phone), the mock actions change it, and `setMockOrganizationDirectory` replaces it or takes
 * WorkOS down (`{ down: true }`) so a story or test can show every state.
 */
import { currentMockSession } from './mock-registry.js';

export interface MockMember {
  membershipId: string;
  userId: string;
  email: string;
  firstName?: string;
  lastName?: string;
  role: string;
  status: 'active' | 'inactive' | 'pending';
}

export interface MockInvitation {
  id: string;
  email: string;
  role?: string;
  createdAt: string;
  expiresAt: string;
}

export interface MockUserSession {
  id: string;
  userAgent?: string;
  ipAddress?: string;
  createdAt: string;
  updatedAt: string;
}

/** What the mock organization directory holds (any part may be replaced). */
export interface MockOrganizationDirectory {
  members: MockMember[];
  invitations: MockInvitation[];
  /** The mock user's sessions besides the current one (which is always listed). */
  otherSessions: MockUserSession[];
  /** WorkOS cannot be reached: every organization read fails. @default false */
  down: boolean;
}

const DESKTOP = 'Mozilla/5.0 (Macintosh; Intel Mac OS X 14_4) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/126.0 Safari/537.36';
const PHONE = 'Mozilla/5.0 (iPhone; CPU iPhone OS 17_4 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.4 Mobile/15E148 Safari/604.1';

const OTHERS: MockMember[] = [
  { membershipId: 'om_mock_alice', userId: 'user_alice', email: 'alice@example.com', firstName: 'Alice', lastName: 'Anderson', role: 'admin', status: 'active' },
  { membershipId: 'om_mock_bob', userId: 'user_bob', email: 'bob@example.com', firstName: 'Bob', lastName: 'Brown', role: 'member', status: 'active' },
  { membershipId: 'om_mock_carol', userId: 'user_carol', email: 'carol@example.com', firstName: 'Carol', lastName: 'Chen', role: 'member', status: 'inactive' },
];

function initial(): MockOrganizationDirectory {
  return {
    members: OTHERS.map((member) => ({ ...member })),
    invitations: [{ id: 'invitation_mock_dana', email: 'dana@example.com', role: 'member', createdAt: '2026-01-02T09:00:00.000Z', expiresAt: '2026-01-09T09:00:00.000Z' }],
    otherSessions: [{ id: 'session_mock_phone', userAgent: PHONE, ipAddress: '203.0.113.4', createdAt: '2026-01-03T08:15:00.000Z', updatedAt: '2026-01-05T18:40:00.000Z' }],
    down: false,
  };
}

let directory = initial();

/**
 * The directory as it is now, with the mock user among the members (their role from the session).
 * @example expect(mockOrganizationDirectory().members.map((m) => m.email)).toContain('bob@example.com');
 */
export function mockOrganizationDirectory(): MockOrganizationDirectory & { currentSession?: MockUserSession } {
  const mock = currentMockSession();
  const user = mock?.session?.user;
  if (!user) return directory;
  const self: MockMember = {
    membershipId: `om_mock_${user.id}`, userId: user.id, email: user.email, firstName: user.firstName ?? undefined,
    lastName: user.lastName ?? undefined, role: mock.auth?.role ?? 'member', status: 'active',
  };
  const listed = directory.members.some((member) => member.userId === user.id);
  const members = listed ? directory.members : [self, ...directory.members.filter((member) => member.email !== user.email)];
  const currentSession = { id: mock.auth?.sessionId ?? 'session_mock', userAgent: DESKTOP, ipAddress: '198.51.100.10', createdAt: '2026-01-04T10:00:00.000Z', updatedAt: '2026-01-06T11:30:00.000Z' };
  return { ...directory, members, currentSession };
}

/**
 * Replaces parts of the mock organization directory (`{ down: true }`: WorkOS unreachable), or
 * with no argument puts the starting data back.
 * @example setMockOrganizationDirectory({ invitations: [] });
 */
export function setMockOrganizationDirectory(patch?: Partial<MockOrganizationDirectory>): void {
  directory = patch ? { ...directory, ...patch } : initial();
}

/**
 * Applies a change the mock actions make (members, invitations or sessions).
 * @example updateMockOrganizationDirectory(({ invitations }) => ({ invitations: invitations.slice(1) }));
 */
export function updateMockOrganizationDirectory(change: (current: MockOrganizationDirectory) => Partial<MockOrganizationDirectory>): void {
  directory = { ...directory, ...change(mockOrganizationDirectory()) };
}
