/**
 * `<OrganizationInvitations>`'s markup: the pending invitations with a resend and a revoke form
 * each (managers only: the server component renders nothing for anyone else).
 */
import { resendInvitationAction, revokeInvitationAction } from '../../actions/index.js';
import type { OrganizationMessages } from '../../shared/organization-messages.js';
import type { Notice, OrganizationInvitation } from '../../shared/organization-types.js';
import { LandingFields, NoticeMessage, PartSection, UnavailableMessage, type Landing, type PartState } from './organization-parts.js';

export interface OrganizationInvitationsViewProps {
  state: PartState;
  invitations?: OrganizationInvitation[];
  notice?: Notice;
  messages: OrganizationMessages;
  landing: Landing;
  className?: string;
}

function InvitationRow({ invitation, messages, landing }: { invitation: OrganizationInvitation; messages: OrganizationMessages; landing: Landing }) {
  const { invitations: text } = messages;
  const fields = <><input type="hidden" name="invitationId" value={invitation.id} /><LandingFields landing={landing} /></>;
  return (
    <tr data-state="pending">
      <td>{invitation.email}</td>
      <td>{invitation.role ? messages.roleName(invitation.role) : '—'}</td>
      <td><time dateTime={invitation.expiresAt}>{messages.formatDate(invitation.expiresAt)}</time></td>
      <td>
        <form action={resendInvitationAction}>{fields}<button type="submit" aria-label={text.resendLabel(invitation.email)}>{text.resend}</button></form>{' '}
        <form action={revokeInvitationAction}>{fields}<button type="submit" aria-label={text.revokeLabel(invitation.email)}>{text.revoke}</button></form>
      </td>
    </tr>
  );
}

/** The invitations section in any state (`loading`, `error`, `empty`, `ready`). */
export function OrganizationInvitationsView({ state, invitations = [], notice, messages, landing, className }: OrganizationInvitationsViewProps) {
  const { invitations: text } = messages;
  return (
    <PartSection part="organization-invitations" id={landing.id} state={state} title={text.title} className={className}>
      <NoticeMessage notice={notice} messages={messages} />
      {state === 'error' && <UnavailableMessage messages={messages} />}
      {state === 'empty' && <p>{text.empty}</p>}
      {invitations.length > 0 && (
        <table aria-label={text.listLabel}>
          <thead>
            <tr><th scope="col">{text.email}</th><th scope="col">{text.role}</th><th scope="col">{text.expires}</th><th scope="col">{text.actions}</th></tr>
          </thead>
          <tbody>
            {invitations.map((invitation) => <InvitationRow key={invitation.id} invitation={invitation} messages={messages} landing={landing} />)}
          </tbody>
        </table>
      )}
    </PartSection>
  );
}
