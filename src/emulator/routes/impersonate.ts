/**
 * Impersonation. Submitting the admin page records a pending impersonation in a cookie on the
 * emulator's origin and sends the browser to the app's initiate-login URL; the app starts a normal
 * PKCE sign-in, and the authorize request that arrives with the cookie consumes it and issues a code
 * for the target user, with `impersonator` and `authentication_method: "Impersonation"`.
 */
import { browserCookie, clearBrowserCookie, setBrowserCookie } from '../browser-cookie.js';
import { formBody, html, redirect, type EmuRequest, type Reply } from '../http.js';
import { impersonatePage } from '../pages/impersonate.js';
import type { Authentication } from '../records.js';
import { isAllowedRedirect } from '../redirects.js';
import type { Runtime } from '../runtime.js';
import { randomSecret } from '../tokens.js';

export const IMPERSONATION_COOKIE = 'wos_emulator_impersonation';
const PENDING_TTL_MS = 10 * 60 * 1000;

function renderPage(runtime: Runtime, values: Record<string, string>, error?: string): Reply {
  const { store } = runtime;
  return html(
    error ? 400 : 200,
    impersonatePage({
      users: [...store.users.values()].map(({ id, email }) => ({ id, email })),
      organizations: [...store.organizations.values()].map(({ id, name }) => ({ id, name })),
      values,
      initiateLoginUrl: runtime.app.initiateLoginUrl,
      csrfToken: runtime.csrf.issue('impersonate'),
      ...(error ? { error } : {}),
    }),
  );
}

export function getImpersonate(_request: EmuRequest, runtime: Runtime): Reply {
  return renderPage(runtime, {});
}

export function postImpersonate(request: EmuRequest, runtime: Runtime): Reply {
  const values = Object.fromEntries(formBody(request));
  const email = (values.impersonator_email ?? '').trim();
  const userId = values.user_id ?? '';
  const organizationId = values.organization_id || undefined;
  const target = values.initiate_login_url || runtime.app.initiateLoginUrl;
  let problem: string | undefined;
  if (!/^[^\s@]+@[^\s@]+$/.test(email)) problem = "Enter the impersonator's email address.";
  else if (!runtime.store.users.has(userId)) problem = `Unknown user '${userId}'.`;
  else if (organizationId && !runtime.store.activeMembership(userId, organizationId)) {
    problem = 'The user is not an active member of that organization.';
  } else if (!isAllowedRedirect(target, runtime.seed.redirectPatterns)) {
    problem = `The initiate-login URL '${target}' is not on the redirect allow-list.`;
  }
  if (problem) return renderPage(runtime, values, problem);
  const id = randomSecret();
  runtime.store.impersonations.set(id, {
    impersonator: { email, reason: values.reason?.trim() || null },
    userId,
    ...(organizationId ? { organizationId } : {}),
    expiresAt: Date.now() + PENDING_TTL_MS,
  });
  return redirect(target, setBrowserCookie(IMPERSONATION_COOKIE, id, PENDING_TTL_MS / 1000));
}

/** The pending impersonation this authorize request carries, consumed (single use). */
export function consumeImpersonation(
  runtime: Runtime,
  request: EmuRequest,
): { auth: Authentication; headers: Record<string, string> } | undefined {
  const id = browserCookie(request, IMPERSONATION_COOKIE);
  if (!id) return undefined;
  const pending = runtime.store.impersonations.get(id);
  runtime.store.impersonations.delete(id);
  const headers = clearBrowserCookie(IMPERSONATION_COOKIE);
  if (!pending || pending.expiresAt < Date.now() || !runtime.store.users.has(pending.userId)) return undefined;
  const memberships = runtime.store.membershipsOf(pending.userId);
  const organizationId = pending.organizationId ?? (memberships.length === 1 ? memberships[0]!.organization_id : undefined);
  return {
    auth: {
      userId: pending.userId,
      clientId: runtime.clientId,
      ...(organizationId ? { organizationId } : {}),
      method: 'Impersonation',
      impersonator: pending.impersonator,
      authTime: Date.now(),
    },
    headers,
  };
}
