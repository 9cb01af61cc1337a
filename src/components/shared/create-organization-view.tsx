/** `<CreateOrganization>`'s markup: one labelled name field posting to `createOrganizationAction`. */
import { createOrganizationAction } from '../../actions/index.js';
import type { OrganizationMessages } from '../../shared/organization-messages.js';
import type { Notice } from '../../shared/organization-types.js';
import { LandingFields, NoticeMessage, PartSection, type Landing } from './organization-parts.js';

export interface CreateOrganizationViewProps {
  state: 'ready' | 'loading';
  notice?: Notice;
  messages: OrganizationMessages;
  landing: Landing;
  className?: string;
}

/** The create form (`loading`: the same section without the form, while the session is read). */
export function CreateOrganizationView({ state, notice, messages, landing, className }: CreateOrganizationViewProps) {
  const { create: text } = messages;
  return (
    <PartSection part="create-organization" id={landing.id} state={state} title={text.title} className={className}>
      <NoticeMessage notice={notice} messages={messages} />
      {state === 'ready' && (
        <form action={createOrganizationAction}>
          <LandingFields landing={landing} />
          <label>{text.nameLabel} <input type="text" name="name" required maxLength={100} autoComplete="organization" /></label>{' '}
          <button type="submit">{text.submit}</button>
        </form>
      )}
    </PartSection>
  );
}
