/**
 * `GET /_emulator/invitations` and `GET /_emulator/sessions`: what a test needs to read without the
 * API key, e.g. the token of the invitation it just sent from the app, or the sessions a user has
 * (ended ones too, with their status), newest first.
 */
import { invitationJson } from './invitations.js';
import type { Runtime } from './runtime.js';
import { sessionJson } from './session-json.js';
import type { ListFilter } from './types.js';

/** Newest first; of two made in the same millisecond, the later one first. */
const newestFirst = (items: Record<string, unknown>[]) =>
  items.reverse().sort((a, b) => String(b.created_at).localeCompare(String(a.created_at)));

function userIdsFor(runtime: Runtime, filter: ListFilter): Set<string> | undefined {
  if (filter.user_id) return new Set([filter.user_id]);
  if (!filter.email) return undefined;
  const user = runtime.store.userByEmail(filter.email);
  return new Set(user ? [user.id] : []);
}

export function listControlInvitations(runtime: Runtime, filter: ListFilter = {}): Record<string, unknown>[] {
  const email = filter.email?.trim().toLowerCase();
  const invitations = [...runtime.store.invitations.values()].filter((invitation) => !email || invitation.email.toLowerCase() === email);
  return newestFirst(invitations.map((invitation) => invitationJson(runtime, invitation)));
}

export function listControlSessions(runtime: Runtime, filter: ListFilter = {}): Record<string, unknown>[] {
  const users = userIdsFor(runtime, filter);
  const sessions = [...runtime.store.sessions.values()].filter((session) => !users || users.has(session.userId));
  return newestFirst(sessions.map(sessionJson));
}

/** The query of a control list route as a filter. */
export function listFilterOf(url: URL): ListFilter {
  const filter: ListFilter = {};
  const email = url.searchParams.get('email');
  const userId = url.searchParams.get('user_id');
  if (email) filter.email = email;
  if (userId) filter.user_id = userId;
  return filter;
}
