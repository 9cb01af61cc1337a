'use client';
/** Full-page navigations (sign-in starts on a route handler, so the client router cannot do it). */

/** The auth route URL with these start parameters (`screen_hint`, `return_to`, …); empty ones are left out. */
export function authUrl(authRoute: string, params: Record<string, string | undefined>) {
  return `${authRoute}?${new URLSearchParams(Object.entries(params).filter((entry): entry is [string, string] => !!entry[1]))}`;
}

/** Leaves for sign-in on the auth route, coming back to `returnTo` (default: this page). */
export function goToSignIn(authRoute: string, returnTo = location.pathname + location.search) {
  location.assign(authUrl(authRoute, { screen_hint: 'sign-in', return_to: returnTo }));
}

/** Reloads the page (what an ended session does by default). */
export function reload() {
  location.reload();
}
