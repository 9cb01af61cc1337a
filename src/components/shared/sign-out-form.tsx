/**
 * The sign-out control both faces render: a real `<form>` posting to `signOutAction`, so it works
 * before hydration and with JavaScript disabled.
 */
import type { ReactNode } from 'react';
import { signOutAction } from '../../actions/index.js';
import { Slot } from './slot.js';
import type { SignOutButtonProps } from './types.js';

/** A labelled sign-out form; `label` names the form and is the default button text. */
export function SignOutForm({ returnTo, asChild, children, label, ...rest }: SignOutButtonProps & { label: string; children?: ReactNode }) {
  return (
    <form action={signOutAction} aria-label={label}>
      {returnTo && <input type="hidden" name="returnTo" value={returnTo} />}
      <Slot as="button" asChild={asChild} {...rest} type="submit">{children ?? label}</Slot>
    </form>
  );
}
