import { act, render, screen } from '@testing-library/react';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { CONDITION_CASES, signedIn, signedInSession } from '../../../test/support/components-fixtures.js';
import { renderWithAuth, TEST_AUTH_ROUTE } from '../../../test/support/components-render.js';
import { RequireAuth, SignedIn, SignedOut } from './gates.js';
import * as navigate from './navigate.js';

vi.mock('../../actions/index.js', () => import('../../../test/support/components-actions.js'));
vi.mock('./navigate.js', async (importOriginal) => ({ ...(await importOriginal<object>()), goToSignIn: vi.fn(), reload: vi.fn() }));
const { resetActionMocks, getAuthAction } = await import('../../../test/support/components-actions.js');

beforeEach(() => {
  resetActionMocks();
  vi.mocked(navigate.goToSignIn).mockReset();
});

const fallback = <p>fallback</p>;
const shown = (text: string) => screen.queryByText(text) !== null;

describe('<SignedIn> (client)', () => {
  it('shows children signed in and the fallback (default nothing) signed out', () => {
    const view = renderWithAuth(<SignedIn fallback={fallback}>secret</SignedIn>, signedInSession());
    expect(shown('secret')).toBe(true);
    view.unmount();
    renderWithAuth(<SignedIn fallback={fallback}>secret</SignedIn>, 'signedOut');
    expect(shown('secret')).toBe(false);
    expect(shown('fallback')).toBe(true);
  });

  it('renders nothing when signed out without a fallback', () => {
    const { container } = renderWithAuth(<SignedIn>secret</SignedIn>, 'signedOut');
    expect(container).toBeEmptyDOMElement();
  });

  it.each(CONDITION_CASES)('checks %s: children when met, fallback when unmet', (_name, met, unmet) => {
    const view = renderWithAuth(<SignedIn {...met} fallback={fallback}>secret</SignedIn>, signedInSession());
    expect(shown('secret')).toBe(true);
    view.unmount();
    renderWithAuth(<SignedIn {...unmet} fallback={fallback}>secret</SignedIn>, signedInSession());
    expect(shown('secret')).toBe(false);
    expect(shown('fallback')).toBe(true);
  });

  it('renders neither state while an unseeded provider loads, then the right one', async () => {
    let answer!: (value: ReturnType<typeof signedIn>) => void;
    getAuthAction.mockReturnValue(new Promise((resolve) => (answer = resolve)));
    let view!: ReturnType<typeof renderWithAuth>;
    // The gates suspend until the provider has asked the server: let React run its effects.
    await act(async () => void (view = renderWithAuth(<><SignedIn fallback={fallback} loading="…">secret</SignedIn><SignedOut>welcome</SignedOut></>, 'loading')));
    expect(view.container).toHaveTextContent(/^…$/);
    await act(async () => answer(signedIn()));
    expect(await screen.findByText('secret')).toBeInTheDocument();
    expect(shown('welcome')).toBe(false);
  });
});

describe('<SignedOut> (client)', () => {
  it('shows children signed out and the fallback signed in', () => {
    const view = renderWithAuth(<SignedOut fallback={fallback}>welcome</SignedOut>, 'signedOut');
    expect(shown('welcome')).toBe(true);
    view.unmount();
    renderWithAuth(<SignedOut fallback={fallback}>welcome</SignedOut>, signedInSession());
    expect(shown('welcome')).toBe(false);
    expect(shown('fallback')).toBe(true);
  });
});

describe('<RequireAuth> (client)', () => {
  it('shows children when signed in and every condition holds', () => {
    renderWithAuth(<RequireAuth role="admin" permission="billing:read">panel</RequireAuth>, signedInSession());
    expect(shown('panel')).toBe(true);
    expect(navigate.goToSignIn).not.toHaveBeenCalled();
  });

  it.each(CONDITION_CASES)('signed in but %s unmet: the fallback, default nothing, and no redirect', (_name, _met, unmet) => {
    const view = renderWithAuth(<RequireAuth {...unmet} fallback={fallback}>panel</RequireAuth>, signedInSession());
    expect(shown('fallback')).toBe(true);
    view.unmount();
    const { container } = renderWithAuth(<RequireAuth {...unmet}>panel</RequireAuth>, signedInSession());
    expect(container).toBeEmptyDOMElement();
    expect(navigate.goToSignIn).not.toHaveBeenCalled();
  });

  it('signed out: sends the browser to sign-in, back to `returnTo` when given', () => {
    const { container } = renderWithAuth(<RequireAuth returnTo="/admin">panel</RequireAuth>, 'signedOut');
    expect(container).toBeEmptyDOMElement();
    expect(navigate.goToSignIn).toHaveBeenCalledWith(TEST_AUTH_ROUTE, '/admin');
  });

  it('signed out with a fallback: renders it instead of redirecting', () => {
    renderWithAuth(<RequireAuth fallback={fallback}>panel</RequireAuth>, 'signedOut');
    expect(shown('fallback')).toBe(true);
    expect(navigate.goToSignIn).not.toHaveBeenCalled();
  });

  it('does not redirect while an unseeded provider is still loading', () => {
    getAuthAction.mockReturnValue(new Promise(() => undefined));
    renderWithAuth(<RequireAuth>panel</RequireAuth>, 'loading');
    expect(navigate.goToSignIn).not.toHaveBeenCalled();
  });
});

describe('outside a provider', () => {
  it('every client gate names the missing provider', () => {
    const spy = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    for (const gate of [<SignedIn key="a" />, <SignedOut key="b" />, <RequireAuth key="c" />]) {
      expect(() => render(gate)).toThrow(/AuthKitProvider/);
    }
    spy.mockRestore();
  });
});
