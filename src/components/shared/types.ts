/**
 * Props shared by both faces of `authkit-rsc/components`: a server component and its client twin
 * take exactly the same props, so moving JSX across the boundary never changes its meaning.
 */
import type { AnchorHTMLAttributes, ButtonHTMLAttributes, HTMLAttributes, ReactNode } from 'react';
import type { OrganizationMessagesInput } from '../../shared/organization-messages.js';
import type { AuthConditions, OrganizationChoice } from '../../shared/types.js';

export type { OrganizationChoice };

/** Props of every part that reads the session: what the page shows until it is known. */
export interface LoadingProps {
  /**
   * Shown in the page's static shell (and while the session streams in); give it the size of what
   * replaces it so nothing shifts.
   */
  loading?: ReactNode;
}

/** Props of `<SignedOut>`. */
export interface SignedOutProps extends LoadingProps {
  children?: ReactNode;
  /** Rendered instead of `children` when the gate is closed. @default null */
  fallback?: ReactNode;
}

/** Props of `<SignedIn>`: renders `children` when signed in and every given condition holds. */
export type SignedInProps = SignedOutProps & AuthConditions;

/** Props of `<RequireAuth>`. */
export type RequireAuthProps = SignedInProps & {
  /** Same-origin path to come back to after signing in. @default the current path */
  returnTo?: string;
};

/** Props of `<SignInButton>` / `<SignUpButton>`: an `<a>` to the kit's auth route. */
export interface AuthLinkProps extends Omit<AnchorHTMLAttributes<HTMLAnchorElement>, 'href'>, LoadingProps {
  /** Same-origin path to come back to after signing in. @default handleAuth's `returnPathname` */
  returnTo?: string;
  /** Sign in to this organisation. */
  organizationId?: string;
  /** Pre-fill the email field. */
  loginHint?: string;
  /** Render the single child element instead of an `<a>` (Radix-style), passing it `href`. @default false */
  asChild?: boolean;
}

/** Props of `<SignOutButton>`: a `<form>` posting to `signOutAction`. */
export interface SignOutButtonProps extends ButtonHTMLAttributes<HTMLButtonElement> {
  /** Where WorkOS sends the browser after signing out. @default the dashboard's logout redirect */
  returnTo?: string;
  /** Render the single child element as the submit control instead of a `<button>`. @default false */
  asChild?: boolean;
}

/** What `<OrgSwitcher>`'s render prop receives. */
export interface OrgSwitcherState {
  organizations: OrganizationChoice[];
  current: OrganizationChoice | undefined;
}

/** Props of `<OrgSwitcher>` (`loading` defaults to the closed switcher showing `label`). */
export interface OrgSwitcherProps extends LoadingProps {
  /**
   * The memberships to list. When omitted, the server face lists them on the server and the client
   * face asks `getOrganizationsAction` once per mount (rendering nothing until the answer).
   */
  organizations?: OrganizationChoice[];
  /** Render even when the user has a single membership. @default false */
  showWhenSingle?: boolean;
  /** Same-origin path to land on after switching. @default the current path */
  returnTo?: string;
  /** Accessible name of the list. @default 'Organizations' */
  label?: string;
  className?: string;
  /** Custom rendering; compose `OrgSwitcher.Trigger` and `OrgSwitcher.Item`. */
  children?: (state: OrgSwitcherState) => ReactNode;
}

/** Props of `<Impersonation>`. */
export interface ImpersonationProps extends HTMLAttributes<HTMLDivElement> {
  /** Which edge of the viewport the banner sticks to. @default 'bottom' */
  side?: 'top' | 'bottom';
  /** Where to go after "Stop impersonating" signs the session out. */
  returnTo?: string;
}

/**
 * Props every organization component takes (`<OrganizationPicker>`, `<CreateOrganization>`,
 * `<OrganizationMembers>`, `<OrganizationInvitations>`, `<UserSessions>`).
 */
export interface OrganizationPartProps extends LoadingProps {
  /** Any of the strings it shows, by section (`{ members: { title: 'Mitglieder' } }`). @default English */
  messages?: OrganizationMessagesInput;
  /** The page its forms come back to (same-origin path). @default this page */
  returnTo?: string;
  /** The section's id, which its forms land on (`#id`) after each action. @default `authkit-<part>` (`authkit-members`…) */
  id?: string;
  className?: string;
}

/** Props of `<OrganizationMembers>`. */
export interface OrganizationMembersProps extends OrganizationPartProps {
  /** The role slugs managers can give. @default the admin role (`WORKOS_ADMIN_ROLE`), `member`, and every role a member has */
  roles?: string[];
  /** Show the invitation form to managers. @default true */
  invite?: boolean;
}
