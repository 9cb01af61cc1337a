/**
 * `authkit-rsc/components`, server face (the `react-server` condition): async server components that
 * read the session on the server, plus the hooks re-exported by name so imports never break.
 */
export { AuthKitProvider } from './server/auth-kit-provider.js';
export { SignedIn, SignedOut, RequireAuth } from './server/gates.js';
export { SignInButton, SignUpButton, SignOutButton } from './server/buttons.js';
export { OrgSwitcher } from './server/org-switcher.js';
export { Impersonation } from './server/impersonation.js';
export { OrganizationPicker } from './server/organization-picker.js';
export { CreateOrganization } from './server/create-organization.js';
export { OrganizationMembers } from './server/organization-members.js';
export { OrganizationInvitations } from './server/organization-invitations.js';
export { UserSessions } from './server/user-sessions.js';
// Client hooks, by name: a module shared by server and client components can import them from the
// same path (calling a hook still needs a client component).
export { useAuth } from './client/use-auth.js';
export { useAccessToken, useTokenClaims } from './client/use-access-token.js';
export { useRecentAuth } from './client/use-recent-auth.js';
export type { ServerAuthKitProviderProps, ServerAuthKitProviderProps as AuthKitProviderProps } from './server/auth-kit-provider.js';
export type * from './public-types.js';
