import 'server-only';
/**
 * WorkOS events turned into what the session store remembers, so every instance acts on them at
 * its next request (with a shared store, within a second everywhere):
 * - `session.revoked`: that session ends (its cookies read as signed out);
 * - `user.deleted`: every session of that user ends, and their memberships are forgotten;
 * - `organization_membership.created` / `.updated` / `.deleted`: the user's memberships are
 *   forgotten (the switcher lists them afresh); a new role, a removal or a deactivation is noted
 *   as a membership change, so a token issued before it that still shows another role reads as due
 *   for refresh: the member's next request, on any instance, refreshes and carries the change.
 */
import type { SessionRoot } from '../root/session-root.js';

/** A verified event, as the SDK's `constructEvent` gives it. */
export interface WorkOSEvent {
  event: string;
  data: Record<string, unknown>;
}

const text = (value: unknown): string | undefined => (typeof value === 'string' && value ? value : undefined);

/** Records `event`'s effect in the root's store; true when the event is one the kit acts on. */
export function applyWorkOSEvent(root: SessionRoot, { event, data }: WorkOSEvent): boolean {
  const { endedSessions, memberships } = root.store;
  const id = text(data.id);
  if (event === 'session.revoked' && id) {
    endedSessions.add(id);
    return true;
  }
  if (event === 'user.deleted' && id) {
    endedSessions.add(id); // readSession refuses a session whose user id is here too
    memberships.forget(id);
    return true;
  }
  const userId = text(data.userId) ?? text(data.user_id);
  if (event.startsWith('organization_membership.') && userId) {
    memberships.forget(userId);
    const organizationId = text(data.organizationId) ?? text(data.organization_id);
    if (organizationId && event !== 'organization_membership.created') memberships.noteChange(userId, organizationId, roleNow(event, data));
    return true;
  }
  return false;
}

/** The member's role after the event: null once removed or no longer active. */
function roleNow(event: string, data: Record<string, unknown>): string | null {
  if (event === 'organization_membership.deleted' || data.status !== 'active') return null;
  return text((data.role as { slug?: unknown } | undefined)?.slug) ?? null;
}
