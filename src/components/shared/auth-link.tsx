/** The sign-in / sign-up link both faces render; only where the `href` comes from differs. */
import { Slot } from './slot.js';
import type { AuthLinkProps } from './types.js';

/**
 * An `<a>` (or, with `asChild`, the caller's element) to `href`, labelled `label` by default.
 * Without `href` it is the placeholder the page's static shell shows while the URL streams in:
 * the same element and text (so nothing shifts), marked `data-state="loading"`.
 */
export function AuthLink({ href, label, returnTo: _r, organizationId: _o, loginHint: _l, loading: _s, children, ...rest }: AuthLinkProps & { href?: string; label: string }) {
  return <Slot as="a" {...rest} href={href} data-state={href ? undefined : 'loading'}>{children ?? label}</Slot>;
}
