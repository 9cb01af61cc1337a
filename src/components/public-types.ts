/**
 * The public types of `authkit-rsc/components`, the same for both faces (TypeScript resolves the
 * package's `types` to the client face; the server face re-exports these too so both agree).
 */
export type { AuthKitProviderProps } from './client/auth-kit-provider.js';
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
