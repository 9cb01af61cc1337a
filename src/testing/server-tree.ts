/**
 * Renders async server components for a test renderer that only knows client React (Testing
 * Library, react-dom): every async function component in the tree is called with its props and
 * awaited, recursively, the way the RSC renderer would, leaving client components (and plain
 * elements) for the test renderer. Props that hold elements (`children`, `fallback`) are resolved too,
 * and a promise handed to a client component (the provider's session) arrives settled, as the
 * RSC stream delivers it, so `use()` reads it without suspending.
 */
import { Children, cloneElement, createElement, Fragment, isValidElement } from 'react';
import type { ReactElement, ReactNode } from 'react';
import { fulfilled } from '../components/client/session-seed.js';

type Props = Record<string, unknown>;

const isAsyncComponent = (type: unknown): type is (props: Props) => Promise<ReactNode> =>
  typeof type === 'function' && type.constructor?.name === 'AsyncFunction';

const holdsElements = (value: unknown) => isValidElement(value) || (Array.isArray(value) && value.some(isValidElement));
const isThenable = (value: unknown): value is PromiseLike<unknown> => typeof (value as PromiseLike<unknown> | null)?.then === 'function';

/** The promise, settled and marked the way React marks a promise it has read (`use()` then returns at once). */
async function settled(promise: PromiseLike<unknown>): Promise<{ thenable: PromiseLike<unknown> }> {
  const value = await promise;
  // Wrapped: awaiting an async function's promise-valued result would unwrap it.
  return { thenable: fulfilled(value) };
}

async function resolveProps(props: Props): Promise<Props | undefined> {
  const changed: Props = {};
  for (const [name, value] of Object.entries(props)) {
    if (isThenable(value)) changed[name] = (await settled(value)).thenable;
    else if (name === 'children' ? value !== undefined && typeof value !== 'function' : holdsElements(value)) {
      changed[name] = await resolveServerComponents(value as ReactNode);
    }
  }
  return Object.keys(changed).length > 0 ? changed : undefined;
}

/**
 * The tree with every async server component replaced by what it rendered.
 * @example
 * await setMockSession('admin');
 * render(await resolveServerComponents(<SignedIn role="admin"><p>Welcome</p></SignedIn>));
 */
export async function resolveServerComponents(node: ReactNode): Promise<ReactNode> {
  if (Array.isArray(node)) {
    // Keep each child's key: a resolved server component's output has none of its own.
    const keyed = (child: ReactNode, index: number) => (isValidElement(child) && child.key !== null ? child.key : index);
    return Promise.all(Children.toArray(node).map(async (child, index) => createElement(Fragment, { key: keyed(child, index) }, await resolveServerComponents(child))));
  }
  if (!isValidElement(node)) return node;
  const element = node as ReactElement<Props>;
  if (isAsyncComponent(element.type)) return resolveServerComponents(await element.type(element.props));
  const props = await resolveProps(element.props);
  return props ? cloneElement(element, props) : element;
}
