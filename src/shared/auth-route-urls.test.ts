/**
 * The auth route's URLs, pure: the parameter names are AUTH_ROUTE_PARAMS' (the browser's links use
 * the same function), return paths are made same-origin, and the route's own query is dropped.
 */
import { describe, expect, it } from 'vitest';
import { authRoutePath, authRouteQuery, refreshRouteUrl, signInStartUrl } from './auth-route-urls.js';
import { AUTH_ROUTE_PARAMS } from './constants.js';

const ROUTE = 'https://app.example.com/callback';

describe('auth route URLs', () => {
  it('sends every sign-in option under its AUTH_ROUTE_PARAMS name, in a stable order', () => {
    const url = new URL(signInStartUrl(ROUTE, {
      screenHint: 'sign-up', returnTo: '/billing?tab=2', organizationId: 'org_1', loginHint: 'a@example.com',
      prompt: 'login', maxAge: 0, customState: 'Fe26.2*sealed',
    }));
    expect([...url.searchParams.keys()]).toEqual([
      AUTH_ROUTE_PARAMS.screenHint, AUTH_ROUTE_PARAMS.returnTo, AUTH_ROUTE_PARAMS.organizationId, AUTH_ROUTE_PARAMS.loginHint,
      AUTH_ROUTE_PARAMS.prompt, AUTH_ROUTE_PARAMS.maxAge, AUTH_ROUTE_PARAMS.customState,
    ]);
    expect(url.searchParams.get('return_to')).toBe('/billing?tab=2');
    expect(url.searchParams.get('max_age')).toBe('0');
  });

  it('leaves out what is not given, and has no query at all for no options', () => {
    expect(signInStartUrl(ROUTE, { screenHint: 'sign-in' })).toBe(`${ROUTE}?screen_hint=sign-in`);
    expect(signInStartUrl(ROUTE)).toBe(ROUTE);
  });

  it.each(['//evil.example/x', 'https://evil.example/', '/\\evil.example', '%2F%2Fevil.example'])('turns the return path %s into /', (returnTo) => {
    expect(new URL(signInStartUrl(ROUTE, { returnTo })).searchParams.get('return_to')).toBe('/');
    expect(new URL(refreshRouteUrl(ROUTE, returnTo)).searchParams.get('return_to')).toBe('/');
  });

  it("drops the redirect URI's own query and fragment", () => {
    expect(refreshRouteUrl(`${ROUTE}?stale=1#frag`, '/account')).toBe(`${ROUTE}?refresh=1&return_to=%2Faccount`);
    expect(authRoutePath(`${ROUTE}?stale=1`)).toBe('/callback');
  });

  it('builds the query the browser sends with the same names, skipping empty values', () => {
    expect(String(authRouteQuery({ screen_hint: 'sign-in', return_to: '/a b', organization_id: undefined, login_hint: '' }))).toBe('screen_hint=sign-in&return_to=%2Fa+b');
  });
});
