/**
 * Every string the organization components (and the auth route's own organization picker) show,
 * in English. Pass `messages` to any of them to translate or reword: give only what you change,
 * section by section; the rest stays English.
 */
import type { NoticeCode } from './organization-types.js';

type Text = string;
type About = (subject: string | undefined) => string;

/** The strings of the organization components, by component. */
export interface OrganizationMessages {
  picker: { title: Text; signedInAs: (email: string) => string; listLabel: Text; expired: Text; signInAgain: Text };
  create: { title: Text; nameLabel: Text; submit: Text };
  members: {
    title: Text; listLabel: Text; member: Text; role: Text; status: Text; actions: Text; you: Text; roleOf: (email: string) => string;
    changeRole: Text; remove: Text; removeLabel: (email: string) => string; leave: Text; confirmLeave: Text; empty: Text; noOrganization: Text;
    inviteTitle: Text; inviteEmail: Text; inviteRole: Text; invite: Text; statusName: (status: string) => string;
  };
  invitations: {
    title: Text; listLabel: Text; email: Text; role: Text; expires: Text; actions: Text; revoke: Text; resend: Text;
    revokeLabel: (email: string) => string; resendLabel: (email: string) => string; empty: Text;
  };
  sessions: {
    title: Text; listLabel: Text; device: Text; address: Text; lastSeen: Text; started: Text; actions: Text; current: Text;
    impersonated: Text; revoke: Text; revokeLabel: (device: string) => string; signOutHere: Text; revokeOthers: Text;
    deviceName: (userAgent: string | undefined) => string;
  };
  /** What each action outcome says. */
  notices: Record<NoticeCode, Text | About>;
  /** A role's display name. @default the slug, capitalised */
  roleName: (slug: string) => string;
  /** A timestamp as shown. @default e.g. "Jan 5, 2026, 3:04 PM UTC" */
  formatDate: (iso: string) => string;
}

/** `messages` props: any section, any string in it; the rest keeps the defaults. */
export type OrganizationMessagesInput = {
  [Section in keyof OrganizationMessages]?: OrganizationMessages[Section] extends (...args: never[]) => unknown
    ? OrganizationMessages[Section]
    : Partial<OrganizationMessages[Section]>;
};

