/**
 * `authkit-rsc/components`, client face (the default condition): the same names as the server face,
 * implemented as client components that read `useAuth()`.
 */
export { AuthKitProvider } from './client/auth-kit-provider.js';
export { useAuth } from './client/use-auth.js';
export { useAccessToken, useTokenClaims } from './client/use-access-token.js';
export { useRecentAuth } from './client/use-recent-auth.js';
export { SignedIn, SignedOut, RequireAuth } from './client/gates.js';
export { SignInButton, SignUpButton, SignOutButton } from './client/buttons.js';
export { OrgSwitcher } from './client/org-switcher.js';
export { Impersonation } from './client/impersonation.js';
export { CreateOrganization, OrganizationInvitations, OrganizationMembers, OrganizationPicker, UserSessions } from './client/server-parts.js';
export type { AuthKitProviderProps } from './client/auth-kit-provider.js';
export type * from './public-types.js';
