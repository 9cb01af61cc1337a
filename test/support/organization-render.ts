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

/** Renders `component` as a server component would be, into the DOM. */
export async function renderServer<P extends object>(component: (props: P) => ReactNode | Promise<ReactNode>, props: P) {
  return render(await serverRender(component, props));
}

/** Runs a form action (it redirects), then starts the render of the page it lands on with the cookies it left. */
export async function afterAction(run: () => Promise<unknown>): Promise<string> {
  const { url } = await redirectOf(run);
  // The request's own headers; the cookie header is made from the jar again.
  const headers = Object.fromEntries([...(await nextHeadersMock.headers())].filter(([name]) => name !== 'cookie'));
  mockRequest.reset({ cookies: mockRequest.cookieJar(), headers, readOnly: true });
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
