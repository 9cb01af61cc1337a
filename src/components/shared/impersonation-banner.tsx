/**
 * The impersonation banner both faces render. It is announced (`role="status"`), says who is
 * impersonating whom, in which organisation and why, and stops with a plain sign-out form, so
 * the server face needs no client JavaScript at all. Styled by the reference package's CSS
 * variables (`--workos-impersonation-*`) plus `data-authkit-impersonation` and `data-side`; the
 * root also carries the reference's `data-workos-impersonation-root`, so selectors and styles
 * written for the reference keep matching.
 */
import { signOutAction } from '../../actions/index.js';
import type { Impersonator, User } from '../../shared/types.js';
import type { ImpersonationProps } from './types.js';

const v = (name: string, fallback: string) => `var(--workos-impersonation-${name},${fallback})`;

/** The banner for `user` being impersonated by `impersonator`, optionally naming the organisation. */
export function ImpersonationBanner({ user, impersonator, organization, side = 'bottom', returnTo, style, ...rest }: ImpersonationProps & {
  user: User;
  impersonator: Impersonator;
  organization?: string;
}) {
  return (
    <div
      role="status" data-authkit-impersonation="" data-workos-impersonation-root="" data-side={side} {...rest}
      style={{
        position: 'fixed', left: 0, right: 0, [side]: 0, zIndex: 9999, padding: 8, textAlign: 'center',
        background: v('background-color', '#fce654'), color: v('color', '#1a1a1a'),
        [side === 'top' ? 'borderBottom' : 'borderTop']: `${v('border-width', '2px')} solid ${v('border-color', '#e0c200')}`,
        ...style,
      }}
    >
      <strong>{impersonator.email}</strong> is impersonating <strong>{user.email}</strong>
      {/* Two children rather than a fragment: the same DOM, and no Fragment in the client bundle. */}
      {organization && ' in '}{organization && <strong>{organization}</strong>}
      {impersonator.reason && ` (reason: ${impersonator.reason})`}{' '}
      {/* A plain form: stopping works before hydration and with JavaScript disabled. */}
      <form action={signOutAction} aria-label="Stop impersonating" style={{ display: 'inline' }}>
        {returnTo && <input type="hidden" name="returnTo" value={returnTo} />}
        <button type="submit">Stop impersonating</button>
      </form>
    </div>
  );
}
