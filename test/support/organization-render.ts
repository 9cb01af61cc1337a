/**
 * Rendering the organization server components in component tests: real sessions and data from
 * the emulator (components-request.ts), after an action when the test needs its notice, the way
 * Next renders the page the action redirects to (the action's cookies, read-only).
 */
import { render } from '@testing-library/react';
import type { ReactNode } from 'react';
import { serverRender } from './components-request.js';
import { redirectOf } from './http.js';
import { mockRequest, nextHeadersMock } from '../../src/testing/next-headers.js';
import { isReservedHeader } from '../../src/server/proxy/forward-headers.js';
import { sessionRoot } from '../../src/server/root/current-root.js';
import { SIGNATURE_HEADER, writeForwardedContext } from '../../src/server/session/forwarded.js';
import { readSessionCookie } from '../../src/server/session/session-cookie.js';

/** Renders `component` as a server component would be, into the DOM. */
export async function renderServer<P extends object>(component: (props: P) => ReactNode | Promise<ReactNode>, props: P) {
  return render(await serverRender(component, props));
}

/**
 * Runs a form action (it redirects), then starts the render of the page it lands on with the
 * cookies it left: the request's own headers, the cookie header made from the jar again and, when
 * the proxy had handed the action over, a new hand-over for the landing page, as the proxy signs it.
 */
export async function afterAction(run: () => Promise<unknown>): Promise<string> {
  const { url } = await redirectOf(run);
  const before = await nextHeadersMock.headers();
  const headers = new Headers([...before].filter(([name]) => name !== 'cookie' && !isReservedHeader(name)));
  const cookies = mockRequest.cookieJar();
  if (before.has(SIGNATURE_HEADER)) {
    const root = sessionRoot();
    const session = readSessionCookie(root.config, { getAll: () => Object.entries(cookies).map(([name, value]) => ({ name, value })) }) ?? '';
    const landing = new URL(url, 'http://localhost');
    await writeForwardedContext(root, headers, { session, path: `${landing.pathname}${landing.search}` });
  }
  mockRequest.reset({ cookies, headers: Object.fromEntries(headers), readOnly: true });
  return url;
}

/** The fields a rendered form would post. */
export const fieldsOf = (form: HTMLElement) => Object.fromEntries(new FormData(form as HTMLFormElement));

type Element = { type?: unknown; props?: Record<string, unknown> };

/**
 * The `action` of every `<form>` in a tree, expanding plain (synchronous) function components the
 * way React would: jsdom cannot show which server action a form posts to.
 */
export function formActions(node: unknown): unknown[] {
  if (Array.isArray(node)) return node.flatMap(formActions);
  const element = node as Element | null;
  if (!element || typeof element !== 'object' || !element.props) return [];
  if (typeof element.type === 'function') return formActions((element.type as (props: unknown) => unknown)(element.props));
  const own = element.type === 'form' ? [element.props.action] : [];
  return [...own, ...formActions(element.props.children)];
}
