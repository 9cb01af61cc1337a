import 'server-only';
/**
 * Who is calling an organization action, decided on the server from the session alone: nothing a
 * form sends names the caller, their organization or their rights. Managing members needs the
 * configured permission (`WORKOS_MANAGE_MEMBERS_PERMISSION`) in claims WorkOS issued just now: the
 * session is refreshed first, so a role taken away a minute ago no longer counts.
 */
import type { NoticeCode } from '../../shared/organization-types.js';
import { TokenRefreshError } from '../../shared/errors.js';
import type { UserInfo } from '../../shared/types.js';
import { refreshSession } from '../auth/refresh-session.js';
import type { AuthKitConfig } from '../config.js';
import { rethrowNextControlFlow } from '../next-control-flow.js';
import { getSession } from '../request/get-session.js';

export type Refused = { ok: false; code: NoticeCode };
export type Allowed<T> = { ok: true } & T;

/** The caller's session: as read (refreshed only when its token has expired), or refreshed now with `fresh`. */
export async function callerSession(fresh: boolean): Promise<Allowed<{ info: UserInfo }> | Refused> {
  const state = await getSession();
  if (state.status === 'signed-out') return { ok: false, code: 'not-signed-in' };
  if (state.status === 'signed-in' && !fresh) return { ok: true, info: state.info };
  try {
    const info = await refreshSession();
    return info.user ? { ok: true, info } : { ok: false, code: 'not-signed-in' };
  } catch (error) {
    rethrowNextControlFlow(error);
    // WorkOS is down: nothing can be authorised now, but the session is still good.
    if (error instanceof TokenRefreshError && error.isTransient) return { ok: false, code: 'unavailable' };
    return { ok: false, code: 'not-signed-in' };
  }
}

/** True when the session's claims grant managing its organization's members. */
export function canManageMembers(config: AuthKitConfig, info: Pick<UserInfo, 'permissions' | 'organizationId'>): boolean {
  return info.organizationId !== undefined && (info.permissions ?? []).includes(config.manageMembersPermission);
}

type Member = Allowed<{ info: UserInfo; organizationId: string; canManage: boolean }>;

/** The caller as a member of their session's organization (claims refreshed now), and whether they may manage it. */
export async function organizationMember(config: AuthKitConfig): Promise<Member | Refused> {
  const caller = await callerSession(true);
  if (!caller.ok) return caller;
  const { organizationId } = caller.info;
  if (!organizationId) return { ok: false, code: 'no-organization' };
  return { ok: true, info: caller.info, organizationId, canManage: canManageMembers(config, caller.info) };
}

/** The caller, when they may manage the members of their session's organization (claims refreshed now). */
export async function memberManager(config: AuthKitConfig): Promise<Member | Refused> {
  const member = await organizationMember(config);
  return !member.ok || member.canManage ? member : { ok: false, code: 'forbidden' };
}
