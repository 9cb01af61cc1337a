/**
 * The public types both faces of `authkit-rsc/components` share. Each face adds its own
 * `AuthKitProviderProps` (the server shell takes less: nothing that cannot cross to the browser),
 * and the package's `types` condition is per face: under `react-server` TypeScript reads the
 * server face's declarations.
 */
export type { AuthState, SignedInAuthState } from './client/use-auth.js';
export type { AccessTokenState, AccessTokenState as UseAccessTokenResult } from './client/use-access-token.js';
export type { RecentAuthState } from './client/use-recent-auth.js';
export type { OrgSwitcherItemProps } from './shared/org-switcher-view.js';
export type {
  AuthLinkProps, ImpersonationProps, OrganizationChoice, OrganizationMembersProps, OrganizationPartProps, OrgSwitcherProps, OrgSwitcherState,
  RequireAuthProps, SignedInProps, SignedOutProps, SignOutButtonProps,
} from './shared/types.js';
export type { OrganizationMessages, OrganizationMessagesInput } from '../shared/organization-messages.js';
export type {
  Notice, NoticeCode, OfferedOrganization, OrganizationInvitation, OrganizationMember, PendingOrganizationSelection, UserSessionInfo,
} from '../shared/organization-types.js';
