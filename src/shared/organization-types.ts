/**
 * The data the organization components show and the outcomes their actions report, shared by the
 * server API, the components and the actions. Everything here is safe to render: no token, no
 * invitation token, no session secret.
 */

/** One member of an organization (`listOrganizationMembers()`). */
export interface OrganizationMember {
  /** The membership's id (`om_…`): what the member forms send. */
  membershipId: string;
  userId: string;
  email: string;
  /** First and last name, when the user has them. */
  name?: string;
  /** The member's role slug. */
  role: string;
  status: 'active' | 'inactive' | 'pending';
  /** True for the signed-in user's own membership. */
  self: boolean;
}

/** One pending invitation to an organization (`listOrganizationInvitations()`). */
export interface OrganizationInvitation {
  id: string;
  email: string;
  /** The role the invitee gets on accepting, when the invitation names one. */
  role?: string;
  expiresAt: string;
  createdAt: string;
}

/** One of the signed-in user's active sessions (`listUserSessions()`). */
export interface UserSessionInfo {
  id: string;
  /** The browser's `User-Agent` when the session started, if WorkOS recorded it. */
  userAgent?: string;
  ipAddress?: string;
  /** When the session last refreshed its tokens ("last seen"). */
  lastSeenAt: string;
  createdAt: string;
  /** True for the session of this request. */
  current: boolean;
  /** True when someone impersonates the user in that session. */
  impersonated: boolean;
}

/** An organization WorkOS offered at sign-in. */
export interface OfferedOrganization {
  id: string;
  name: string;
}

/** A sign-in waiting for its organization (WorkOS answered `organization_selection_required`). */
export interface PendingOrganizationSelection {
  organizations: OfferedOrganization[];
  /** The email of the person signing in. */
  email: string;
  /** Where the sign-in goes once the organization is chosen (a same-origin path). */
  returnTo: string;
}

/** Which component a notice belongs to. */
export type NoticeScope = 'picker' | 'create-organization' | 'members' | 'invitations' | 'sessions';

/** What an organization action reports, as a code (the component turns it into a message). */
export type NoticeCode =
  | 'organization-created' | 'role-changed' | 'member-removed' | 'left-organization' | 'invitation-sent'
  | 'invitation-revoked' | 'invitation-resent' | 'session-revoked' | 'other-sessions-revoked'
  | 'not-signed-in' | 'no-organization' | 'forbidden' | 'unavailable' | 'refused' | 'invalid-input' | 'not-found'
  | 'last-admin' | 'confirm-leave' | 'own-role' | 'already-member' | 'already-invited' | 'unknown-role'
  | 'selection-expired' | 'not-offered';

/** A notice shown after an action: its code and, for some, the email or name it is about. */
export interface Notice {
  scope: NoticeScope;
  code: NoticeCode;
  subject?: string;
}

const SUCCESS_CODES: readonly NoticeCode[] = [
  'organization-created', 'role-changed', 'member-removed', 'left-organization', 'invitation-sent',
  'invitation-revoked', 'invitation-resent', 'session-revoked', 'other-sessions-revoked',
];

/** True for the codes that say an action worked (the rest say why it did not). */
export const isSuccessNotice = (code: NoticeCode) => SUCCESS_CODES.includes(code);
