/** The sign-in / sign-up link both faces render; only where the `href` comes from differs. */
import { Slot } from './slot.js';
import type { AuthLinkProps } from './types.js';

/** An `<a>` (or, with `asChild`, the caller's element) to `href`, labelled `label` by default. */
export function AuthLink({ href, label, returnTo: _r, organizationId: _o, loginHint: _l, children, ...rest }: AuthLinkProps & { href: string; label: string }) {
  return <Slot as="a" {...rest} href={href}>{children ?? label}</Slot>;
}