const BROWSERS: [RegExp, string][] = [[/Edg\//, 'Edge'], [/OPR\//, 'Opera'], [/Firefox\//, 'Firefox'], [/Chrom(e|ium)\//, 'Chrome'], [/Safari\//, 'Safari']];
const SYSTEMS: [RegExp, string][] = [[/iPhone|iPad/, 'iOS'], [/Android/, 'Android'], [/Mac OS X|Macintosh/, 'macOS'], [/Windows/, 'Windows'], [/CrOS/, 'ChromeOS'], [/Linux/, 'Linux']];

/** "Chrome on macOS" from a `User-Agent`; the raw value (shortened) when it names no known browser. */
export function describeUserAgent(userAgent: string | undefined): string | undefined {
  if (!userAgent) return undefined;
  const browser = BROWSERS.find(([pattern]) => pattern.test(userAgent))?.[1];
  const system = SYSTEMS.find(([pattern]) => pattern.test(userAgent))?.[1];
  if (browser) return system ? `${browser} on ${system}` : browser;
  return userAgent.length > 60 ? `${userAgent.slice(0, 57)}…` : userAgent;
}

const capitalised = (slug: string) => slug.charAt(0).toUpperCase() + slug.slice(1).replace(/[-_]/g, ' ');
const DATE = new Intl.DateTimeFormat('en-US', { dateStyle: 'medium', timeStyle: 'short', timeZone: 'UTC' });

/** The English strings. */
export const defaultOrganizationMessages: OrganizationMessages = {
  picker: {
    title: 'Choose an organization',
    signedInAs: (email) => `Signing in as ${email}. Which organization do you want to use?`,
    listLabel: 'Organizations',
    expired: 'This sign-in has expired or was already completed.',
    signInAgain: 'Sign in again',
  },
  create: { title: 'Create an organization', nameLabel: 'Organization name', submit: 'Create organization' },
  members: {
    title: 'Members', listLabel: 'Members', member: 'Member', role: 'Role', status: 'Status', actions: 'Actions', you: '(you)',
    roleOf: (email) => `Role of ${email}`, changeRole: 'Change role', remove: 'Remove', removeLabel: (email) => `Remove ${email}`,
    leave: 'Leave organization', confirmLeave: 'I understand I will lose access to this organization',
    empty: 'No members yet.', noOrganization: 'Your session is not in an organization.',
    inviteTitle: 'Invite a member', inviteEmail: 'Email address', inviteRole: 'Role', invite: 'Send invitation',
    statusName: capitalised,
  },
  invitations: {
    title: 'Pending invitations', listLabel: 'Pending invitations', email: 'Email', role: 'Role', expires: 'Expires', actions: 'Actions',
    revoke: 'Revoke', resend: 'Resend', revokeLabel: (email) => `Revoke the invitation to ${email}`,
    resendLabel: (email) => `Resend the invitation to ${email}`, empty: 'No pending invitations.',
  },
  sessions: {
    title: 'Active sessions', listLabel: 'Active sessions', device: 'Device', address: 'IP address', lastSeen: 'Last seen', started: 'Signed in',
    actions: 'Actions', current: 'This device', impersonated: 'Impersonated', revoke: 'Sign out', revokeLabel: (device) => `Sign out ${device}`,
    signOutHere: 'Sign out here', revokeOthers: 'Sign out all other sessions',
    deviceName: (userAgent) => describeUserAgent(userAgent) ?? 'Unknown device',
  },
  notices: {
    'organization-created': (name) => `Created ${name ?? 'the organization'}. You are its admin.`,
    'role-changed': (email) => `Changed the role of ${email ?? 'the member'}.`,
    'member-removed': (email) => `Removed ${email ?? 'the member'}.`,
    'left-organization': 'You left the organization.',
    'invitation-sent': (email) => `Invitation sent to ${email ?? 'the address'}.`,
    'invitation-revoked': (email) => `Revoked the invitation to ${email ?? 'the address'}.`,
    'invitation-resent': (email) => `Invitation sent again to ${email ?? 'the address'}.`,
    'session-revoked': 'Signed out that session.',
    'other-sessions-revoked': 'Signed out all other sessions.',
    'not-signed-in': 'Your session has ended. Please sign in again.',
    'no-organization': 'Your session is not in an organization.',
    forbidden: 'You do not have permission to manage members of this organization.',
    unavailable: 'The sign-in service is not answering just now. Nothing was changed; please try again in a moment.',
    refused: 'The sign-in service refused that change.',
    'invalid-input': 'Please check what you entered and try again.',
    'not-found': 'That no longer exists. The list has been refreshed.',
    'last-admin': 'An organization needs at least one admin: make someone else an admin first.',
    'confirm-leave': 'To leave the organization, tick the confirmation first.',
    'own-role': 'You cannot change your own role; ask another admin.',
    'already-member': (email) => `${email ?? 'That address'} is already a member.`,
    'already-invited': (email) => `${email ?? 'That address'} already has a pending invitation.`,
    'unknown-role': 'That role does not exist in this organization.',
    'selection-expired': 'This sign-in has expired or was already completed. Please sign in again.',
    'not-offered': 'That organization was not offered for this sign-in.',
  },
  roleName: capitalised,
  formatDate: (iso) => `${DATE.format(new Date(iso))} UTC`,
};

/** The defaults with `input` laid over them, section by section. */
export function organizationMessages(input: OrganizationMessagesInput = {}): OrganizationMessages {
  const merged = { ...defaultOrganizationMessages } as Record<string, unknown>;
  for (const [section, value] of Object.entries(input)) {
    const base = merged[section];
    merged[section] = typeof value === 'object' && value !== null && typeof base === 'object' ? { ...base, ...value } : (value ?? base);
  }
  return merged as unknown as OrganizationMessages;
}

/** The text of a notice code. */
export function noticeText(messages: OrganizationMessages, code: NoticeCode, subject?: string): string {
  const entry = messages.notices[code];
  return typeof entry === 'function' ? entry(subject) : entry;
}
