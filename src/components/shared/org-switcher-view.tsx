/**
 * The organisation switcher's markup, shared by both faces: a `<details>` disclosure (opens without
 * JavaScript) whose items are one `<form action={switchOrganizationAction}>` each, with the
 * organisation id in a hidden input. Styling hooks: `data-authkit-org-switcher` on the root,
 * `data-state="active|inactive"` and `data-current` on each item's button.
 */
import type { ButtonHTMLAttributes, ReactNode } from 'react';
import { switchOrganizationAction } from '../../actions/index.js';
import { Slot } from './slot.js';
import type { OrganizationChoice, OrgSwitcherProps } from './types.js';

// The action also answers programmatic calls with data; as a form action its result is unused.
const formAction = switchOrganizationAction as unknown as (form: FormData) => Promise<void>;

/** Props of `OrgSwitcher.Item`: one organisation's switch form. */
export interface OrgSwitcherItemProps extends ButtonHTMLAttributes<HTMLButtonElement> {
  organization: OrganizationChoice;
  returnTo?: string;
  asChild?: boolean;
}

/**
 * One organisation: a labelled form whose submit control switches to it.
 * @example <OrgSwitcher.Item organization={org}>{org.name}</OrgSwitcher.Item>
 */
export function OrgSwitcherItem({ organization: { id, name, current }, returnTo, asChild, children, ...rest }: OrgSwitcherItemProps) {
  return (
    <li>
      <form action={formAction} aria-label={`Switch to ${name}`}>
        <input type="hidden" name="organizationId" value={id} />
        {returnTo && <input type="hidden" name="returnTo" value={returnTo} />}
        <Slot
          as="button" asChild={asChild} {...rest} type="submit"
          aria-current={current || undefined} data-current={current ? '' : undefined} data-state={current ? 'active' : 'inactive'}
        >
          {children ?? name}
        </Slot>
      </form>
    </li>
  );
}

/**
 * The disclosure's trigger (a `<summary>`); defaults to the current organisation's name.
 * @example <OrgSwitcher.Trigger>Switch organization</OrgSwitcher.Trigger>
 */
export function OrgSwitcherTrigger({ children }: { children?: ReactNode }) {
  return <summary>{children}</summary>;
}

/**
 * What the page's static shell shows until the memberships stream in: the closed switcher with
 * `label` as its trigger, so the header keeps its height (give it a width in CSS to keep that too).
 */
export function OrgSwitcherPlaceholder({ label = 'Organizations', className }: OrgSwitcherProps) {
  return (
    <details data-authkit-org-switcher="" data-state="loading" aria-busy="true" className={className}>
      <OrgSwitcherTrigger>{label}</OrgSwitcherTrigger>
    </details>
  );
}

/** Everything but the data: decides visibility, marks the current item, renders parts or the render prop. */
export function OrgSwitcherView({ organizations, currentId, showWhenSingle, returnTo, label = 'Organizations', className, children }: OrgSwitcherProps & { currentId?: string }) {
  const orgs = (organizations ?? []).map((org) => ({ ...org, current: currentId ? org.id === currentId : org.current }));
  if (orgs.length < (showWhenSingle ? 1 : 2)) return null;
  const current = orgs.find((org) => org.current);
  return (
    <details data-authkit-org-switcher="" className={className}>
      {children?.({ organizations: orgs, current }) ?? (
        <>
          <OrgSwitcherTrigger>{current?.name ?? label}</OrgSwitcherTrigger>
          <ul aria-label={label}>
            {orgs.map((org) => <OrgSwitcherItem key={org.id} organization={org} returnTo={returnTo} />)}
          </ul>
        </>
      )}
    </details>
  );
}
