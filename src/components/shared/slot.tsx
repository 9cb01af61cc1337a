/**
 * `asChild` support (the Radix pattern): hand the kit's props to the caller's own element, so a
 * `<Link>` or a design-system button can be the sign-in link or the submit control. The kit's props
 * win over the child's (a sign-in link without our `href`, or a submit control without
 * `type="submit"`, would silently stop working), except where both can have their way, as Radix
 * composes them: event handlers both run (the child's first), class names are joined, styles
 * merged (the child's win).
 */
import { cloneElement, isValidElement } from 'react';
import type { ReactElement, ReactNode } from 'react';

type Props = Record<string, unknown>;
type Handler = (...args: unknown[]) => unknown;

/** The props the cloned child gets: the kit's over the child's, composed where both apply. */
export function mergeSlotProps(kit: Props, child: Props): Props {
  const merged: Props = { ...child, ...kit };
  for (const [name, ours] of Object.entries(kit)) {
    const theirs = child[name];
    if (/^on[A-Z]/.test(name) && typeof ours === 'function' && typeof theirs === 'function') {
      merged[name] = (...args: unknown[]) => {
        (theirs as Handler)(...args);
        (ours as Handler)(...args);
      };
    }
  }
  if (kit.className && child.className) merged.className = `${kit.className as string} ${child.className as string}`;
  if (kit.style && child.style) merged.style = { ...(kit.style as object), ...(child.style as object) };
  return merged;
}

/** Renders `children` as `Tag` with `props`, or, with `asChild`, clones the single child element with them. */
export function Slot({ asChild, as: Tag, children, ...props }: {
  asChild?: boolean;
  as: 'a' | 'button';
  children?: ReactNode;
  [prop: string]: unknown;
}) {
  if (asChild && isValidElement(children)) {
    const child = children as ReactElement<Props>;
    return cloneElement(child, mergeSlotProps(props, child.props));
  }
  return <Tag {...props}>{children}</Tag>;
}
