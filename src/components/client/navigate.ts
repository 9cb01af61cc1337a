'use client';
/** Full-page navigations (sign-in starts on a route handler, so the client router cannot do it). */
import { authRouteQuery } from '../../shared/auth-route-urls.js';

/** Leaves for sign-in on the auth route, coming back to `returnTo` (default: this page). */
export function goToSignIn(authRoute: string, returnTo = location.pathname + location.search) {
  location.assign(`${authRoute}?${authRouteQuery({ screen_hint: 'sign-in', return_to: returnTo })}`);
}

/** Reloads the page (what an ended session does by default). */
export function reload() {
  location.reload();
}
