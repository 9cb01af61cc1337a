import 'server-only';
/**
 * The auth route's part in choosing an organization. When the code exchange answers
 * `organization_selection_required`, the callback keeps the pending choice in a sealed cookie
 * (organizations/pending-selection.ts) and sends the person to the app's picker
 * (`organizationSelectionPath`, where `<OrganizationPicker>` completes it), to the app's own
 * answer (`onOrganizationSelectionRequired`), or to the route's own minimal picker
 * (`?organization_selection`), which completes the sign-in here, `onSuccess` included.
 */
import { NextResponse, type NextRequest } from 'next/server';
import { AUTH_ROUTE_PARAMS } from '../../shared/constants.js';
import { CallbackError } from '../../shared/errors.js';
import type { OfferedOrganization } from '../../shared/organization-types.js';
import { safeReturnPath } from '../../shared/return-to.js';
import { redirectTarget, rethrowNextControlFlow } from '../next-control-flow.js';
import { SetCookieHeaders } from '../session/cookie-options.js';
import type { AuthRouteRequest } from './auth-route-request.js';
import { authenticateSelection, describeSelection } from './complete-selection.js';
import { finishSignIn } from './complete-sign-in.js';
import { clearFlowCookie } from './flow-cookie.js';
import type { HandleAuthOptions } from './options.js';
import { expiredPickerPage, pickerPage } from './organization-selection-page.js';
import { clearPendingSelection, newNonce, readPendingSelection, writePendingSelection, type StoredSelection } from './pending-selection.js';
import { noStore, withSetCookies } from './route-responses.js';

/** What WorkOS's `organization_selection_required` answer carries that the picker needs. */
export interface PendingSelectionAnswer {
  token: string;
  organizations: OfferedOrganization[];
  user: { id: string; email: string };
}

type RawAnswer = { code?: unknown; pendingAuthenticationToken?: unknown; rawData?: { organizations?: unknown; user?: { id?: unknown; email?: unknown } } };

/** The pending answer in an SDK error, when WorkOS asked the app to choose the organization. */
export function organizationSelectionOf(error: unknown): PendingSelectionAnswer | undefined {
  const answer = error as RawAnswer | null;
  if (answer?.code !== 'organization_selection_required' || typeof answer.pendingAuthenticationToken !== 'string') return undefined;
  const listed = Array.isArray(answer.rawData?.organizations) ? (answer.rawData.organizations as Partial<OfferedOrganization>[]) : [];
  const organizations = listed
    .filter((org) => typeof org?.id === 'string' && typeof org.name === 'string')
    .map((org) => ({ id: org.id!, name: org.name! }));
  const { id, email } = answer.rawData?.user ?? {};
  if (organizations.length === 0 || typeof id !== 'string' || typeof email !== 'string') return undefined;
  return { token: answer.pendingAuthenticationToken, organizations, user: { id, email } };
}

/** The app's own answer from `onOrganizationSelectionRequired`, if it gave one. */
async function appAnswer(request: NextRequest, origin: string, options: HandleAuthOptions, data: PendingSelectionAnswer & { returnTo: string; customState?: string }) {
  const hook = options.onOrganizationSelectionRequired;
  if (!hook) return undefined;
  try {
    const { token: pendingAuthenticationToken, organizations, user, returnTo, customState: state } = data;
    return (await hook({ pendingAuthenticationToken, organizations, user, returnTo, state, request })) ?? undefined;
  } catch (error) {
    const target = redirectTarget(error);
    if (target) return NextResponse.redirect(new URL(target.url, origin), target.status);
    rethrowNextControlFlow(error);
    throw new CallbackError('authentication_failed', 'onOrganizationSelectionRequired failed.', { path: request.nextUrl.pathname }, error);
  }
}

/** The callback's answer to `organization_selection_required`: the pending cookie, and off to a picker. */
export async function beginOrganizationSelection(
  { root, request, origin }: AuthRouteRequest,
  options: HandleAuthOptions,
  data: PendingSelectionAnswer & { returnTo: string; customState?: string; state: string },
): Promise<Response> {
  const selection: StoredSelection = {
    token: data.token, nonce: newNonce(), userId: data.user.id, email: data.user.email, organizations: data.organizations, returnTo: data.returnTo,
    ...(data.customState ? { customState: data.customState } : {}),
  };
  const answer = await appAnswer(request, origin, options, data);
  const picker = options.organizationSelectionPath ?? `${request.nextUrl.pathname}?${AUTH_ROUTE_PARAMS.organizationSelection}=1`;
  const cookies = new SetCookieHeaders();
  await writePendingSelection(root, cookies, selection, [request.url, origin]);
  clearFlowCookie(root, cookies, data.state, [request.url, origin]);
  return noStore(withSetCookies(answer ?? NextResponse.redirect(new URL(picker, origin), 307), cookies.headers));
}

/** The route's own picker (`?organization_selection`): shows the choice, or completes it (`&organization_id=`). */
export async function organizationSelectionRoute(route: AuthRouteRequest, options: HandleAuthOptions): Promise<Response> {
  const { root, request, origin } = route;
  const params = request.nextUrl.searchParams;
  const selection = await readPendingSelection(root, request.cookies);
  const routePath = request.nextUrl.pathname;
  const page = { routePath, messages: options.messages };
  if (!selection) return expiredPickerPage(page);
  const organizationId = params.get('organization_id');
  // The nonce ties the link to this browser's pending choice: a link from elsewhere only shows the picker.
  if (organizationId === null || params.get(AUTH_ROUTE_PARAMS.organizationSelection) !== selection.nonce) {
    return pickerPage({ ...page, selection: await describeSelection(root, selection).catch(() => selection), nonce: selection.nonce });
  }
  const clearPending = (response: Response) => withSetCookies(response, clearedPending(route));
  const result = await authenticateSelection(root, selection, organizationId, `${origin}${routePath}`);
  if (result.ok) {
    const exit = { returnPath: safeReturnPath(selection.returnTo), customState: selection.customState, clearPending: (r: NextResponse) => clearPendingSelection(root, r.cookies, [request.url, origin]) };
    return finishSignIn(route, options, result.auth, exit);
  }
  if ('redirect' in result) return noStore(clearPending(NextResponse.redirect(result.redirect, 302)));
  if (result.code === 'selection-expired') return clearPending(expiredPickerPage(page));
  return pickerPage({ ...page, selection: await describeSelection(root, selection).catch(() => selection), nonce: selection.nonce, notice: result.code, status: result.code === 'unavailable' ? 503 : 400 });
}

function clearedPending({ root, request, origin }: AuthRouteRequest): Headers {
  const cookies = new SetCookieHeaders();
  clearPendingSelection(root, cookies, [request.url, origin]);
  return cookies.headers;
}
