/**
 * `<OrganizationPicker>`'s markup: the organizations WorkOS offered for this sign-in, one form each
 * posting to `selectOrganizationAction`; or, with nothing pending, a link to sign in again.
 */
import { selectOrganizationAction } from '../../actions/index.js';
import type { OrganizationMessages } from '../../shared/organization-messages.js';
import type { Notice, PendingOrganizationSelection } from '../../shared/organization-types.js';
import { LandingFields, NoticeMessage, PartSection, type Landing, type PartState } from './organization-parts.js';

export interface OrganizationPickerViewProps {
  state: PartState;
  selection?: PendingOrganizationSelection;
  /** Where "sign in again" goes (state `expired`). */
  signInUrl?: string;
  notice?: Notice;
  messages: OrganizationMessages;
  landing: Landing;
  className?: string;
}

/** The picker in any state (`loading`, `expired`, `ready`). */
export function OrganizationPickerView({ state, selection, signInUrl, notice, messages, landing, className }: OrganizationPickerViewProps) {
  const { picker: text } = messages;
  return (
    <PartSection part="organization-picker" id={landing.id} state={state} title={text.title} className={className}>
      <NoticeMessage notice={notice} messages={messages} />
      {state === 'expired' && (
        <>
          {notice?.code !== 'selection-expired' && <p role="alert" data-state="expired">{text.expired}</p>}
          {signInUrl && <p><a href={signInUrl}>{text.signInAgain}</a></p>}
        </>
      )}
      {state === 'ready' && selection && (
        <>
          <p>{text.signedInAs(selection.email)}</p>
          <ul aria-label={text.listLabel}>
            {selection.organizations.map((org) => (
              <li key={org.id}>
                <form action={selectOrganizationAction}>
                  <input type="hidden" name="organizationId" value={org.id} />
                  <LandingFields landing={landing} />
                  <button type="submit">{org.name}</button>
                </form>
              </li>
            ))}
          </ul>
        </>
      )}
    </PartSection>
  );
}
