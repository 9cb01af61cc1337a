/**
 * `authkit-rsc/components`, client face (the default condition): the same names as the server face,
 * implemented as client components that read `useAuth()`.
 */
export { AuthKitProvider } from './client/auth-kit-provider.js';
export type { AuthKitProviderProps } from './client/auth-kit-provider.js';
export { useAuth } from './client/use-auth.js';
export type { AuthState, SignedInAuthState } from './client/context.js';
export { useAccessToken, useTokenClaims } from './client/use-access-token.js';
export type { UseAccessTokenResult } from './client/use-access-token.js';
export type { AccessTokenState } from './client/token-store.js';
export { SignedIn, SignedOut, RequireAuth } from './client/gates.js';
export { SignInButton, SignUpButton, SignOutButton } from './client/buttons.js';
export { OrgSwitcher } from './client/org-switcher.js';
export { Impersonation } from './client/impersonation.js';
export type {
  AuthLinkProps, ImpersonationProps, OrganizationChoice, OrgSwitcherProps, OrgSwitcherState, RequireAuthProps,
  SignedInProps, SignedOutProps, SignOutButtonProps,
} from './shared/types.js';
export type { OrgSwitcherItemProps } from './shared/org-switcher-view.js';
