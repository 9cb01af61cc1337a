/**
 * Where each server part renders: with Cache Components in its own `<Suspense>` (so a page keeps its
 * static shell and builds without a boundary placed by hand), with a fallback that keeps its box;
 * without, in place (the first HTML is complete and works without JavaScript).
 */
import { render, screen } from '@testing-library/react';
import { Suspense, isValidElement } from 'react';
import type { ReactElement, ReactNode } from 'react';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { buildWithCacheComponents } from '../../../test/support/cache-components.js';
import { setTestEnv } from '../../../test/support/env.js';
import { clearMockSession, setMockSession } from '../../testing/index.js';
import { SignInButton, SignOutButton, SignUpButton } from './buttons.js';
import { RequireAuth, SignedIn, SignedOut } from './gates.js';
import { Impersonation } from './impersonation.js';
import { OrgSwitcher } from './org-switcher.js';

vi.mock('next/headers', async () => (await import('../../testing/next-headers.js')).nextHeadersMock);
// Where a part renders does not depend on WorkOS: the test kit's mock session is enough.
let restoreEnv: () => void;
beforeAll(() => {
  restoreEnv = setTestEnv();
});
afterAll(async () => {
  await clearMockSession();
  restoreEnv();
});

type Boundary = ReactElement<{ fallback: ReactNode; children: ReactNode }>;
const isBoundary = (node: unknown): node is Boundary => isValidElement(node) && node.type === Suspense;
const loading = <i>loading…</i>;

describe('with Cache Components', () => {
  buildWithCacheComponents(true);

  it.each([
    ['SignedIn', () => SignedIn({ loading, children: 'x' })],
    ['SignedOut', () => SignedOut({ loading, children: 'x' })],
    ['RequireAuth', () => RequireAuth({ loading, children: 'x' })],
    ['OrgSwitcher', () => OrgSwitcher({ loading })],
  ])('<%s> renders in its own boundary, showing `loading` until the session is known', async (_name, part) => {
    const element = await part();
    expect(isBoundary(element) && element.props.fallback).toBe(loading);
  });

  it('the sign-in and sign-up links hold their place with the same element, text and class, without href', async () => {
    for (const [Button, label] of [[SignInButton, 'Sign in'], [SignUpButton, 'Sign up']] as const) {
      const element = await Button({ className: 'button primary' });
      if (!isBoundary(element)) throw new Error('expected a boundary');
      const { unmount } = render(<>{element.props.fallback}</>);
      const placeholder = screen.getByText(label);
      expect(placeholder.tagName).toBe('A');
      expect(placeholder).toHaveClass('button', 'primary');
      expect(placeholder).toHaveAttribute('data-state', 'loading');
      expect(placeholder).not.toHaveAttribute('href');
      unmount();
    }
  });

  it('the switcher holds its place with the closed disclosure labelled `label`; the banner (fixed to an edge) with nothing', async () => {
    const switcher = await OrgSwitcher({ label: 'Teams', className: 'switcher' });
    if (!isBoundary(switcher)) throw new Error('expected a boundary');
    const { container } = render(<>{switcher.props.fallback}</>);
    expect(container.querySelector('details[data-state="loading"][aria-busy="true"].switcher summary')).toHaveTextContent('Teams');
    const banner = await Impersonation({});
    expect(isBoundary(banner) && banner.props.fallback).toBeNull();
  });

  it('the sign-out button reads no session: it is part of the static shell', () => {
    expect(isBoundary(SignOutButton({}))).toBe(false);
  });
});

describe('without Cache Components', () => {
  buildWithCacheComponents(false);

  it('every part renders in place: the page waits for the session, and its first HTML is complete', async () => {
    await setMockSession('impersonating');
    for (const part of [SignedIn({ children: 'x' }), SignedOut({ children: 'x' }), RequireAuth({ children: 'x' }), OrgSwitcher({}), Impersonation({}), SignInButton({})]) {
      expect(isBoundary(await part)).toBe(false);
    }
  });
});
