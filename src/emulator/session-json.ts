/**
 * The WorkOS `session` object (`listSessions`, `session.*` events) and the device a session
 * records: the browser that used the hosted page (its `User-Agent` and address), or what the app
 * passed to authenticate as `ip_address` / `user_agent`.
 */
import type { EmuRequest } from './http.js';
import type { Device, SessionRecord } from './records.js';

/** Emulator sessions do not expire; `expires_at` says when a WorkOS session of the same age would at the earliest. */
const REPORTED_LIFETIME_MS = 30 * 24 * 60 * 60 * 1000;

/** What sessions minted through the control surface record, so an app can tell them apart. */
export const MINTED_DEVICE: Device = { ipAddress: '127.0.0.1', userAgent: 'authkit-emulator (minted session)' };

/** The session `auth_method` enum (snake_case) for an authenticate `authentication_method`. */
const AUTH_METHODS: Record<string, string> = {
  Password: 'password',
  SSO: 'sso',
  Impersonation: 'impersonation',
  MagicAuth: 'magic_code',
  Passkey: 'passkey',
  CrossAppAuth: 'cross_app_auth',
  ExternalAuth: 'external_auth',
  MigratedSession: 'migrated_session',
};

function header(request: EmuRequest, name: string): string | null {
  const value = request.headers[name];
  return (Array.isArray(value) ? value[0] : value) ?? null;
}

/** The browser behind a hosted-page request. */
export function deviceOf(request: EmuRequest): Device {
  return { ipAddress: request.remoteAddress?.replace(/^::ffff:/, '') ?? null, userAgent: header(request, 'user-agent') };
}

/** The device the app names in an authenticate call (`ip_address`, `user_agent`), over what the hosted page saw. */
export function deviceFromGrant(params: Record<string, unknown>, fallback: Device | undefined): Device | undefined {
  const text = (name: string) => (typeof params[name] === 'string' && params[name] !== '' ? (params[name] as string) : undefined);
  const ipAddress = text('ip_address');
  const userAgent = text('user_agent');
  if (ipAddress === undefined && userAgent === undefined) return fallback;
  return { ipAddress: ipAddress ?? fallback?.ipAddress ?? null, userAgent: userAgent ?? fallback?.userAgent ?? null };
}

const iso = (ms: number) => new Date(ms).toISOString();

export function sessionJson(session: SessionRecord): Record<string, unknown> {
  return {
    object: 'session',
    id: session.id,
    user_id: session.userId,
    ...(session.organizationId ? { organization_id: session.organizationId } : {}),
    ...(session.impersonator ? { impersonator: session.impersonator } : {}),
    status: session.endedAt === undefined ? 'active' : 'revoked',
    auth_method: AUTH_METHODS[session.method] ?? (session.method.endsWith('OAuth') ? 'oauth' : 'unknown'),
    ip_address: session.device?.ipAddress ?? null,
    user_agent: session.device?.userAgent ?? null,
    expires_at: iso(session.createdAt + REPORTED_LIFETIME_MS),
    ended_at: session.endedAt === undefined ? null : iso(session.endedAt),
    created_at: iso(session.createdAt),
    updated_at: iso(session.endedAt ?? session.updatedAt),
  };
}
