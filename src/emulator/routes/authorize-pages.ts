/** Renders the hosted page an authorize request asks for: sign-up (`screen_hint=sign-up`) or sign-in. */
import { html, type Reply } from '../http.js';
import { signInPage, signUpPage, stepUpNotice, type UserChoice } from '../pages/sign-in.js';
import type { Runtime } from '../runtime.js';
import { type AuthorizeParams, authorizeHref } from './authorize-params.js';

export interface SignUpValues {
  email?: string;
  first_name?: string;
  last_name?: string;
}

export function renderHostedPage(
  runtime: Runtime,
  params: AuthorizeParams,
  problem?: { error: string; values?: SignUpValues },
): Reply {
  const status = problem ? 400 : 200;
  const error = problem ? { error: problem.error } : {};
  const csrfToken = runtime.csrf.issue('authorize');
  if (params.screen_hint === 'sign-up') {
    const values = problem?.values ?? { email: params.login_hint };
    const signInHref = authorizeHref(params, { screen_hint: undefined });
    return html(status, signUpPage({ params, csrfToken, values, signInHref, ...error }));
  }
  const org = params.organization_id ? runtime.store.organizations.get(params.organization_id) : undefined;
  const notice = org ? stepUpNotice(org) : undefined;
  return html(
    status,
    signInPage({
      params,
      csrfToken,
      users: userChoices(runtime, org?.id),
      ...(params.login_hint ? { hint: params.login_hint } : {}),
      ...(org ? { organizationName: org.name } : {}),
      ...(notice ? { notice } : {}),
      signUpHref: authorizeHref(params, { screen_hint: 'sign-up' }),
      ...error,
    }),
  );
}

/** The users the sign-in page lists: everyone, or the members of the requested organisation. */
function userChoices(runtime: Runtime, organizationId?: string): UserChoice[] {
  const { store } = runtime;
  return [...store.users.values()]
    .filter((user) => !organizationId || store.activeMembership(user.id, organizationId))
    .map((user) => {
      const name = [user.first_name, user.last_name].filter(Boolean).join(' ');
      const orgs = store
        .membershipsOf(user.id)
        .map((m) => `${store.organizations.get(m.organization_id)?.name ?? m.organization_id} (${m.role})`);
      return { email: user.email, description: [name, orgs.join(', ') || 'no organization'].filter(Boolean).join(' · ') };
    });
}
