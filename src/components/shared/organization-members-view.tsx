/**
 * `<OrganizationMembers>`'s markup: the members table, with a role form and a remove form per
 * member for managers, a leave form (with its confirmation) on the viewer's own row, and the
 * invitation form. Every form posts to a server action; the action decides again who may do what.
 */
import { changeMemberRoleAction, inviteMemberAction, removeMemberAction } from '../../actions/index.js';
import type { OrganizationMessages } from '../../shared/organization-messages.js';
import type { Notice, OrganizationMember } from '../../shared/organization-types.js';
import { LandingFields, NoticeMessage, PartSection, RoleSelect, UnavailableMessage, type Landing, type PartState } from './organization-parts.js';

export interface OrganizationMembersViewProps {
  state: PartState | 'no-organization';
  members?: OrganizationMember[];
  canManage?: boolean;
  roles?: string[];
  invite?: boolean;
  notice?: Notice;
  messages: OrganizationMessages;
  landing: Landing;
  className?: string;
}

function MemberRow({ member, canManage, roles, messages, landing }: { member: OrganizationMember; canManage: boolean; roles: string[]; messages: OrganizationMessages; landing: Landing }) {
  const { members: text } = messages;
  const membership = <input type="hidden" name="membershipId" value={member.membershipId} />;
  return (
    <tr data-state={member.status} data-self={member.self ? '' : undefined}>
      <td>
        {member.name && <>{member.name}<br /></>}
        {member.email} {member.self && text.you}
      </td>
      <td>
        {canManage && !member.self ? (
          <form action={changeMemberRoleAction}>
            {membership}<LandingFields landing={landing} />
            <RoleSelect roles={roles} current={member.role} label={text.roleOf(member.email)} messages={messages} />{' '}
            <button type="submit">{text.changeRole}</button>
          </form>
        ) : messages.roleName(member.role)}
      </td>
      <td>{text.statusName(member.status)}</td>
      <td>
        {member.self ? (
          <form action={removeMemberAction}>
            {membership}<LandingFields landing={landing} />
            <label><input type="checkbox" name="confirm" value="leave" required /> {text.confirmLeave}</label>{' '}
            <button type="submit">{text.leave}</button>
          </form>
        ) : canManage && (
          <form action={removeMemberAction}>
            {membership}<LandingFields landing={landing} />
            <button type="submit" aria-label={text.removeLabel(member.email)}>{text.remove}</button>
          </form>
        )}
      </td>
    </tr>
  );
}

function InviteForm({ roles, messages, landing }: { roles: string[]; messages: OrganizationMessages; landing: Landing }) {
  const { members: text } = messages;
  const title = `${landing.id}-invite-title`;
  return (
    <form action={inviteMemberAction} aria-labelledby={title} data-authkit-invite="">
      <h3 id={title}>{text.inviteTitle}</h3>
      <LandingFields landing={landing} />
      <label>{text.inviteEmail} <input type="email" name="email" required autoComplete="off" /></label>{' '}
      <label>{text.inviteRole} <RoleSelect roles={roles} current="member" messages={messages} /></label>{' '}
      <button type="submit">{text.invite}</button>
    </form>
  );
}

/** The members section in any state (`loading`, `error`, `no-organization`, `empty`, `ready`). */
export function OrganizationMembersView(props: OrganizationMembersViewProps) {
  const { state, members = [], canManage = false, roles = [], messages, landing, className } = props;
  const { members: text } = messages;
  const sectionState = state === 'no-organization' ? 'empty' : state;
  return (
    <PartSection part="organization-members" id={landing.id} state={sectionState} title={text.title} className={className}>
      <NoticeMessage notice={props.notice} messages={messages} />
      {state === 'error' && <UnavailableMessage messages={messages} />}
      {state === 'no-organization' && <p>{text.noOrganization}</p>}
      {state === 'empty' && <p>{text.empty}</p>}
      {members.length > 0 && (
        <table aria-label={text.listLabel} data-state={canManage ? 'manage' : 'view'}>
          <thead>
            <tr><th scope="col">{text.member}</th><th scope="col">{text.role}</th><th scope="col">{text.status}</th><th scope="col">{text.actions}</th></tr>
          </thead>
          <tbody>
            {members.map((member) => <MemberRow key={member.membershipId} member={member} canManage={canManage} roles={roles} messages={messages} landing={landing} />)}
          </tbody>
        </table>
      )}
      {canManage && props.invite !== false && state !== 'error' && <InviteForm roles={roles} messages={messages} landing={landing} />}
    </PartSection>
  );
}
