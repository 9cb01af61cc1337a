/**
 * `asChild` support (the Radix pattern): hand the kit's props to the caller's own element, so a
 * `<Link>` or a design-system button can be the sign-in link or the submit control. The kit's props
 * win over the child's: a sign-in link without our `href`, or a submit control without
 * `type="submit"`, would silently stop working.
 */
import { cloneElement, isValidElement } from 'react';
import type { ReactElement, ReactNode } from 'react';

/** Renders `children` as `Tag` with `props`, or, with `asChild`, clones the single child element with them. */
export function Slot({ asChild, as: Tag, children, ...props }: {
  asChild?: boolean;
  as: 'a' | 'button';
  children?: ReactNode;
  [prop: string]: unknown;
}) {
  if (asChild && isValidElement(children)) return cloneElement(children as ReactElement<Record<string, unknown>>, props);
  return <Tag {...props}>{children}</Tag>;
}
