import 'server-only';
import type { NextRequest } from 'next/server';
import type { OrganizationMessagesInput } from '../../shared/organization-messages.js';
import type { OfferedOrganization } from '../../shared/organization-types.js';
import type { HandleAuthSuccessData } from '../../shared/types.js';

/** What `onOrganizationSelectionRequired` receives: WorkOS wants the app to choose the organization. */
export interface OrganizationSelectionData {
  /** The organizations WorkOS offered (the user's active memberships). */
  organizations: OfferedOrganization[];
  user: { id: string; email: string };
  /**
   * Completes the sign-in with `authenticateWithOrganizationSelection` (single use, 10 minutes).
   * The kit also keeps it in a sealed cookie for `<OrganizationPicker>`; never send it to the browser.
   */
  pendingAuthenticationToken: string;
  /** Where the sign-in was going (a same-origin path). */
  returnTo: string;
  /** The custom `state` passed to `getSignInUrl`/`getSignUpUrl`. */
  state?: string;
  request: NextRequest;
}

/** Options of `handleAuth()` (the reference's names and defaults). */
export interface HandleAuthOptions {
  /** Where to go after signing in when the flow carries no return path. @default '/' */
  returnPathname?: string;
  /** The app's public origin when the request's differs (Docker, some proxies). @default the redirect URI's origin when it names the request's host, else the request's origin */
  baseURL?: string;
  /** Runs after the session is saved (it may call `saveSession` to override it, or `redirect()`). */
  onSuccess?: (data: HandleAuthSuccessData) => void | Promise<void>;
  /** Builds the response for a failed sign-in. @default a JSON error with status 400/500 */
  onError?: (params: { error?: unknown; request: NextRequest }) => Response | Promise<Response>;
  /**
   * The app's page that renders `<OrganizationPicker>`, where the callback sends a sign-in that
   * WorkOS asks the app to finish by choosing an organization (a same-origin path; keep it public
   * in `middlewareAuth`: the person is not signed in yet).
   * @default the auth route's own minimal picker (`<auth route>?organization_selection=1`)
   */
  organizationSelectionPath?: string;
  /**
   * Called when WorkOS asks the app to choose the organization, before the callback redirects to
   * the picker. Return a Response to answer yourself (the pending choice's cookie is added to it,
   * so `<OrganizationPicker>` still works wherever you send the person), or nothing for the default.
   */
  onOrganizationSelectionRequired?: (data: OrganizationSelectionData) => Response | void | Promise<Response | void>;
  /** Strings of the auth route's own organization picker (the organization components' `messages`). @default English */
  messages?: OrganizationMessagesInput;
}
