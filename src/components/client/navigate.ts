'use client';
/** Full-page navigations (sign-in starts on a route handler, so the client router cannot do it). */

/** The auth route URL that starts sign-in (or sign-up), with the reference's start parameters. */
export function authUrl(authRoute: string, screenHint: 'sign-in' | 'sign-up', { returnTo, organizationId, loginHint }: { returnTo?: string; organizationId?: string; loginHint?: string }) {
  const params = { screen_hint: screenHint, return_to: returnTo, organization_id: organizationId, login_hint: loginHint };
  const query = new URLSearchParams(Object.entries(params).filter((entry): entry is [string, string] => !!entry[1]));
  return `${authRoute}?${query}`;
}

/** Leaves for sign-in on the auth route, coming back to `returnTo` (default: this page). */
export function goToSignIn(authRoute: string, returnTo = location.pathname + location.search) {
  location.assign(authUrl(authRoute, 'sign-in', { returnTo }));
}

/** Reloads the page (what an ended session does by default). */
export function reload() {
  location.reload();
}
