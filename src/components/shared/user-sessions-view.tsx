/**
 * `<UserSessions>`'s markup: the signed-in user's active sessions (device, address, last seen),
 * a sign-out form per session (this one signs the user out), and "sign out all other sessions".
 */
import { revokeOtherSessionsAction, revokeSessionAction } from '../../actions/index.js';
import type { OrganizationMessages } from '../../shared/organization-messages.js';
import type { Notice, UserSessionInfo } from '../../shared/organization-types.js';
import { LandingFields, NoticeMessage, PartSection, UnavailableMessage, type Landing, type PartState } from './organization-parts.js';

export interface UserSessionsViewProps {
  state: PartState;
  sessions?: UserSessionInfo[];
  notice?: Notice;
  messages: OrganizationMessages;
  landing: Landing;
  className?: string;
}

function SessionRow({ session, messages, landing }: { session: UserSessionInfo; messages: OrganizationMessages; landing: Landing }) {
  const { sessions: text } = messages;
  const device = text.deviceName(session.userAgent);
  return (
    <tr data-state={session.current ? 'current' : 'other'} aria-current={session.current || undefined}>
      <td>
        {device}
        {session.current && <> <strong data-authkit-current="">{text.current}</strong></>}
        {session.impersonated && <> <em>{text.impersonated}</em></>}
      </td>
      <td>{session.ipAddress ?? '—'}</td>
      <td><time dateTime={session.lastSeenAt}>{messages.formatDate(session.lastSeenAt)}</time></td>
      <td><time dateTime={session.createdAt}>{messages.formatDate(session.createdAt)}</time></td>
      <td>
        <form action={revokeSessionAction}>
          <input type="hidden" name="sessionId" value={session.id} />
          <LandingFields landing={landing} />
          {session.current
            ? <button type="submit">{text.signOutHere}</button>
            : <button type="submit" aria-label={text.revokeLabel(device)}>{text.revoke}</button>}
        </form>
      </td>
    </tr>
  );
}

/** The sessions section in any state (`loading`, `error`, `ready`). */
export function UserSessionsView({ state, sessions = [], notice, messages, landing, className }: UserSessionsViewProps) {
  const { sessions: text } = messages;
  const others = sessions.some((session) => !session.current);
  return (
    <PartSection part="user-sessions" id={landing.id} state={state} title={text.title} className={className}>
      <NoticeMessage notice={notice} messages={messages} />
      {state === 'error' && <UnavailableMessage messages={messages} />}
      {sessions.length > 0 && (
        <table aria-label={text.listLabel}>
          <thead>
            <tr>
              <th scope="col">{text.device}</th><th scope="col">{text.address}</th><th scope="col">{text.lastSeen}</th>
              <th scope="col">{text.started}</th><th scope="col">{text.actions}</th>
            </tr>
          </thead>
          <tbody>
            {sessions.map((session) => <SessionRow key={session.id} session={session} messages={messages} landing={landing} />)}
          </tbody>
        </table>
      )}
      {others && (
        <form action={revokeOtherSessionsAction}>
          <LandingFields landing={landing} />
          <button type="submit">{text.revokeOthers}</button>
        </form>
      )}
    </PartSection>
  );
}
