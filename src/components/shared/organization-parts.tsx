/**
 * Markup shared by the organization components: the section every one renders (its `id` is where
 * its forms land, `data-state` says what it shows), the notice an action left, and the hidden
 * fields that bring a form back here. Plain elements with labels: they work without JavaScript and
 * take the app's styles.
 */
import type { ReactNode } from 'react';
import { noticeText, type OrganizationMessages } from '../../shared/organization-messages.js';
import { isSuccessNotice, type Notice } from '../../shared/organization-types.js';

/** Where a component's forms land: the page (`returnTo`, when known) and the section's id. */
export interface Landing {
  returnTo?: string;
  /** The section's id; sent with each form when it is not the default. */
  id: string;
  custom: boolean;
}

/** The hidden fields that bring a form back to this section. */
export function LandingFields({ landing }: { landing: Landing }) {
  return (
    <>
      {landing.returnTo && <input type="hidden" name="returnTo" value={landing.returnTo} />}
      {landing.custom && <input type="hidden" name="anchor" value={landing.id} />}
    </>
  );
}

/** An action's outcome: a status when it worked, an alert when it did not. */
export function NoticeMessage({ notice, messages }: { notice: Notice | undefined; messages: OrganizationMessages }) {
  if (!notice) return null;
  const success = isSuccessNotice(notice.code);
  // A code the messages do not know (never ours) still says something useful.
  const text = messages.notices[notice.code] === undefined ? noticeText(messages, 'refused') : noticeText(messages, notice.code, notice.subject);
  return (
    <p role={success ? 'status' : 'alert'} data-authkit-notice="" data-state={success ? 'success' : 'error'}>
      {text}
    </p>
  );
}

/** What a part shows when WorkOS could not give it its data. */
export function UnavailableMessage({ messages }: { messages: OrganizationMessages }) {
  return <p role="alert" data-state="error">{noticeText(messages, 'unavailable')}</p>;
}

export type PartState = 'ready' | 'empty' | 'error' | 'loading' | 'expired';

/**
 * The section a component renders: labelled by its heading, focusable as the landing target
 * (`tabIndex={-1}`), with `data-authkit-<part>` and `data-state`.
 */
export function PartSection({ part, id, state, title, className, children }: {
  part: string; id: string; state: PartState; title: string; className?: string; children?: ReactNode;
}) {
  return (
    <section
      id={id} tabIndex={-1} aria-labelledby={`${id}-title`} className={className} {...{ [`data-authkit-${part}`]: '' }}
      data-state={state} aria-busy={state === 'loading' || undefined}
    >
      <h2 id={`${id}-title`}>{title}</h2>
      {children}
    </section>
  );
}

/** A role select of `roles`, with `current` chosen. */
export function RoleSelect({ roles, current, label, messages, name = 'role' }: {
  roles: string[]; current?: string; label?: string; messages: OrganizationMessages; name?: string;
}) {
  return (
    <select name={name} defaultValue={current} aria-label={label}>
      {roles.map((role) => <option key={role} value={role}>{messages.roleName(role)}</option>)}
    </select>
  );
}
